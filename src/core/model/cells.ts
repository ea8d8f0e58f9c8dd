/**
 * The input of the engine: the shape Office.js `Range.values` gives (strings, numbers, booleans,
 * with Excel errors as strings such as "#N/A"), plus Date objects that file readers produce.
 * Anything else (objects, NaN…) is tolerated and reported, never trusted.
 */
export type CellValue = string | number | boolean | Date | null | undefined;

/** A rectangle of cells in sheet coordinates: 0-based, inclusive (A1 is row 0, col 0). */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A formula cell, in sheet coordinates (0-based). The text is the formula without its leading "=" as the
 * file or Office gives it ("SUM(L2:W2)"), or "" when it is not known (a shared formula's other cells).
 * Adapters give at least every formula cell whose stored value is missing (the row array holds null
 * there); they may give the others too. The reader needs them to tell a formula without a value from an
 * empty cell (domain §2.4.6) and a totals row from a person (§2.4.1).
 */
export interface FormulaCell {
  row: number;
  col: number;
  formula: string;
}

/** An Excel Table (ListObject) on a sheet: its whole range, header row included, totals row included. */
export interface TableRange {
  name: string;
  range: CellRange;
  /** The table shows a totals row (the last row of `range`): `totalsRowCount` in the file, `showTotals` in Office.js. */
  totalsRow: boolean;
}

/** One worksheet as a 2D array. `rows[0][0]` is the cell at `origin` (0-based row/column offsets). */
export interface SheetData {
  name: string;
  rows: readonly (readonly unknown[])[];
  /** 0-based offset of rows[0][0] in the sheet (a used range may start at C3). Default {row:0,col:0}. */
  origin?: { row: number; col: number };
  /** Formula cells (see FormulaCell); absent when the adapter cannot tell. */
  formulas?: readonly FormulaCell[];
  /** Merged cell ranges (a group header merged over its columns, §2.4.4). */
  merges?: readonly CellRange[];
  /** Excel Tables on the sheet (their totals rows are not persons, §2.4.1). */
  tables?: readonly TableRange[];
}

export interface WorkbookData {
  /** Name of the file or workbook, for messages only. */
  name?: string;
  sheets: readonly SheetData[];
  /** True when the workbook uses the 1904 date system (Mac legacy). */
  date1904?: boolean;
}
