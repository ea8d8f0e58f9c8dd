import { sql, type Kysely, type Migration } from "kysely";
import type { Dialect } from "../dialect";

/**
 * The size of each stored payload, in bytes, on the submissions row: the quotas per structure (issue 15) sum
 * it at every submission, which reading the payloads themselves would make cost hundreds of megabytes.
 */
export function payloadBytesMigration(dialect: Dialect): Migration {
  const size = dialect === "postgres" ? sql`octet_length(b.payload)` : sql`length(cast(b.payload as blob))`;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("submissions")
        .addColumn("payload_bytes", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await sql`update submissions set payload_bytes = coalesce((select ${size} from submission_blobs b where b.submission_id = submissions.id), 0)`.execute(
        db,
      );
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable("submissions").dropColumn("payload_bytes").execute();
    },
  };
}
