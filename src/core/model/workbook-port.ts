import type { WorkbookData } from "./cells";
import type { Finding } from "./findings";
import type { MappingOverride } from "./fields";
import type { Kind } from "./kinds";
import type { Analysis } from "./analysis";
import type { PendingSend, SendReceiptRecord, SendState } from "./send-state";

export interface ReadProgress {
  sheet: string;
  rowsRead: number;
  totalRows: number;
}

/**
 * The one workbook interface both adapters implement: src/excel (Office.js, the open workbook)
 * and src/xlsx (ExcelJS, a file). The UI and the CLI talk to this, never to Office or ExcelJS directly.
 */
export interface WorkbookPort {
  /** Reads every sheet's used range into cell arrays (in blocks, reporting progress). */
  read(onProgress?: (p: ReadProgress) => void): Promise<WorkbookData>;
  /** Fills the cells of the findings (error red, warning amber), remembering the previous fills. */
  highlight(findings: readonly Finding[]): Promise<void>;
  /** Restores exactly the fills the cells had before `highlight`. */
  clearHighlights(): Promise<void>;
  /** Selects and scrolls to a cell (file adapters may ignore it). */
  select(sheet: string, cell: string): Promise<void>;
  /** Creates or refreshes the "Indicateurs" sheet (with the "Envoi" block when a receipt is stored). */
  writeIndicators(analysis: Analysis, options: { generatedAt: Date; language: "fr" | "en" }): Promise<void>;
  /** Inserts the canonical Structure and Salariés sheets. */
  insertTemplate(kind: Kind): Promise<void>;
  /** The column mapping the user fixed by hand, saved with the workbook. */
  loadMapping(): Promise<MappingOverride | null>;
  saveMapping(mapping: MappingOverride | null): Promise<void>;
  /** The last receipt and the pending marker stored in the workbook (never a token). */
  loadSendState(): Promise<SendState>;
  /** Marks (or, with null, unmarks) a submission waiting in the outbox, so a reopened pane says so. */
  markSendPending(pending: PendingSend | null): Promise<void>;
  /**
   * Stores the receipt, clears the pending marker and rewrites the "Indicateurs" sheet from the analysis
   * that was sent, with the "Envoi" block below the indicators.
   */
  writeSendReceipt(receipt: SendReceiptRecord, analysis: Analysis, options: { generatedAt: Date; language: "fr" | "en" }): Promise<void>;
}
