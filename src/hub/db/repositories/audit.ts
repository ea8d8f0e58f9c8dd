import type { Kysely, Transaction } from "kysely";
import type { HubDatabase } from "../schema";

export interface AuditEntry {
  actor: string;
  action: string;
  target?: string | null;
  ip?: string | null;
  status?: number | null;
  /** Short, non-personal context (never a token, never a payload). */
  details?: string | null;
}

export async function audit(db: Kysely<HubDatabase> | Transaction<HubDatabase>, e: AuditEntry): Promise<void> {
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
