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
  /**
   * Restores exactly the fills the cells had before `highlight`, on the cells that still show ours. Returns how
   * many highlighted cells were left as they are because they changed since (moved by a row inserted or
   * deleted, or re-coloured): overwriting them would change another cell's fill.
   */
  clearHighlights(): Promise<number>;
  /** Selects and scrolls to a cell (file adapters may ignore it). */
  select(sheet: string, cell: string): Promise<void>;
  /**
   * Creates or refreshes one "Indicateurs" sheet per report (« Indicateurs », or « Indicateurs ACI »,
   * « Indicateurs EI »… when several), each with the "Envoi" block of its stored receipt; removes the
   * sheets of reports no longer present.
   */
  writeIndicators(
    reports: readonly Analysis[],
    options: { generatedAt: Date; language: "fr" | "en" },
  ): Promise<void>;
  /** Inserts the canonical Structure and Salariés sheets. */
  insertTemplate(kind: Kind): Promise<void>;
  /** The column mapping the user fixed by hand, saved with the workbook. */
  loadMapping(): Promise<MappingOverride | null>;
  saveMapping(mapping: MappingOverride | null): Promise<void>;
  /** The receipts (one per report) and the pending marker stored in the workbook (never a token). */
  loadSendState(): Promise<SendState>;
  /** Marks (or, with null, unmarks) a submission waiting in the outbox, so a reopened pane says so. */
  markSendPending(pending: PendingSend | null): Promise<void>;
  /**
   * Stores the receipts of a send (each replaces its report's previous one), clears the pending marker
   * and rewrites the "Indicateurs" sheets from the reports that were sent, each with its "Envoi" block.
   */
  writeSendReceipts(
    receipts: readonly SendReceiptRecord[],
    reports: readonly Analysis[],
    options: { generatedAt: Date; language: "fr" | "en" },
  ): Promise<void>;
}
