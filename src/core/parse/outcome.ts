import { isBlankChar } from "../text/normalize";

/**
 * Outcome of a cell parser: the value, null when the cell is empty ("non renseigné"), or INVALID when
 * it holds something that cannot be read for the field. A sentinel instead of a result object keeps
 * the hot loop free of per-cell allocations.
 */
export const INVALID: unique symbol = Symbol("invalid");
export type Invalid = typeof INVALID;
export type Parsed<T> = T | null | Invalid;

export function isInvalid(v: unknown): v is Invalid {
  return v === INVALID;
}

/** True for null, undefined, "" and strings made only of spaces: the cell is not filled. */
export function isEmptyCell(v: unknown): boolean {
  if (v === null || v === undefined || v === "") return true;
  if (typeof v !== "string") return false;
  // Fast path: most filled strings start with a non-space.
  if (!isBlankChar(v.charCodeAt(0))) return false;
  for (let i = 1; i < v.length; i++) if (!isBlankChar(v.charCodeAt(i))) return false;
  return true;
}

/** Trim every kind of space (String.prototype.trim misses none of ours, but this avoids a copy when nothing to trim). */
export function trimCell(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isBlankChar(s.charCodeAt(a))) a++;
  while (b > a && isBlankChar(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** Longest text we try to interpret; longer cells are invalid for coded fields (and truncated in messages). */
export const MAX_CELL_TEXT = 4000;

/** A cell as short display text for findings (never throws, even on hostile objects). */
export function cellToText(v: unknown): string {
  try {
    if (v === null || v === undefined) return "";
    if (typeof v === "string") return v.length > 200 ? `${v.slice(0, 200)}…` : v;
    if (typeof v === "number") return Object.is(v, -0) ? "0" : String(v);
    if (typeof v === "boolean") return v ? "VRAI" : "FAUX";
    if (v instanceof Date) {
      const t = v.getTime();
      return Number.isFinite(t) ? v.toISOString().slice(0, 10) : "date invalide";
    }
    if (Array.isArray(v)) return "[tableau]";
    return "[objet]";
  } catch {
    return "[valeur illisible]";
  }
}
