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

// Two records as a payload holds them (canonical JSON) and as the 001 table held them, employee flag included.
const RECORDS = [
  {
    key: "a".repeat(64),
    sex: "F",
    birthYear: 1980,
    qpv: true,
    zrr: null,
    rsa: "OUI-NM",
    ass: false,
    aah: false,
    rqth: true,
    ftDuration: "04",
    educationLevel: "50",
    hireDate: "2024-02-01",
    exitDate: "2025-05-31",
    exitMotif: "2",
    hoursWorked: 912.5,
    hoursSinceHire: null,
  },
  {
    key: null,
    sex: null,
    birthYear: null,
    qpv: null,
    zrr: false,
    rsa: "NON",
    ass: null,
    aah: false,
    rqth: false,
    ftDuration: null,
    educationLevel: null,
    hireDate: null,
    exitDate: null,
    exitMotif: null,
    hoursWorked: 0,
    hoursSinceHire: 1000,
  },
];
const ROWS = [
  {
    submission_id: 1,
    idx: 0,
    key: "a".repeat(64),
    employee: 1,
    sex: "F",
    birth_year: 1980,
    qpv: 1,
    zrr: null,
    rsa: "OUI-NM",
    ass: 0,
    aah: 0,
    rqth: 1,
    ft_duration: "04",
    education_level: "50",
    hire_date: "2024-02-01",
    exit_date: "2025-05-31",
    exit_motif: "2",
    hours_worked: 912.5,
    hours_since_hire: null,
  },
  {
    submission_id: 1,
    idx: 1,
    key: null,
    employee: 0,
    sex: null,
    birth_year: null,
    qpv: null,
    zrr: 0,
    rsa: "NON",
    ass: null,
    aah: 0,
    rqth: 0,
    ft_duration: null,
    education_level: null,
    hire_date: null,
    exit_date: null,
    exit_motif: null,
    hours_worked: 0,
    hours_since_hire: 1000,
  },
];
// "forêt": a payload whose size in bytes is not its length in characters (migration 005 counts bytes).
const PAYLOAD = JSON.stringify({ old: true, note: "forêt", records: RECORDS });

test("001 → latest keeps every submission's payload, employee keys and person records", async () => {
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
    values ('11111111-1111-1111-1111-111111111111', 1, 1, 'ACI', '2025', '2025-01-01', '2025-12-31', 1, ${PAYLOAD},
      '{}', '{}', 0, 1, 0, 0, 0, 0, ${"k1\nk2"}, 0, 'h', 'key-1', '2025-06-01T00:00:00Z', 1)`.execute(db);
  for (const r of ROWS) {
    await sql`insert into person_records (submission_id, idx, key, employee, sex, birth_year, qpv, zrr, rsa, ass, aah, rqth, ft_duration,
        education_level, hire_date, exit_date, exit_motif, hours_worked, hours_since_hire)
      values (${r.submission_id}, ${r.idx}, ${r.key}, ${r.employee}, ${r.sex}, ${r.birth_year}, ${r.qpv}, ${r.zrr}, ${r.rsa}, ${r.ass}, ${r.aah},
        ${r.rqth}, ${r.ft_duration}, ${r.education_level}, ${r.hire_date}, ${r.exit_date}, ${r.exit_motif}, ${r.hours_worked}, ${r.hours_since_hire})`.execute(
      db,
    );
  }
  await tdb.hub.close();

  // Reopening runs the pending migrations, as the hub does at start.
  const reopened = await openHubDb(
    PG_URL ? { databaseUrl: PG_URL, pgSchema: tdb.pgSchema! } : { sqliteFile: tdb.sqliteFile! },
  );
  try {
    const blobs = await reopened.db.selectFrom("submission_blobs").selectAll().execute();
    expect(blobs).toEqual([{ submission_id: 1, payload: PAYLOAD }]);
    const keys = await reopened.db.selectFrom("submission_keys").selectAll().execute();
    // 004: the records are read from the payload through the person_records view; the flags moved to submission_keys.
    expect(keys).toEqual([{ submission_id: 1, employee_keys: "k1\nk2", employee_flags: "10" }]);
    expect(await reopened.db.selectFrom("person_records").selectAll().orderBy("idx").execute()).toEqual(ROWS);
    const row = await reopened.db.selectFrom("submissions").selectAll().executeTakeFirstOrThrow();
    expect(Object.keys(row)).not.toContain("payload");
    expect(Object.keys(row)).not.toContain("employee_keys");
    // 005: the payload's size in bytes, for the quotas.
    expect(row.payload_bytes).toBe(Buffer.byteLength(PAYLOAD));
    expect(row.payload_bytes).toBe(PAYLOAD.length + 1);

    // And back: 004's down rebuilds the table from the view, with the same rows.
    const migrator = new Migrator({
      db: reopened.db,
      provider: migrationProvider(reopened.dialect),
      ...(tdb.pgSchema ? { migrationTableSchema: tdb.pgSchema } : {}),
    });
    expect((await migrator.migrateTo("003-submission-keys")).error).toBeUndefined();
    const restored = await sql<(typeof ROWS)[number]>`select * from person_records order by idx`.execute(
      reopened.db,
    );
    expect(restored.rows).toEqual(ROWS);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await reopened.db.selectFrom("person_records").selectAll().orderBy("idx").execute()).toEqual(ROWS);
    expect(
      (await reopened.db.selectFrom("submissions").select("payload_bytes").executeTakeFirstOrThrow())
        .payload_bytes,
    ).toBe(Buffer.byteLength(PAYLOAD));
  } finally {
    await reopened.close();
  }
});
