import { USER_ERRORS_FR } from "../../../src/core/errors/french";
import {
  fromPlain,
  hasCode,
  inArea,
  isUserError,
  toPlain,
  UserError,
} from "../../../src/core/errors/user-error";
import type { UserErrorCode, UserErrorParams } from "../../../src/core/errors/codes";
import { CODES, SAMPLES } from "../../support/user-error-samples";

const make = <C extends UserErrorCode>(code: C) => new UserError(code, SAMPLES[code] as UserErrorParams[C]);

describe("the French catalog", () => {
  it("words exactly the codes there are, none empty", () => {
    expect(Object.keys(USER_ERRORS_FR).sort()).toEqual([...CODES].sort());
    for (const code of CODES) expect(make(code).message.trim().length).toBeGreaterThan(20);
  });

  it.each(CODES)("%s keeps French spacing: a space before : ; ? ! and inside « »", (code) => {
    const text = make(code).message;
    // The pane turns these spaces into no-break ones (frenchTypography); here they must be there at all.
    expect(text).not.toMatch(/[^\s\u00a0\u202f][:;?!](\s|$)/);
    expect(text).not.toMatch(/«[^\s\u00a0]/);
    expect(text).not.toMatch(/[^\s\u00a0]»/);
    expect(text).not.toMatch(/[“”]/);
  });

  it("is the message, so the CLI and the logs keep the French text", () => {
    const e = new UserError("config.invalid", { problems: ["réglage inconnu « x »"], source: "d.json" });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("UserError");
    expect(e.message).toBe(
      "Configuration invalide (d.json) : réglage inconnu « x ». Corrigez le fichier de configuration ou supprimez les réglages en cause pour revenir aux valeurs par défaut.",
    );
    expect(
      new UserError("usage.unknown-subcommand", { command: "hub", sub: "x", choices: ["a", "b", "c"] })
        .message,
    ).toBe("Sous-commande inconnue « hub x » : a, b ou c.");
  });
});

describe("recognition without the class", () => {
  it("hasCode and inArea narrow by code and by area", () => {
    const e: unknown = make("hub.refused");
    expect(hasCode(e, "hub.refused") && e.params.status).toBe(422);
    expect(hasCode(e, "hub.unauthorized")).toBe(false);
    expect(inArea(e, "hub")).toBe(true);
    expect(inArea(e, "read")).toBe(false);
    expect(inArea(make("read.truncated"), "read")).toBe(true);
  });

  it("refuses what only looks like one: an unknown code, no params, a plain Error, a string", () => {
    expect(isUserError({ userError: true, code: "read.nope", params: {} })).toBe(false);
    expect(isUserError({ userError: true, code: "read.truncated" })).toBe(false);
    expect(isUserError({ code: "read.truncated", params: { file: "x" } })).toBe(false);
    expect(isUserError(Object.assign(new Error("x"), { name: "UserError" }))).toBe(false);
    expect(isUserError("read.truncated")).toBe(false);
    expect(isUserError(null)).toBe(false);
  });

  it("a structured clone of the Error itself keeps only its message: across a worker, post toPlain(e)", () => {
    const e = make("limit.too-many-cells");
    expect(isUserError(structuredClone(e))).toBe(false);
    const copy = structuredClone(toPlain(e));
    expect(Object.getPrototypeOf(Object.getPrototypeOf(copy))).toBeNull(); // a plain object, whatever its realm
    expect(isUserError(copy)).toBe(true);
    expect(copy).toMatchObject({ code: "limit.too-many-cells", params: SAMPLES["limit.too-many-cells"] });
  });
});

describe("toPlain / fromPlain", () => {
  it.each(CODES)("%s survives the round trip, through a structured clone", (code) => {
    const e = make(code);
    const back = fromPlain(structuredClone(toPlain(e)));
    expect(back).toBeInstanceOf(UserError);
    expect(back).toMatchObject({ code, params: e.params, message: e.message, name: "UserError" });
  });

  it("accepts the reading worker's shape { name, message, reason, file } and keeps its message", () => {
    const message = "Le fichier « casse.xlsx » n'a pas été lu : plus de 4 096 parties. Aucun bilan…";
    const e = fromPlain({ name: "XlsxReadError", message, reason: "too-many-parts", file: "casse.xlsx" });
    expect(e).toBeInstanceOf(UserError);
    expect(e).toMatchObject({ code: "read.too-many-parts", params: { file: "casse.xlsx" }, message });
    const worded = fromPlain({
      name: "UserError",
      message: "",
      code: "read.truncated",
      params: { file: "a.xlsx" },
    });
    expect(worded.message).toBe(USER_ERRORS_FR["read.truncated"]({ file: "a.xlsx" }));
  });

  it("gives a plain Error, never a UserError, for an unknown code or reason and for any other error", () => {
    for (const plain of [
      { name: "UserError", message: "m", code: "hub.nope", params: {} },
      { name: "XlsxReadError", message: "m", reason: "unexpected", file: "a.xlsx" },
      toPlain(new TypeError("boom")),
      toPlain("text"),
    ]) {
      const e = fromPlain(plain);
      expect(e).not.toBeInstanceOf(UserError);
      expect(isUserError(e)).toBe(false);
      expect(e.message).toBe(plain.message);
    }
    expect(fromPlain(toPlain(new TypeError("boom"))).name).toBe("TypeError");
  });

  it("keeps the cause out of the plain copy (it may be anything) but on the error", () => {
    const cause = new Error("ENOENT");
    const e = new UserError("usage.config-unreadable", { path: "r.json", errno: "ENOENT" }, { cause });
    expect(e.cause).toBe(cause);
    expect(Object.keys(toPlain(e)).sort()).toEqual(["code", "message", "name", "params", "userError"]);
  });
});
