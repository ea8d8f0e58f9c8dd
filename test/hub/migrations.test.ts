import { Migrator, sql } from "kysely";
import { openTestDb, type TestDb } from "./support/db";
import { migrationProvider } from "../../src/hub/db/migrations";
import { openHubDb } from "../../src/hub/db/connect";
import { PG_URL } from "./support/db";

/** A database created by migration 001, with a submission, upgraded by the next migrations: nothing is lost. */
let tdb: TestDb;
beforeAll(async () => {
  tdb = await openTestDb();
});
afterAll(async () => {
  await tdb.cleanup();
});

test("001 → latest keeps every submission's payload and employee keys", async () => {
  const db = tdb.hub.db;
  const migrator = new Migrator({
    db,
    provider: migrationProvider(tdb.hub.dialect),
    ...(tdb.pgSchema ? { migrationTableSchema: tdb.pgSchema } : {}),
  });
  const down = await migrator.migrateTo("001-initial");
  expect(down.error).toBeUndefined();
  await sql`insert into structures (siret, name, kinds, created_at) values ('73282932000074', 'A', '["ACI"]', '2025-01-01T00:00:00Z')`.execute(
    db,
  );
  await sql`insert into tokens (role, structure_id, hash, created_at) values ('structure', 1, ${"a".repeat(64)}, '2025-01-01T00:00:00Z')`.execute(
    db,
  );
  await sql`insert into submissions (public_id, structure_id, token_id, kind, period, period_start, period_end, schema_version, payload,
      client_indicators, indicators, indicators_mismatch, valid, errors, warnings, infos, record_count, employee_keys, employees_unkeyed,
      content_hash, idempotency_key, received_at, version)
    values ('11111111-1111-1111-1111-111111111111', 1, 1, 'ACI', '2025', '2025-01-01', '2025-12-31', 1, '{"old":true}',
      '{}', '{}', 0, 1, 0, 0, 0, 0, ${"k1\nk2"}, 0, 'h', 'key-1', '2025-06-01T00:00:00Z', 1)`.execute(db);
  await tdb.hub.close();

  // Reopening runs the pending migrations, as the hub does at start.
  const reopened = await openHubDb(
    PG_URL ? { databaseUrl: PG_URL, pgSchema: tdb.pgSchema! } : { sqliteFile: tdb.sqliteFile! },
  );
  try {
    const blobs = await reopened.db.selectFrom("submission_blobs").selectAll().execute();
    expect(blobs).toEqual([{ submission_id: 1, payload: '{"old":true}' }]);
    const keys = await reopened.db.selectFrom("submission_keys").selectAll().execute();
    expect(keys).toEqual([{ submission_id: 1, employee_keys: "k1\nk2" }]);
    const row = await reopened.db.selectFrom("submissions").selectAll().executeTakeFirstOrThrow();
    expect(Object.keys(row)).not.toContain("payload");
    expect(Object.keys(row)).not.toContain("employee_keys");
  } finally {
    await reopened.close();
  }
});
