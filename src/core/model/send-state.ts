import type { Analysis } from "./analysis";
import { isKind, type Kind } from "./kinds";

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
  /** The convention sent (one receipt per report, domain §2.4.3); absent in receipts stored before. */
  kind?: Kind;
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
  /** The last receipt (what a workbook saved before several reports held alone). */
  receipt: SendReceiptRecord | null;
  /** The last receipt of each report (SIRET + kind), in sending order. */
  receipts: SendReceiptRecord[];
  pending: PendingSend | null;
}

export const EMPTY_SEND_STATE: SendState = { receipt: null, receipts: [], pending: null };

const sameReport = (a: SendReceiptRecord, b: SendReceiptRecord) =>
  a.siret === b.siret && (a.kind ?? null) === (b.kind ?? null);

/**
 * The state as stored: the receipts list when there is one, else the single receipt of a workbook saved
 * by an older version (it still reads).
 */
export function sendStateOf(
  receipt: SendReceiptRecord | null,
  receipts: readonly SendReceiptRecord[] | null,
  pending: PendingSend | null,
): SendState {
  const list = receipts && receipts.length > 0 ? [...receipts] : receipt ? [receipt] : [];
  return { receipt: receipt ?? list[list.length - 1] ?? null, receipts: list, pending };
}

/** The state after a send: each report's new receipt replaces that report's previous one; nothing pending. */
export function withReceipts(state: SendState, receipts: readonly SendReceiptRecord[]): SendState {
  const kept = state.receipts.filter((old) => !receipts.some((r) => sameReport(r, old)));
  const all = [...kept, ...receipts];
  return { receipt: all[all.length - 1] ?? null, receipts: all, pending: null };
}

/**
 * The receipt of one report: same SIRET and kind. A receipt stored before reports had a kind matches
 * its SIRET whatever the kind (that workbook had one report).
 */
export function receiptFor(state: SendState, analysis: Analysis): SendReceiptRecord | null {
  const { siret, kind } = analysis.structure;
  const mine = state.receipts.filter((r) => r.siret === siret && (r.kind === undefined || r.kind === kind));
  return mine.find((r) => r.kind === kind) ?? mine[mine.length - 1] ?? null;
}

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
  const { submissionId, version, receivedAt, hub, contentHash, siret, period, alreadyReceived, kind } = o;
  if (!str(submissionId) || typeof version !== "number" || !Number.isInteger(version) || !str(receivedAt))
    return null;
  if (!str(hub) || !str(contentHash) || !str(siret) || !str(period)) return null;
  const record: SendReceiptRecord = {
    submissionId,
    version,
    receivedAt,
    hub,
    contentHash,
    siret,
    period,
    alreadyReceived: alreadyReceived === true,
  };
  return isKind(kind) ? { ...record, kind } : record;
}

/** A stored list of receipts (JSON text or array); damaged entries are left out. */
export function parseSendReceipts(raw: unknown): SendReceiptRecord[] {
  let v = raw;
  if (typeof v === "string") {
    try {
      v = JSON.parse(v);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(v)) return [];
  return v.map(parseSendReceipt).filter((r): r is SendReceiptRecord => r !== null);
}

/** A stored pending marker; null when absent or damaged. */
export function parsePendingSend(raw: unknown): PendingSend | null {
  const o = object(raw);
  if (!o) return null;
  const { contentHash, hub, siret, period, queuedAt } = o;
  if (!str(contentHash) || !str(hub) || !str(siret) || !str(period) || !str(queuedAt)) return null;
  return { contentHash, hub, siret, period, queuedAt };
}
