import { isEmptyCell, trimCell } from "./outcome";
import { isBlankChar } from "../text/normalize";

/** The shape of a PASS IAE once normalised: 12 capital letters or digits (the pass-format rule's test). */
export const PASS_SHAPE = /^[A-Z0-9]{12}$/;

/**
 * PASS IAE as typed ("99999 00 12345", "9999-9001.2345") → "999990012345": spaces, dots and dashes
 * removed, upper case. The 12-character check is the `pass-format` rule's job, not the reader's.
 */
export function normalizePass(v: unknown): string | null {
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : null;
  if (typeof v !== "string" || isEmptyCell(v)) return null;
  // Fast path (the usual case): already 12 clean upper-case characters, nothing to allocate.
  let clean = v.length <= 200;
  for (let i = 0; clean && i < v.length; i++) {
    const c = v.charCodeAt(i);
    // Digits and capitals (the whole of a usual PASS) first: neither separators nor to upper-case.
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90)) continue;
    if (isPassSeparator(c) || (c >= 97 && c <= 122) || c > 127) clean = false;
  }
  if (clean) return v;
  let out = "";
  for (let i = 0; i < v.length && i < 200; i++) {
    if (isPassSeparator(v.charCodeAt(i))) continue;
    out += v[i];
  }
  return out === "" ? null : out.toUpperCase();
}

function isPassSeparator(c: number): boolean {
  return isBlankChar(c) || c === 46 || c === 45 || c === 0x2013 || c === 0x2010 || c === 0x2011;
}

/**
 * SIRET as typed: spaces and dots stripped. A number (Excel shows 1.2345678900012E+13) becomes its
 * digits, padded to 14 with a leading zero when Excel dropped it (13 digits). Format checks are the
 * `siret-format` rule's job.
 */
export function normalizeSiret(v: unknown): string | null {
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v < 0) return null;
    const r = Math.round(v);
    if (Math.abs(r - v) > 1e-6) return String(v);
    const s = String(r);
    if (s.includes("e")) return null;
    return s.length === 13 ? `0${s}` : s;
  }
  if (typeof v !== "string" || isEmptyCell(v)) return null;
  const t = trimCell(v);
  // Scientific text pasted from a CSV export: "1.2345678900012E13" / "1,2345678900012E+13".
  if (/^\d[.,]\d+[eE]\+?1[23]$/.test(t)) return normalizeSiret(Number(t.replace(",", ".")));
  let out = "";
  for (let i = 0; i < t.length && i < 200; i++) {
    const c = t.charCodeAt(i);
    if (isBlankChar(c) || c === 46) continue;
    out += t[i];
  }
  return out === "" ? null : out;
}
