/**
 * What the workbook remembers of its sending to the department's hub: the last receipt (the proof the
 * accountant can show) and a pending marker while a submission waits in the outbox. Receipt data only:
 * a token or the department key never goes into the workbook.
 */
export interface SendReceiptRecord {
  submissionId: string;
  version: number;
  /** ISO timestamp given by the hub. */
  receivedAt: string;
  /** The hub's address. */
  hub: string;
  /** The Idempotency-Key of the content sent (sha256-…): the same content sent again has the same hash. */
  contentHash: string;
  siret: string;
  period: string;
  /** The hub already had this exact content (answered 200 with the first receipt). */
  alreadyReceived: boolean;
}

/** A submission queued in the outbox because the hub could not be reached. */
export interface PendingSend {
  contentHash: string;
  hub: string;
  siret: string;
  period: string;
  /** ISO timestamp. */
  queuedAt: string;
}

export interface SendState {
  receipt: SendReceiptRecord | null;
  pending: PendingSend | null;
}

export const EMPTY_SEND_STATE: SendState = { receipt: null, pending: null };

function object(raw: unknown): Record<string, unknown> | null {
  let v = raw;
  if (typeof v === "string") {
    try {
      v = JSON.parse(v);
    } catch {
      return null;
    }
  }
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

const str = (v: unknown): v is string => typeof v === "string" && v !== "";

/** A stored receipt (JSON text or object); null when absent or damaged: a hand-edited cell must not break the pane. */
export function parseSendReceipt(raw: unknown): SendReceiptRecord | null {
  const o = object(raw);
  if (!o) return null;
  const { submissionId, version, receivedAt, hub, contentHash, siret, period, alreadyReceived } = o;
  if (!str(submissionId) || typeof version !== "number" || !Number.isInteger(version) || !str(receivedAt)) return null;
  if (!str(hub) || !str(contentHash) || !str(siret) || !str(period)) return null;
  return { submissionId, version, receivedAt, hub, contentHash, siret, period, alreadyReceived: alreadyReceived === true };
}

/** A stored pending marker; null when absent or damaged. */
export function parsePendingSend(raw: unknown): PendingSend | null {
  const o = object(raw);
  if (!o) return null;
  const { contentHash, hub, siret, period, queuedAt } = o;
  if (!str(contentHash) || !str(hub) || !str(siret) || !str(period) || !str(queuedAt)) return null;
  return { contentHash, hub, siret, period, queuedAt };
}
