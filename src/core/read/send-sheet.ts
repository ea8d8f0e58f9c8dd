import type { WorkbookData } from "../model/cells";
import {
  EMPTY_SEND_STATE,
  parsePendingSend,
  parseSendReceipt,
  parseSendReceipts,
  sendStateOf,
  type SendState,
} from "../model/send-state";

/**
 * The file adapter (file mode, CLI) keeps the send state in a very hidden sheet, like the column mapping
 * (./mapping-sheet): A1 a marker, A2 the last receipt (JSON), A3 the pending marker (JSON), A4 the receipt of each report (JSON array; absent in older files). The sheet is
 * not data and is taken out before analysis.
 */
export const SEND_SHEET = "BilanIAE_envoi";
export const SEND_MARKER = "bilan-iae-envoi-v1";

export function sendSheetCells(state: SendState): [[string], [string], [string], [string]] {
  return [
    [SEND_MARKER],
    [state.receipt ? JSON.stringify(state.receipt) : ""],
    [state.pending ? JSON.stringify(state.pending) : ""],
    [state.receipts.length > 0 ? JSON.stringify(state.receipts) : ""],
  ];
}

export function sendStateFromCells(rows: readonly (readonly unknown[])[]): SendState {
  if (rows[0]?.[0] !== SEND_MARKER) return EMPTY_SEND_STATE;
  return sendStateOf(
    parseSendReceipt(rows[1]?.[0]),
    parseSendReceipts(rows[3]?.[0]),
    parsePendingSend(rows[2]?.[0]),
  );
}

/** Splits the send sheet off the workbook data. */
export function extractSendState(data: WorkbookData): { data: WorkbookData; state: SendState } {
  const sheet = data.sheets.find((s) => s.name === SEND_SHEET);
  if (!sheet) return { data, state: EMPTY_SEND_STATE };
  return {
    data: { ...data, sheets: data.sheets.filter((s) => s !== sheet) },
    state: sendStateFromCells(sheet.rows),
  };
}
