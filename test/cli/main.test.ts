import { run } from "../../src/cli/main";
import { Progress } from "../../src/cli/progress";
import { resolveCommand, type Command } from "../../src/cli/command";
import { COMMANDS } from "../../src/cli/commands";
import type { CliIo } from "../../src/cli/io";
import { UserError } from "../../src/core/errors/user-error";

function fakeIo(env: Record<string, string> = {}, tty = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), errIsTty: tty, env, cwd: "/" };
  return { io, out, err };
}

const boom: Command = {
  name: "boom",
  summary: "fails",
  help: "",
  run: async () => {
    throw new TypeError("Cannot read properties of undefined (reading 'x')");
  },
};

describe("top-level handler", () => {
  it("turns an unexpected error into a French message without stack, exit 2", async () => {
    const f = fakeIo();
    expect(await run(["boom"], f.io, [boom])).toBe(2);
    const text = f.err.join("");
    expect(text).toContain("Erreur inattendue");
    expect(text).toContain("BILAN_IAE_DEBUG=1");
    expect(text).not.toMatch(/\n\s+at /);
  });
  it("prints the stack only with BILAN_IAE_DEBUG=1", async () => {
    const f = fakeIo({ BILAN_IAE_DEBUG: "1" });
    expect(await run(["boom"], f.io, [boom])).toBe(2);
    expect(f.err.join("")).toMatch(/\n\s+at /);
  });
  it.each([
    ["usage.missing-hub", {}],
    ["read.truncated", { file: "bilan.xlsx" }],
    ["hub.url-not-http", { url: "ftp://hub" }],
    ["template.sheets-exist", { sheets: ["Salariés"] }],
  ] as const)("prints a %s user error as its French message, no stack, exit 2", async (code, params) => {
    const worded: Command = {
      name: "worded",
      summary: "",
      help: "",
      run: async () => {
        throw new UserError(code, params as never);
      },
    };
    const f = fakeIo({ BILAN_IAE_DEBUG: "1" });
    expect(await run(["worded"], f.io, [worded])).toBe(2);
    expect(f.err.join("")).toBe(`${new UserError(code, params as never).message}\n`);
  });
  it("lists the registered commands in the help (one line adds a command)", async () => {
    const f = fakeIo();
    expect(await run(["--help"], f.io, [boom])).toBe(0);
    expect(f.out.join("")).toMatch(/boom\s+fails/);
  });
});

describe("progress", () => {
  it("rewrites one line with \\r on a terminal, plain lines otherwise, nothing when disabled", () => {
    const tty = fakeIo({}, true);
    const p = new Progress(tty.io, true);
    p.step(1, 2, "a.xlsx");
    p.step(2, 2, "b.xlsx");
    p.done();
    expect(tty.err.join("")).toBe("\r\x1b[2KLecture 1/2 : a.xlsx…\r\x1b[2KLecture 2/2 : b.xlsx…\r\x1b[2K");
    const plain = fakeIo();
    const q = new Progress(plain.io, true);
    q.step(1, 1, "a.xlsx");
    q.done();
    expect(plain.err.join("")).toBe("Lecture 1/1 : a.xlsx…\n");
    const off = fakeIo();
    new Progress(off.io, false).step(1, 1, "a.xlsx");
    expect(off.err).toEqual([]);
    expect(tty.out).toEqual([]);
  });
});

describe("registry", () => {
  it("each registered name loads the command of that name", () => {
    for (const e of COMMANDS) expect(resolveCommand(e).name).toBe(e.name);
    expect(COMMANDS.map((c) => c.name).slice(0, 4)).toEqual([
      "check",
      "indicators",
      "consolidate",
      "template",
    ]);
  });
});
