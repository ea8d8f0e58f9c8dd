import type { Kysely, Transaction } from "kysely";
import type { HubDatabase } from "../schema";
import type { HubDb } from "../connect";

export interface AuditEntry {
  actor: string;
  action: string;
  target?: string | null;
  ip?: string | null;
  status?: number | null;
  /** Short, non-personal context (never a token, never a payload). */
  details?: string | null;
}

/** Records an audit entry. */
export async function audit(hub: HubDb, e: AuditEntry): Promise<void> {
  return insertAudit(hub.db, e);
}

/** The audit insert itself, inside the caller's transaction when given one. */
export async function insertAudit(
  db: Kysely<HubDatabase> | Transaction<HubDatabase>,
  e: AuditEntry,
): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      at: new Date().toISOString(),
      actor: e.actor,
      action: e.action,
      target: e.target ?? null,
      ip: e.ip ?? null,
      status: e.status ?? null,
      details: e.details ?? null,
    })
    .execute();
}
