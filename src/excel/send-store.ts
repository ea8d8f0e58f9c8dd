import {
  parsePendingSend,
  parseSendReceipt,
  parseSendReceipts,
  sendStateOf,
  type PendingSend,
  type SendState,
} from "../core";

/**
 * In the open workbook the send state lives in the workbook's settings (saved with the document, invisible
 * in the grid): the last receipt and the pending marker, as JSON. Receipt data only, never a token.
 */
export const RECEIPT_SETTING = "BilanIAE.dernierEnvoi";
export const PENDING_SETTING = "BilanIAE.envoiEnAttente";
/** The receipt of each report (several conventions); a workbook saved before has only RECEIPT_SETTING. */
export const RECEIPTS_SETTING = "BilanIAE.envois";

/** Queues the loads; the returned function reads them after the caller's next sync. */
export function queueSendStateLoad(context: Excel.RequestContext): () => SendState {
  const receipt = context.workbook.settings.getItemOrNullObject(RECEIPT_SETTING);
  receipt.load("value");
  const receipts = context.workbook.settings.getItemOrNullObject(RECEIPTS_SETTING);
  receipts.load("value");
  const pending = context.workbook.settings.getItemOrNullObject(PENDING_SETTING);
  pending.load("value");
  return () =>
    sendStateOf(
      receipt.isNullObject ? null : parseSendReceipt(receipt.value),
      receipts.isNullObject ? null : parseSendReceipts(receipts.value),
      pending.isNullObject ? null : parsePendingSend(pending.value),
    );
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

/** Stores the receipts of a send (the last one also alone, so an older add-in still shows it) and clears the pending marker. */
export function queueReceiptsWrite(context: Excel.RequestContext, state: SendState): void {
  context.workbook.settings.add(RECEIPT_SETTING, state.receipt ? JSON.stringify(state.receipt) : "");
  context.workbook.settings.add(RECEIPTS_SETTING, JSON.stringify(state.receipts));
  queuePendingWrite(context, state.pending);
}
