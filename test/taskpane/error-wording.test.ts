import { HubClient, normalizeHubUrl } from "../../src/client/hub-client";
import { parseConfigText } from "../../src/core/config/merge";
import { toPlain, UserError } from "../../src/core/errors/user-error";
import type { UserErrorCode, UserErrorParams } from "../../src/core/errors/codes";
import { fetchFromHub } from "../../src/taskpane/consolidate/hub-source";
import { userMessage } from "../../src/taskpane/errors";
import { sendFailureOf } from "../../src/taskpane/send/send-failure";
import { USER_ERRORS_EN } from "../../src/taskpane/i18n/errors-en";
import { translator } from "../../src/taskpane/i18n/i18n";
import { CODES, SAMPLES } from "../support/user-error-samples";

const en = translator("en");
const fr = translator("fr");
const make = <C extends UserErrorCode>(code: C) => new UserError(code, SAMPLES[code] as UserErrorParams[C]);

/** What a failing call threw. */
async function thrown(f: () => unknown): Promise<unknown> {
  try {
    await f();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

describe("the English catalog", () => {
  it("words exactly the codes there are", () => {
    expect(Object.keys(USER_ERRORS_EN).sort()).toEqual([...CODES].sort());
  });

  it.each(CODES)("%s is worded in English, in English typography", (code) => {
    const text = userMessage(make(code), en);
    expect(text.trim().length).toBeGreaterThan(20);
    // A settings problem is the validator's French sentence, quoted as it is (not translated here).
    const params = SAMPLES[code] as { problems?: string[] };
    expect(params.problems ? text.replace(params.problems.join("; "), "") : text).not.toMatch(/[«»\u00a0]/);
    expect(text).not.toMatch(/ [:;?!]/);
    expect(text).not.toBe(make(code).message);
  });

  it.each(CODES)("%s in French gets no-break spaces before : ; ? ! and inside « »", (code) => {
    const text = userMessage(make(code), fr);
    expect(text).not.toMatch(/ [:;?!»]/);
    expect(text).not.toMatch(/« /);
    expect(text.replace(/[\u00a0\u202f]/g, " ")).toBe(make(code).message.replace(/[\u00a0\u202f]/g, " "));
  });
});

describe("errors that were French only are worded in English", () => {
  it("a hub error: a bad address, a hub that does not answer", async () => {
    const bad = await thrown(() => normalizeHubUrl("ftp://hub.departement.fr"));
    expect(userMessage(bad, en)).toBe(
      "Invalid hub address: “ftp://hub.departement.fr” (http or https expected).",
    );
    const down = (async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof fetch;
    const client = new HubClient({ baseUrl: "http://127.0.0.1:9", token: "t", fetch: down, maxElapsedMs: 0 });
    const unreachable = await thrown(() => client.getJson("/api/v1/settings"));
    expect(userMessage(unreachable, en)).toBe(
      "The department's hub (http://127.0.0.1:9) did not answer properly after 1 attempt in 0 s (hub unreachable). Check the hub's address and the network, then try again.",
    );
    expect(userMessage(unreachable, fr)).toMatch(/^Le hub départemental/);
    // The send view's "no status" case (bad address, missing token) goes through the same wording.
    expect(sendFailureOf(bad, en, null)).toMatchObject({ kind: "refused", message: userMessage(bad, en) });
    const noToken = await thrown(() => new HubClient({ baseUrl: "https://hub.departement.fr", token: " " }));
    expect(sendFailureOf(noToken, en, null)).toMatchObject({
      kind: "unauthorized",
      message: "Hub access token missing: enter the token the department gave you.",
    });
  });

  it("a department's settings file that is not JSON", async () => {
    const e = await thrown(() => parseConfigText("{ seuil: 3", "reglages-38.json"));
    expect(userMessage(e, en)).toMatch(
      /^Invalid settings \(reglages-38\.json\): ce n'est pas du JSON valide .*\. Fix the settings file, or delete the settings in question/,
    );
  });

  it("a usage mistake: a period the hub cannot know, a file that is not .xlsx", async () => {
    const e = await thrown(() => fetchFromHub({ url: "http://127.0.0.1:9", token: "t", period: "2025-T5" }));
    expect(userMessage(e, en)).toBe("Invalid period: “2025-T5”. Examples: 2025, 2025-S1, 2025-Q1, 2025-03.");
    expect(userMessage(e, fr)).toBe(
      "Période invalide\u00a0: «\u00a02025-T5\u00a0». Exemples\u00a0: 2025, 2025-S1, 2025-Q1, 2025-03.",
    );
    expect(userMessage(new UserError("pane.not-xlsx", { name: "bilan.ods" }), en)).toBe(
      "“bilan.ods” is not an .xlsx workbook. Save it as Excel Workbook (.xlsx), then open it here.",
    );
  });

  it("a copy that crossed a worker (no prototype) is worded like the error", () => {
    const e = make("read.compression-bomb");
    const copy = structuredClone(toPlain(e));
    expect(userMessage(copy, en)).toBe(userMessage(e, en));
    expect(userMessage(copy, fr)).toBe(userMessage(e, fr));
  });

  it("anything else is unexpected, in the pane's language, whatever its name", () => {
    const named = Object.assign(new Error("boom"), {
      name: "XlsxReadError",
      reason: "truncated",
      file: "a.xlsx",
    });
    expect(userMessage(named, en)).toMatch(/^An unexpected error occurred: boom\./);
  });
});
