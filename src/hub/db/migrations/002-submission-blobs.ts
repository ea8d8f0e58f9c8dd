import { sql, type Kysely, type Migration } from "kysely";

/**
 * Moves the big per-submission texts (payload, ~100 KB for 300 records; employee keys, ~20 KB) out of the
 * submissions rows. In SQLite a row's columns are read in order through overflow pages: with the payload
 * inline, reading `version` of 4 000 submissions read ~400 MB. Lists, status and consolidation now read
 * small rows, and the consolidation reads only the keys it needs.
 */
export const submissionBlobsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("submission_blobs")
      .addColumn("submission_id", "integer", (c) =>
        c.primaryKey().references("submissions.id").onDelete("cascade"),
      )
      .addColumn("payload", "text", (c) => c.notNull())
      .addColumn("employee_keys", "text", (c) => c.notNull())
      .execute();
    await sql`insert into submission_blobs (submission_id, payload, employee_keys) select id, payload, employee_keys from submissions`.execute(
      db,
    );
    await db.schema.alterTable("submissions").dropColumn("payload").execute();
    await db.schema.alterTable("submissions").dropColumn("employee_keys").execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema
      .alterTable("submissions")
      .addColumn("payload", "text", (c) => c.notNull().defaultTo(""))
      .execute();
    await db.schema
      .alterTable("submissions")
      .addColumn("employee_keys", "text", (c) => c.notNull().defaultTo(""))
      .execute();
    await sql`update submissions set payload = (select b.payload from submission_blobs b where b.submission_id = submissions.id), employee_keys = (select b.employee_keys from submission_blobs b where b.submission_id = submissions.id)`.execute(
      db,
    );
    await db.schema.dropTable("submission_blobs").execute();
  },
};
