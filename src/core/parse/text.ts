import { isEmptyCell, MAX_CELL_TEXT, trimCell, type Parsed, INVALID } from "./outcome";
import { isBlankChar } from "../text/normalize";

/** Free text (names, commune, QPV code…): trimmed, numbers written as Excel shows them; objects invalid. */
export function parseTextCell(v: unknown): Parsed<string> {
  if (typeof v === "string") {
    const n = v.length;
    // Nearly every cell: not empty, nothing to trim at either end, not too long: the text as typed.
    if (n > 0 && n <= MAX_CELL_TEXT && !isBlankChar(v.charCodeAt(0)) && !isBlankChar(v.charCodeAt(n - 1)))
      return v;
    if (isEmptyCell(v)) return null;
    if (v.length > MAX_CELL_TEXT) return INVALID;
    return trimCell(v);
  }
  if (typeof v === "number") return Number.isFinite(v) ? String(v === 0 ? 0 : v) : INVALID;
  if (v === null || v === undefined) return null;
  if (typeof v === "boolean") return v ? "VRAI" : "FAUX";
  return INVALID;
}

const POSTAL_STRINGS = new Map<number, string>();

/** Postal code: 5 digits; a number loses its leading zero in Excel (1000 → "01000"). Other text kept as typed. */
export function parsePostalCode(v: unknown): Parsed<string> {
  if (typeof v === "number") {
    if (!Number.isInteger(v) || v < 1000 || v > 99999) return INVALID;
    // Postal codes repeat: reuse their strings instead of allocating one per row.
    let s = POSTAL_STRINGS.get(v);
    if (s === undefined) {
      s = v < 10000 ? `0${v}` : String(v);
      if (POSTAL_STRINGS.size < 20000) POSTAL_STRINGS.set(v, s);
    }
    return s;
  }
  return parseTextCell(v);
}
