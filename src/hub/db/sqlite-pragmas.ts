import type BetterSqlite3 from "better-sqlite3";

export type SqliteSynchronous = "FULL" | "NORMAL";

/** Every connection to the hub's SQLite file (readers and the writer thread) is configured the same way. */
export function configureSqlite(sqlite: BetterSqlite3.Database, synchronous: SqliteSynchronous): void {
  // WAL: readers never block the writer; FULL: a 201 is on disk before it is sent (survives a power cut).
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma(`synchronous = ${synchronous === "NORMAL" ? "NORMAL" : "FULL"}`);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
}
