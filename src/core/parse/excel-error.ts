/**
 * Excel error values as Office.js and file readers give them (strings starting with "#").
 * They are reported as `cell-error`, never read as text.
 */
export const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  "#N/A",
  "#REF!",
  "#VALUE!",
  "#DIV/0!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#EXTERNAL!",
  "#PYTHON!",
]);

/** True when the cell holds an Excel error value ("#N/A"…). Checks the first char before any lookup. */
export function isExcelError(v: unknown): v is string {
  if (typeof v !== "string" || v.charCodeAt(0) !== 35 || v.length > 16) return false;
  return EXCEL_ERRORS.has(v) || EXCEL_ERRORS.has(v.trim().toUpperCase());
}

/**
 * ExcelJS gives formula cells whose result is an error as `{ error: "#N/A" }`; adapters should flatten
 * them, but the reader tolerates the object form too.
 */
export function excelErrorOf(v: unknown): string | null {
  if (isExcelError(v)) return v.trim().toUpperCase();
  if (v !== null && typeof v === "object" && !(v instanceof Date)) {
    try {
      const e = (v as { error?: unknown }).error;
      if (isExcelError(e)) return e.trim().toUpperCase();
    } catch {
      // A hostile getter: not an error value, the caller reports the cell as invalid.
      return null;
    }
  }
  return null;
}
