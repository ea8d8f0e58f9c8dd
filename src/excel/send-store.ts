import { parsePendingSend, parseSendReceipt, type PendingSend, type SendReceiptRecord, type SendState } from "../core";

/**
 * In the open workbook the send state lives in the workbook's settings (saved with the document, invisible
 * in the grid): the last receipt and the pending marker, as JSON. Receipt data only, never a token.
 */
export const RECEIPT_SETTING = "BilanIAE.dernierEnvoi";
export const PENDING_SETTING = "BilanIAE.envoiEnAttente";

/** Queues the loads; the returned function reads them after the caller's next sync. */
export function queueSendStateLoad(context: Excel.RequestContext): () => SendState {
  const receipt = context.workbook.settings.getItemOrNullObject(RECEIPT_SETTING);
  receipt.load("value");
  const pending = context.workbook.settings.getItemOrNullObject(PENDING_SETTING);
  pending.load("value");
  return () => ({
    receipt: receipt.isNullObject ? null : parseSendReceipt(receipt.value),
    pending: pending.isNullObject ? null : parsePendingSend(pending.value),
  });
}

/** One sync. */
export async function loadSendSettings(context: Excel.RequestContext): Promise<SendState> {
  const state = queueSendStateLoad(context);
  await context.sync();
  return state();
}

// settings.add overwrites an existing key; "" (read back as absent) clears without a load-then-delete round trip.
export function queuePendingWrite(context: Excel.RequestContext, pending: PendingSend | null): void {
  context.workbook.settings.add(PENDING_SETTING, pending ? JSON.stringify(pending) : "");
}

export function queueReceiptWrite(context: Excel.RequestContext, receipt: SendReceiptRecord): void {
  context.workbook.settings.add(RECEIPT_SETTING, JSON.stringify(receipt));
  queuePendingWrite(context, null);
}
