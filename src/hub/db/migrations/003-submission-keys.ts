import { sql, type Kysely, type Migration } from "kysely";

/**
 * Moves the employees' keys (read by every consolidation) out of submission_blobs into their own table. In
 * SQLite a column after a 100 KB payload is reached by walking the payload's overflow pages: the consolidation
 * of 4 000 submissions read ~400 MB to get ~16 MB of keys.
 */
export const submissionKeysMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("submission_keys")
      .addColumn("submission_id", "integer", (c) =>
        c.primaryKey().references("submissions.id").onDelete("cascade"),
      )
      .addColumn("employee_keys", "text", (c) => c.notNull())
      .execute();
    await sql`insert into submission_keys (submission_id, employee_keys) select submission_id, employee_keys from submission_blobs`.execute(
      db,
    );
    await db.schema.alterTable("submission_blobs").dropColumn("employee_keys").execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema
      .alterTable("submission_blobs")
      .addColumn("employee_keys", "text", (c) => c.notNull().defaultTo(""))
      .execute();
    await sql`update submission_blobs set employee_keys = (select k.employee_keys from submission_keys k where k.submission_id = submission_blobs.submission_id)`.execute(
      db,
    );
    await db.schema.dropTable("submission_keys").execute();
  },
};
