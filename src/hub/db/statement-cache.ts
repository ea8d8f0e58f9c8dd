import type BetterSqlite3 from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

/** Distinct statements kept; the hub has a few dozen queries, so the bound is only a guard. */
const MAX_STATEMENTS = 500;

/**
 * The connection as Kysely's SQLite dialect sees it, with prepared statements reused by SQL text: Kysely
 * prepares every query anew, and on the request path (token, structure, idempotency look-ups) preparing
 * cost more than running. Safe because better-sqlite3 runs one statement at a time and the hub does not
 * stream queries (a statement being iterated could not be reused meanwhile).
 */
export function withStatementCache(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (!stmt) {
        if (cache.size >= MAX_STATEMENTS) cache.clear();
        stmt = sqlite.prepare(sql);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}
