import { HubClient } from "../../src/client";
import { DEFAULT_CONFIG, resolveConfig, type RulesConfig } from "../../src/core";
import { expectNoSecretInLog, http, startTestHub, type TestHub } from "./support/hub";

/** GET /api/v1/settings: the department's rules, as the hub uses them, for any valid token. */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({
    rules: resolveConfig({ rulesVersion: "dept-2026-02", annualHoursPerFte: { ACI: 1600 } }),
  });
});
afterAll(async () => {
  await hub.close();
});

test("a structure token reads the department's merged rules (overrides and defaults), with an ETag", async () => {
  const r = await http(hub.url, "GET", "/api/v1/settings", { token: hub.tokens.a });
  expect(r.status).toBe(200);
  const rules = r.body as RulesConfig;
  expect(rules.rulesVersion).toBe("dept-2026-02");
  expect(rules.annualHoursPerFte.ACI).toBe(1600);
  // Settings the department left alone come back with the shipped value: the answer is complete.
  expect(rules.annualHoursPerFte.EI).toBe(1505);
  expect(rules.exitMotifs).toEqual(DEFAULT_CONFIG.exitMotifs);
  expect(r.headers.get("etag")).toMatch(/^"[0-9a-f]{32}"$/);
});

test("the department token reads the same rules and tag; If-None-Match answers 304", async () => {
  const a = await http(hub.url, "GET", "/api/v1/settings", { token: hub.tokens.a });
  const d = await http(hub.url, "GET", "/api/v1/settings", { token: hub.tokens.dept });
  expect(d.status).toBe(200);
  expect(d.body).toEqual(a.body);
  const etag = a.headers.get("etag") as string;
  expect(d.headers.get("etag")).toBe(etag);
  const again = await http(hub.url, "GET", "/api/v1/settings", {
    token: hub.tokens.b,
    headers: { "if-none-match": etag },
  });
  expect(again.status).toBe(304);
  expect(again.text).toBe("");
});

test("a hub with other rules gives another tag; no token is a 401 problem", async () => {
  const other = await startTestHub();
  try {
    const r = await http(other.url, "GET", "/api/v1/settings", { token: other.tokens.a });
    expect((r.body as RulesConfig).annualHoursPerFte.ACI).toBe(1820);
    const mine = await http(hub.url, "GET", "/api/v1/settings", { token: hub.tokens.a });
    expect(r.headers.get("etag")).not.toBe(mine.headers.get("etag"));
  } finally {
    await other.close();
  }
  const anon = await http(hub.url, "GET", "/api/v1/settings");
  expect(anon.status).toBe(401);
  expect(anon.headers.get("content-type")).toMatch(/^application\/problem\+json/);
});

test("the add-in's client accepts the hub's answer as a valid configuration", async () => {
  const rules = await new HubClient({ baseUrl: hub.url, token: hub.tokens.a }).getSettings();
  expect(rules.rulesVersion).toBe("dept-2026-02");
  expect(rules.annualHoursPerFte.ACI).toBe(1600);
});

test("the log of this suite (level info) holds no token", () => {
  expectNoSecretInLog(hub);
});
