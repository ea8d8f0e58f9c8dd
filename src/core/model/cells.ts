/**
 * The input of the engine: the shape Office.js `Range.values` gives (strings, numbers, booleans,
 * with Excel errors as strings such as "#N/A"), plus Date objects that file readers produce.
 * Anything else (objects, NaN…) is tolerated and reported, never trusted.
 */
export type CellValue = string | number | boolean | Date | null | undefined;

/** One worksheet as a 2D array. `rows[0][0]` is the cell at `origin` (0-based row/column offsets). */
export interface SheetData {
  name: string;
  rows: readonly (readonly unknown[])[];
  /** 0-based offset of rows[0][0] in the sheet (a used range may start at C3). Default {row:0,col:0}. */
  origin?: { row: number; col: number };
}

export interface WorkbookData {
  /** Name of the file or workbook, for messages only. */
  name?: string;
  sheets: readonly SheetData[];
  /** True when the workbook uses the 1904 date system (Mac legacy). */
  date1904?: boolean;
}
