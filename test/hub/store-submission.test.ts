import { DEFAULT_CONFIG } from "../../src/core";
import { openHubDb, type HubDb } from "../../src/hub/db/connect";
import {
  countSubmissions,
  storeSubmission,
  type NewSubmission,
} from "../../src/hub/db/repositories/submissions";
import { upsertStructure } from "../../src/hub/db/repositories/structures";
import { createToken } from "../../src/hub/db/repositories/tokens";
import { preparePayload } from "../../src/hub/ingest/prepare";
import { openTestDb, type TestDb } from "./support/db";
import { generatedRecords, makePayload } from "./support/payload";

/**
 * storeSubmission when two requests with the same idempotency key reach the writer together (the route's
 * look-up saw neither): one is stored, the other gets a replay of its receipt, or a conflict if its content
 * differs. On the test database (SQLite: the writer thread; PostgreSQL) and on an in-memory SQLite (inline writer).
 */
async function newSubmission(hub: HubDb, siret: string, key: string, seed: string): Promise<NewSubmission> {
  const s = (await upsertStructure(hub.db, { siret, name: "Atelier", kind: "ACI" }))!;
  const tok = await createToken(hub.db, { role: "structure", structureId: s.id });
  const payload = makePayload({ siret, records: generatedRecords(30, seed) });
  return {
    ...preparePayload(payload, DEFAULT_CONFIG),
    structureId: s.id,
    tokenId: tok.record.id,
    idempotencyKey: key,
    audit: { actor: "test" },
  };
}

async function raceSameKey(hub: HubDb): Promise<void> {
  const a = await newSubmission(hub, "73282932000074", "k-1", "a");
  const b = await newSubmission(hub, "73282932000074", "k-2", "b");
  // PostgreSQL may let either request win the race: the checks do not depend on which.
  const same = await Promise.all([storeSubmission(hub, a), storeSubmission(hub, a)]);
  expect(same.map((o) => o.kind).sort()).toEqual(["created", "replay"]);
  const [r1, r2] = same.map((o) => ("receipt" in o ? o.receipt : null));
  expect(r2).toEqual(r1);
  // Same key, other content: one is stored, the other is a conflict.
  const other = await Promise.all([
    storeSubmission(hub, b),
    storeSubmission(hub, { ...b, payload: a.payload, contentHash: a.contentHash }),
  ]);
  expect(other.map((o) => o.kind).sort()).toEqual(["conflict", "created"]);
  const created = other.find((o) => o.kind === "created");
  expect(created?.kind === "created" && created.receipt.version).toBe(2);
  expect(await countSubmissions(hub.db)).toBe(2);
}

let tdb: TestDb;
afterEach(async () => {
  await tdb?.cleanup();
});

test("same key at once on the test database: stored once, replay, conflict", async () => {
  tdb = await openTestDb();
  await raceSameKey(tdb.hub);
});

test("the same on an in-memory SQLite database (writes inline, no thread)", async () => {
  const hub = await openHubDb({ sqliteFile: ":memory:" });
  tdb = { hub, env: {}, sqliteFile: null, pgSchema: null, cleanup: () => hub.close() };
  await raceSameKey(hub);
});
