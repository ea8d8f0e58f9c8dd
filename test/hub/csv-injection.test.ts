import { upsertStructure } from "../../src/hub/db/repositories/structures";
import { createToken } from "../../src/hub/db/repositories/tokens";
import { HOSTILE_NAME, csvRows } from "../support/csv";
import { expectNoSecretInLog, http, startTestHub, type TestHub } from "./support/hub";
import { makePayload } from "./support/payload";

/** The hub's CSV consolidation with a structure registered under a formula as its name (issue 15). */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub.close();
});

test("GET /api/v1/consolidation as CSV writes a « Raison sociale » =HYPERLINK(…) as inert text", async () => {
  const siret = "44306184100047";
  const st = await upsertStructure(hub.tdb.hub.db, { siret, name: HOSTILE_NAME, kind: "ACI" });
  const { token } = await createToken(hub.tdb.hub.db, { role: "structure", structureId: st.id });
  const sent = await http(hub.url, "POST", "/api/v1/submissions", {
    token,
    body: makePayload({ siret, name: HOSTILE_NAME }),
    headers: { "idempotency-key": "csv-1" },
  });
  expect(sent.status).toBe(201);

  for (const ask of [
    { path: "/api/v1/consolidation?period=2025&format=csv" },
    { path: "/api/v1/consolidation?period=2025", headers: { accept: "text/csv" } },
  ]) {
    const r = await http(hub.url, "GET", ask.path, { token: hub.tokens.dept, headers: ask.headers });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^text\/csv/);
    const rows = csvRows(r.text);
    const row = rows.find((cells) => cells[rows[0].indexOf("SIRET")] === siret) as string[];
    expect(row[rows[0].indexOf("Raison sociale")]).toBe(`'${HOSTILE_NAME}`);
    expect(r.text).toContain(`"'=HYPERLINK(""http://evil.example/`);
  }
});

test("the log of this suite (level info) holds no token", () => {
  expectNoSecretInLog(hub);
});
