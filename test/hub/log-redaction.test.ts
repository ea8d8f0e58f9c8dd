import type { AddressInfo } from "node:net";
import pino from "pino";
import { buildHub } from "../../src/hub/app";
import { redactedUrl } from "../../src/hub/logging";
import { openTestDb } from "./support/db";
import { expectNoSecretInLog, http, startTestHub, SIRET_A, type TestHub } from "./support/hub";

/** The hub's log at level info never holds a token, wherever a client puts it (issue 15). */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub.close();
});

test("redactedUrl keeps the path and API v1's plain parameters, counts the others", () => {
  expect(
    redactedUrl(
      "/api/v1/consolidation?period=2025&access_token=biae_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
    ),
  ).toBe("/api/v1/consolidation?period=2025&[1 paramètre masqué]");
  expect(redactedUrl("/api/v1/submissions?siret=73282932000074&limit=10&token=x&jeton=y")).toBe(
    "/api/v1/submissions?siret=73282932000074&limit=10&[2 paramètres masqués]",
  );
  expect(redactedUrl("/api/v1/submissions?period=a%20b")).toBe("/api/v1/submissions?[1 paramètre masqué]");
  expect(redactedUrl("/api/v1/submissions/biae_abcdefghij")).toBe("/api/v1/submissions/biae_[masqué]");
  expect(redactedUrl("/api/v1/consolidation?period=biae_abcdef")).toBe(
    "/api/v1/consolidation?period=biae_[masqué]",
  );
  expect(redactedUrl("/healthz")).toBe("/healthz");
});

test("tokens in the query, the path, a parameter name or a bad header never reach the log; the requests do", async () => {
  const dept = hub.tokens.dept;
  const asked = [
    await http(hub.url, "GET", `/api/v1/consolidation?period=2025&access_token=${dept}`),
    await http(hub.url, "GET", `/api/v1/consolidation?${dept}`),
    await http(hub.url, "GET", `/api/v1/submissions/${hub.tokens.a}`, { token: hub.tokens.a }),
    await http(hub.url, "GET", `/api/v1/nope?token=${hub.tokens.b}`),
    await http(hub.url, "GET", `/api/v1/submissions?siret=${SIRET_A}`, {
      headers: { authorization: `Basic ${dept}` },
    }),
    await http(hub.url, "GET", "/api/v1/settings", { token: hub.tokens.revoked }),
    await http(hub.url, "GET", `/api/v1/consolidation?period=2025&format=csv&access_token=${dept}`, {
      token: dept,
    }),
  ];
  expect(asked.map((r) => r.status)).toEqual([401, 401, 404, 404, 401, 401, 200]);
  const log = hub.log();
  expect(log).toContain('"url":"/api/v1/consolidation?period=2025&[1 paramètre masqué]"');
  expect(log).toContain('"url":"/api/v1/submissions/biae_[masqué]"');
  expectNoSecretInLog(hub);
});

test("a logger instance given to the hub (pino) gets the same redaction", async () => {
  const tdb = await openTestDb();
  const lines: string[] = [];
  const app = await buildHub({
    db: tdb.hub,
    closeDb: false,
    logger: pino({ level: "info" }, { write: (l: string) => void lines.push(l) }),
  });
  try {
    await app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const r = await http(
      `http://127.0.0.1:${port}`,
      "GET",
      "/api/v1/consolidation?period=2025&access_token=biae_abcdefghijklmnopqrstuvwxyz0123456789",
    );
    expect(r.status).toBe(401);
    const log = lines.join("");
    expect(log).toContain('"url":"/api/v1/consolidation?period=2025&[1 paramètre masqué]"');
    expect(log).not.toMatch(/access_token|biae_a/);
  } finally {
    await app.close();
    await tdb.cleanup();
  }
});
