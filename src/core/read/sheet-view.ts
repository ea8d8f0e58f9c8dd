import type { SheetData } from "../model/cells";

/** Excel's last column: wider hostile arrays are not scanned beyond it. */
export const MAX_COLUMNS = 16384;

/** A sheet with its offsets sanitised: the reader never trusts the input shape. */
export interface SheetView {
  name: string;
  rows: readonly unknown[];
  /** 0-based offsets of rows[0][0]. */
  originRow: number;
  originCol: number;
}

export function viewOf(sheet: SheetData): SheetView {
  const rows = sheet && Array.isArray(sheet.rows) ? sheet.rows : [];
  const o = sheet?.origin;
  return {
    name: typeof sheet?.name === "string" ? sheet.name : String(sheet?.name ?? ""),
    rows,
    originRow: safeOffset(o?.row),
    originCol: safeOffset(o?.col),
  };
}

function safeOffset(v: unknown): number {
  return typeof v === "number" && Number.isInteger(v) && v >= 0 && v < 1048576 ? v : 0;
}

/** Row i as an array (hostile rows — non-arrays — read as empty). */
export function rowAt(view: SheetView, i: number): readonly unknown[] {
  const r = view.rows[i];
  return Array.isArray(r) ? r : EMPTY;
}

const EMPTY: readonly unknown[] = [];

/** Number of columns to scan in a row: capped at Excel's width minus the origin. */
export function widthOf(view: SheetView, row: readonly unknown[]): number {
  return Math.min(row.length, MAX_COLUMNS - view.originCol);
}
