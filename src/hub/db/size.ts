import { sql } from "kysely";
import type { HubDb } from "./connect";

/**
 * Bytes the hub's data takes: SQLite, the pages in use of the database file (the WAL, bounded by checkpoints,
 * aside); PostgreSQL, the tables of the hub's schema with their indexes and TOAST. Read at each submission
 * for the overall quota: both are metadata, not a scan.
 */
export async function databaseBytes(hub: HubDb): Promise<number> {
  if (hub.dialect === "sqlite") {
    const r = await sql<{
      bytes: number;
    }>`select (p.page_count - f.freelist_count) * s.page_size as bytes from pragma_page_count() p, pragma_freelist_count() f, pragma_page_size() s`.execute(
      hub.db,
    );
    return Number(r.rows[0]?.bytes ?? 0);
  }
  const r = await sql<{
    bytes: string | number;
  }>`select coalesce(sum(pg_total_relation_size(c.oid)), 0) as bytes from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema() and c.relkind = 'r'`.execute(
    hub.db,
  );
  return Number(r.rows[0]?.bytes ?? 0);
}
