/**
 * A writer-neutral workbook: what a case puts in its cells, merges and tables. Each writer (ExcelJS,
 * the inline writer, LibreOffice through the ExcelJS file) turns the same model into its own bytes.
 */
export type Scalar = string | number | boolean | Date;

/** A formula and what a spreadsheet computes for it (ExcelJS stores it; the inline writer does not). */
export interface Formula {
  formula: string;
  result: number | string | Date;
}

export type CellInput = Scalar | Formula;

export const isFormula = (v: CellInput | undefined): v is Formula =>
  typeof v === "object" && v !== null && !(v instanceof Date);

export interface TableColumnModel {
  name: string;
  totalsLabel?: string;
  totalsFunction?: "count" | "sum";
}

/** An Excel Table (ListObject) whose header is at headerRow, first column 1, with a totals row. */
export interface TableModel {
  name: string;
  headerRow: number;
  lastDataRow: number;
  columns: TableColumnModel[];
  totalsRow: boolean;
}

export class SheetModel {
  readonly rows = new Map<number, Map<number, CellInput>>();
  readonly merges: string[] = [];
  table: TableModel | null = null;
  constructor(readonly name: string) {}

  set(row: number, col: number, value: CellInput | null | undefined): void {
    if (value === null || value === undefined || value === "") return;
    let r = this.rows.get(row);
    if (!r) this.rows.set(row, (r = new Map()));
    r.set(col, value);
  }

  has(row: number, col: number): boolean {
    return this.rows.get(row)?.has(col) ?? false;
  }

  get(row: number, col: number): CellInput | undefined {
    return this.rows.get(row)?.get(col);
  }

  merge(fromRow: number, fromCol: number, toRow: number, toCol: number): void {
    this.merges.push(`${cellRef(fromRow, fromCol)}:${cellRef(toRow, toCol)}`);
  }

  lastRow(): number {
    return Math.max(1, ...this.rows.keys());
  }

  lastCol(): number {
    let max = 1;
    for (const r of this.rows.values()) for (const c of r.keys()) max = Math.max(max, c);
    return max;
  }
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  addSheet(name: string): SheetModel {
    const s = new SheetModel(name);
    this.sheets.push(s);
    return s;
  }
}

export function colLetter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export const cellRef = (row: number, col: number) => `${colLetter(col)}${row}`;

/** Fixed timestamp of every generated file (same bytes on every run). */
export const GENERATED_AT = new Date(Date.UTC(2026, 0, 15, 9, 0, 0));

export const dateOf = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

/** Excel serial number of a UTC date (1900 date system). */
export const excelSerial = (d: Date) => (d.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
