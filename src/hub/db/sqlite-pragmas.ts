import type BetterSqlite3 from "better-sqlite3";

export type SqliteSynchronous = "FULL" | "NORMAL";

/** Page size of a new hub database: a 300-record report (~100 KB of JSON) spans 7 pages instead of 24. */
export const SQLITE_PAGE_SIZE = 16384;

/** Every connection to the hub's SQLite file (the hub's, the CLI's) is configured the same way. */
export function configureSqlite(sqlite: BetterSqlite3.Database, synchronous: SqliteSynchronous): void {
  // Only takes effect when the file is created (an existing database keeps its page size): fewer pages per
  // stored report, so fewer write calls in the writer's commit and checkpoints.
  sqlite.pragma(`page_size = ${SQLITE_PAGE_SIZE}`);
  // WAL: readers never block the writer; FULL: a 201 is on disk before it is sent (survives a power cut).
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma(`synchronous = ${synchronous === "NORMAL" ? "NORMAL" : "FULL"}`);
  // Checkpoint about every 4 MB of WAL, as with SQLite's default of 1 000 pages of 4 KB.
  sqlite.pragma(`wal_autocheckpoint = ${Math.round((4 * 1024 * 1024) / SQLITE_PAGE_SIZE)}`);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
}
