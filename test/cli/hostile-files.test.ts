import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureDist } from "../support/dist";
import { hostileFiles } from "../xlsx/support/bombs";

/**
 * Issue 15, acceptance on the compiled CLI: each hostile file class ends with exit 2 and its French message,
 * under 600 MB of peak memory and 10 s; `consolidate` leaves each bad file out with its reason and
 * consolidates the good ones (exit 1).
 */
const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "bilan-iae.js");
const dir = mkdtempSync(join(tmpdir(), "bilan-hostile-cli-"));
/** Preloaded in the CLI's process: writes its peak resident memory (kB) where BILAN_TEST_RSS_FILE says, at exit. */
const RSS_REPORTER = join(dir, "report-rss.js");

let files: Awaited<ReturnType<typeof hostileFiles>>;

beforeAll(async () => {
  ensureDist();
  writeFileSync(
    RSS_REPORTER,
    `process.on("exit", () => require("node:fs").writeFileSync(process.env.BILAN_TEST_RSS_FILE, String(process.resourceUsage().maxRSS)));\n`,
  );
  files = await hostileFiles();
  mkdirSync(join(dir, "mixed"));
  for (const f of files) {
    writeFileSync(join(dir, f.name), f.bytes);
    writeFileSync(join(dir, "mixed", f.name), f.bytes);
  }
  for (let i = 1; i <= 20; i++)
    copyFileSync(
      join(ROOT, "examples", "aci-canonique.xlsx"),
      join(dir, "mixed", `bon-${String(i).padStart(2, "0")}.xlsx`),
    );
}, 240_000);

function run(args: string[], env: Record<string, string> = {}) {
  const rssFile = join(dir, `rss-${Date.now()}-${Math.random()}`);
  const started = Date.now();
  const r = spawnSync(process.execPath, ["--require", RSS_REPORTER, BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, BILAN_IAE_DEBUG: "", BILAN_TEST_RSS_FILE: rssFile, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Date.now() - started;
  expect(r.stderr).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
  expect(r.stderr).not.toMatch(/FATAL ERROR|heap limit/);
  return {
    code: r.status,
    out: r.stdout,
    err: r.stderr,
    ms,
    peakMb: Number(readFileSync(rssFile, "utf8")) / 1024,
  };
}

describe("check and indicators on each hostile file", () => {
  it("exit 2 with the file's message (or a normal result for the backtracking traps), ≤ 600 MB peak, ≤ 10 s", () => {
    for (const f of files) {
      for (const command of ["check", "indicators"]) {
        const r = run([command, f.name]);
        if (f.reason) {
          expect({ file: f.name, command, code: r.code }).toEqual({ file: f.name, command, code: 2 });
          // check and indicators print the message with the file's result (stdout, or stderr for --json runs).
          expect(r.out + r.err).toContain(`« ${f.name} »`);
          if (f.pattern) expect(r.out + r.err).toMatch(f.pattern);
        } else {
          expect({ file: f.name, command, code: r.code === 0 || r.code === 1 }).toEqual({
            file: f.name,
            command,
            code: true,
          });
        }
        expect({ file: f.name, command, under600: r.peakMb <= 600, under10s: r.ms <= 10_000 }).toEqual({
          file: f.name,
          command,
          under600: true,
          under10s: true,
        });
      }
    }
  }, 300_000);
});

describe("consolidate on a folder of 20 good files and one of each hostile kind", () => {
  it("consolidates the 20 (and the backtracking traps, read in linear time), lists each bad one with its reason, exit 1", () => {
    const r = run(["consolidate", "--json", "mixed"]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out) as { reports: { file: string }[] };
    const readable = files.filter((f) => !f.reason).map((f) => `mixed/${f.name}`);
    expect(out.reports.map((x) => x.file).sort()).toEqual(
      [
        ...readable,
        ...Array.from({ length: 20 }, (_v, i) => `mixed/bon-${String(i + 1).padStart(2, "0")}.xlsx`),
      ].sort(),
    );
    for (const f of files.filter((x) => x.reason)) {
      expect(r.err).toMatch(
        new RegExp(`« mixed/${f.name.replace(/\./g, "\\.")} ».*\\(fichier écarté de la consolidation\\)`),
      );
      if (f.pattern) expect(r.err).toMatch(f.pattern);
    }
    expect(r.peakMb).toBeLessThanOrEqual(600);
  }, 300_000);

  it("a file that exhausts the worker's memory or time is left out with that reason, the others go on", () => {
    const two = [join(ROOT, "examples", "aci-canonique.xlsx"), join(ROOT, "examples", "ei-erreurs.xlsx")];
    const slow = run(["consolidate", "--json", ...two], { BILAN_IAE_READ_TIMEOUT_S: "0.001" });
    expect(slow.code).toBe(1);
    expect(JSON.parse(slow.out).reports).toHaveLength(0);
    expect(slow.err).toMatch(/La lecture du fichier « .*aci-canonique\.xlsx » a été arrêtée : plus de 0 s/);
    const small = run(["consolidate", "--json", ...two], { BILAN_IAE_READ_MEMORY_MB: "4" });
    expect(small.code).toBe(1);
    expect(small.err).toMatch(/a été arrêtée : plus de 4 Mo de mémoire/);
    expect(run(["consolidate", "--json", ...two]).code).toBe(1); // ei-erreurs has errors: 1 as before
  }, 120_000);
});
