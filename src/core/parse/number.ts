import { INVALID, isEmptyCell, type Parsed } from "./outcome";
import { isBlankChar } from "../text/normalize";

/**
 * A number cell: a finite number, or text in French or English notation — one decimal separator
 * (comma or dot), spaces / NBSP / narrow NBSP between digit groups ("1 234,5"), an optional sign and
 * an optional trailing unit "h" or "€". Two separators ("1,234,5", "1.234,5") are ambiguous: invalid.
 */
export function parseNumberCell(v: unknown): Parsed<number> {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return INVALID;
    return v === 0 ? 0 : v; // normalises -0
  }
  if (typeof v === "string") {
    if (isEmptyCell(v)) return null;
    return numberFromText(v);
  }
  if (v === null || v === undefined) return null;
  return INVALID;
}

export function numberFromText(s: string): Parsed<number> {
  const n = s.length;
  if (n > 64) return INVALID;
  let i = 0;
  while (i < n && isBlankChar(s.charCodeAt(i))) i++;
  let end = n;
  while (end > i && isBlankChar(s.charCodeAt(end - 1))) end--;
  // Optional unit: "35 h", "35h", "1 200 €".
  const last = s.charCodeAt(end - 1);
  if (last === 104 /* h */ || last === 72 /* H */ || last === 0x20ac /* € */) {
    end--;
    while (end > i && isBlankChar(s.charCodeAt(end - 1))) end--;
  }
  let out = "";
  const c0 = s.charCodeAt(i);
  if (c0 === 45 || c0 === 43 || c0 === 0x2212) {
    if (c0 !== 43) out = "-";
    i++;
  }
  let digits = 0;
  let seps = 0;
  let fracDigits = 0;
  let prevDigit = false;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      out += s[i];
      digits++;
      if (seps) fracDigits++;
      prevDigit = true;
    } else if (c === 44 || c === 46) {
      if (seps) return INVALID;
      seps = 1;
      out += ".";
      prevDigit = false;
    } else if (isBlankChar(c)) {
      // Thousands separator: only between digits of the integer part.
      if (!prevDigit || seps) return INVALID;
      const next = i + 1 < end ? s.charCodeAt(i + 1) : 0;
      if (next < 48 || next > 57) return INVALID;
    } else {
      return INVALID;
    }
  }
  if (digits === 0 || (seps && fracDigits === 0)) return INVALID;
  const x = Number(out);
  if (!Number.isFinite(x)) return INVALID;
  return x === 0 ? 0 : x;
}
