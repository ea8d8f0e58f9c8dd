import type { Migration, MigrationProvider } from "kysely";
import type { Dialect } from "../dialect";
import { initialMigration } from "./001-initial";
import { submissionBlobsMigration } from "./002-submission-blobs";
import { submissionKeysMigration } from "./003-submission-keys";
import { personRecordsViewMigration } from "./004-person-records-view";
import { payloadBytesMigration } from "./005-payload-bytes";

/**
 * Versioned migrations, in code (not files read at run time) so the compiled hub and the tests run the same list.
 * Never edit a released migration: add the next number.
 */
export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        "001-initial": initialMigration(dialect),
        "002-submission-blobs": submissionBlobsMigration,
        "003-submission-keys": submissionKeysMigration,
        "004-person-records-view": personRecordsViewMigration(dialect),
        "005-payload-bytes": payloadBytesMigration(dialect),
      };
    },
  };
}
