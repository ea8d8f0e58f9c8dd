import { normalizeLabel } from "./normalize-code";
import { INVALID, isEmptyCell, MAX_CELL_TEXT, trimCell, type Parsed } from "./outcome";
import { TextMemo } from "./text-memo";

/** Yes/no words of domain §2.3, normalised (lower case, no accents). */
const YES = ["oui", "o", "yes", "y", "x", "1", "vrai", "true", "ok"];
const NO = ["non", "n", "no", "0", "faux", "false"];
/** Dashes mean "no" but normalise to "": checked on the trimmed raw text. */
const DASHES = new Set(["-", "\u2013", "\u2014", "\u2212"]);
/** Check marks and ballot boxes (§2.3): ✓ ✔ ☑ ☒ mean yes, an empty box ☐ means no. */
export const CHECK_MARKS: ReadonlyMap<string, boolean> = new Map([
  ["\u2713", true],
  ["\u2714", true],
  ["\u2611", true],
  ["\u2612", true],
  ["\u2610", false],
]);

const WORDS = new Map<string, boolean>([
  ...YES.map((w) => [w, true] as const),
  ...NO.map((w) => [w, false] as const),
]);

/**
 * A yes/no cell: Oui, O, Yes, Y, X, 1, Vrai, True → true; Non, N, No, 0, Faux, False, "-" → false;
 * empty → null (not filled, never silently "no"); anything else → INVALID.
 */
export function parseYesNo(v: unknown): Parsed<boolean> {
  if (typeof v === "string") {
    return memo.get(v);
  }
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1 ? true : v === 0 ? false : INVALID;
  if (v === null || v === undefined) return null;
  return INVALID;
}

export function yesNoFromText(s: string): Parsed<boolean> {
  if (isEmptyCell(s)) return null;
  if (s.length > MAX_CELL_TEXT) return INVALID;
  const t = trimCell(s);
  if (DASHES.has(t)) return false;
  const mark = CHECK_MARKS.get(t);
  if (mark !== undefined) return mark;
  const w = WORDS.get(normalizeLabel(t));
  return w === undefined ? INVALID : w;
}

const memo = new TextMemo(yesNoFromText);
