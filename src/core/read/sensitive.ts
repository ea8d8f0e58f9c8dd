import { isBlankChar } from "../text/normalize";

/**
 * True when a value looks like a French social security number (NIR): 13 digits, or 15 with the key,
 * first digit 1/2 (or 3, 4, 7, 8 for temporary numbers), Corsica written 2A/2B.
 */
export function looksLikeNir(v: unknown): boolean {
  if (typeof v === "number") {
    if (!Number.isInteger(v) || v < 1e12) return false;
    return looksLikeNirText(String(v));
  }
  if (typeof v !== "string" || v.length < 13 || v.length > 40) return false;
  return looksLikeNirText(v);
}

function looksLikeNirText(s: string): boolean {
  let len = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isBlankChar(c) || c === 46 || c === 45) continue;
    const digit = c >= 48 && c <= 57;
    if (len === 0) {
      if (!(c === 49 || c === 50 || c === 51 || c === 52 || c === 55 || c === 56)) return false;
    } else if (!digit && !(len === 6 && (c === 65 || c === 66 || c === 97 || c === 98))) {
      return false;
    }
    len++;
    if (len > 15) return false;
  }
  return len === 13 || len === 15;
}
