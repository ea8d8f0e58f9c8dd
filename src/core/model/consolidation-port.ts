import type { ReportSheet } from "../report/consolidation-sheets";

/**
 * What an adapter that can hold the department's consolidation sheets offers (the open workbook in
 * Excel). Apart from WorkbookPort: a structure's file never receives them, and file mode downloads
 * a new workbook instead.
 */
export interface ConsolidationSheetsPort {
  /** Creates or refreshes the sheets in place (same sheets, our chart replaced). */
  writeConsolidation(sheets: readonly ReportSheet[]): Promise<void>;
}

export function canWriteConsolidation(port: unknown): port is ConsolidationSheetsPort {
  return (
    typeof port === "object" &&
    port !== null &&
    typeof (port as Partial<ConsolidationSheetsPort>).writeConsolidation === "function"
  );
}
