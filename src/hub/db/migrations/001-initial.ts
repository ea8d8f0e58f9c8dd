import { sql, type Kysely, type Migration } from "kysely";
import type { Dialect } from "../dialect";

/** Initial schema. Written with the schema builder so one migration serves both databases. */
export function initialMigration(dialect: Dialect): Migration {
  // Auto-increment keys differ: SQLite INTEGER PRIMARY KEY AUTOINCREMENT, PostgreSQL identity columns.
  const id = (db: Kysely<unknown>, table: string) =>
    dialect === "sqlite"
      ? db.schema.createTable(table).addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
      : db.schema
          .createTable(table)
          .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity());
  return {
    async up(db: Kysely<unknown>) {
      await id(db, "structures")
        .addColumn("siret", "text", (c) => c.notNull().unique())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("kinds", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();

      await id(db, "tokens")
        .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('structure', 'department')`))
        .addColumn("structure_id", "integer", (c) => c.references("structures.id"))
        .addColumn("hash", "text", (c) => c.notNull().unique())
        .addColumn("label", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("revoked_at", "text")
        .execute();

      await id(db, "submissions")
        .addColumn("public_id", "text", (c) => c.notNull().unique())
        .addColumn("structure_id", "integer", (c) => c.notNull().references("structures.id"))
        .addColumn("token_id", "integer", (c) => c.notNull().references("tokens.id"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("period", "text", (c) => c.notNull())
        .addColumn("period_start", "text", (c) => c.notNull())
        .addColumn("period_end", "text", (c) => c.notNull())
        .addColumn("schema_version", "integer", (c) => c.notNull())
        .addColumn("payload", "text", (c) => c.notNull())
        .addColumn("client_indicators", "text", (c) => c.notNull())
        .addColumn("indicators", "text", (c) => c.notNull())
        .addColumn("indicators_mismatch", "integer", (c) => c.notNull())
        .addColumn("valid", "integer", (c) => c.notNull())
        .addColumn("errors", "integer", (c) => c.notNull())
        .addColumn("warnings", "integer", (c) => c.notNull())
        .addColumn("infos", "integer", (c) => c.notNull())
        .addColumn("record_count", "integer", (c) => c.notNull())
        .addColumn("employee_keys", "text", (c) => c.notNull())
        .addColumn("employees_unkeyed", "integer", (c) => c.notNull())
        .addColumn("content_hash", "text", (c) => c.notNull())
        .addColumn("idempotency_key", "text", (c) => c.notNull())
        .addColumn("received_at", "text", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        // The idempotency guarantee: one stored submission per (structure, key), enforced by the database.
        .addUniqueConstraint("submissions_idempotency_unique", ["structure_id", "idempotency_key"])
        .addUniqueConstraint("submissions_version_unique", ["structure_id", "kind", "period", "version"])
        .execute();
      await db.schema
        .createIndex("submissions_period_idx")
        .on("submissions")
        .columns(["period", "structure_id", "kind", "version"])
        .execute();

      await db.schema
        .createTable("person_records")
        .addColumn("submission_id", "integer", (c) =>
          c.notNull().references("submissions.id").onDelete("cascade"),
        )
        .addColumn("idx", "integer", (c) => c.notNull())
        .addColumn("key", "text")
        .addColumn("employee", "integer", (c) => c.notNull())
        .addColumn("sex", "text")
        .addColumn("birth_year", "integer")
        .addColumn("qpv", "integer")
        .addColumn("zrr", "integer")
        .addColumn("rsa", "text")
        .addColumn("ass", "integer")
        .addColumn("aah", "integer")
        .addColumn("rqth", "integer")
        .addColumn("ft_duration", "text")
        .addColumn("education_level", "text")
        .addColumn("hire_date", "text")
        .addColumn("exit_date", "text")
        .addColumn("exit_motif", "text")
        .addColumn("hours_worked", "double precision")
        .addColumn("hours_since_hire", "double precision")
        .addPrimaryKeyConstraint("person_records_pk", ["submission_id", "idx"])
        .execute();

      await id(db, "audit_log")
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("actor", "text", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("target", "text")
        .addColumn("ip", "text")
        .addColumn("status", "integer")
        .addColumn("details", "text")
        .execute();
      await db.schema.createIndex("audit_log_at_idx").on("audit_log").column("at").execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ["audit_log", "person_records", "submissions", "tokens", "structures"])
        await db.schema.dropTable(t).execute();
    },
  };
}
