import { HubClient, hubFailureOf, type HubError } from "../../src/client";
import { UserError } from "../../src/core";
import { DEFAULT_CONFIG } from "../../src/core";
import { json, scriptedServer } from "./scripted-server";

/** HubClient.getSettings over real HTTP on loopback: the department's rules, checked like a --config file. */
const client = (url: string) =>
  new HubClient({ baseUrl: url, token: "tok", sleep: async () => {}, maxElapsedMs: 50, baseDelayMs: 1 });

const departmentRules = {
  ...DEFAULT_CONFIG,
  rulesVersion: "dept-38-2026",
  annualHoursPerFte: { ...DEFAULT_CONFIG.annualHoursPerFte, ACI: 1600 },
};

describe("HubClient.getSettings", () => {
  it("asks GET /api/v1/settings with the token and returns the department's rules", async () => {
    const s = await scriptedServer([json(200, departmentRules)]);
    try {
      const rules = await client(s.url).getSettings();
      expect(rules.rulesVersion).toBe("dept-38-2026");
      expect(rules.annualHoursPerFte.ACI).toBe(1600);
      expect(rules.annualHoursPerFte.EI).toBe(1505);
      expect(s.seen[0].method).toBe("GET");
      expect(s.seen[0].url).toBe("/api/v1/settings");
      expect(s.seen[0].headers.authorization).toBe("Bearer tok");
    } finally {
      await s.close();
    }
  });

  it.each<[string, unknown, RegExp]>([
    [
      "an impossible value",
      { ...departmentRules, annualHoursPerFte: { ...departmentRules.annualHoursPerFte, ACI: -5 } },
      /annualHoursPerFte\.ACI/,
    ],
    ["an unknown setting", { ...departmentRules, seuilMystere: 3 }, /réglage inconnu « seuilMystere »/],
    ["null", null, /n'est pas un objet JSON/],
    ["a list", [1, 2], /n'est pas un objet JSON|doit être un objet/],
  ])("refuses %s with a French invalid-response error naming the problem", async (_what, body, problem) => {
    const s = await scriptedServer([json(200, body)]);
    try {
      const err = (await client(s.url)
        .getSettings()
        .catch((e: unknown) => e)) as HubError;
      expect(err).toBeInstanceOf(UserError);
      expect(err.code).toBe("hub.bad-settings");
      expect(hubFailureOf(err).kind).toBe("invalid-response");
      expect(err.message).toMatch(
        /^Les réglages du Département envoyés par le hub \(http:\/\/127\.0\.0\.1:\d+\) sont inutilisables/,
      );
      expect(err.message).toMatch(problem);
    } finally {
      await s.close();
    }
  });

  it("reports a 401 as unauthorized and an answer that is not JSON as invalid", async () => {
    const s = await scriptedServer([
      json(401, { detail: "Jeton inconnu." }),
      (_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end("<html>proxy</html>");
      },
    ]);
    try {
      await expect(client(s.url).getSettings()).rejects.toMatchObject({
        code: "hub.unauthorized",
        params: { status: 401 },
      });
      await expect(client(s.url).getSettings()).rejects.toMatchObject({ code: "hub.bad-json" });
    } finally {
      await s.close();
    }
  });
});
