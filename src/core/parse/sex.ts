import type { Sex } from "../model/person";
import { normalizeLabel } from "./normalize-code";
import { INVALID, isEmptyCell, MAX_CELL_TEXT, type Parsed } from "./outcome";
import { TextMemo } from "./text-memo";

/** Sex and civility words, normalised. 1/2 follow the INSEE convention (1 man, 2 woman). */
const SEX_WORDS = new Map<string, Sex>([
  ["f", "F"],
  ["femme", "F"],
  ["feminin", "F"],
  ["mme", "F"],
  ["madame", "F"],
  ["mlle", "F"],
  ["melle", "F"],
  ["mademoiselle", "F"],
  ["w", "F"],
  ["woman", "F"],
  ["female", "F"],
  ["2", "F"],
  ["h", "H"],
  ["homme", "H"],
  ["masculin", "H"],
  ["m", "H"],
  ["mr", "H"],
  ["monsieur", "H"],
  ["man", "H"],
  ["male", "H"],
  ["1", "H"],
]);

/** F/H, Femme/Homme, Mme/Madame/Mlle, M/M./Monsieur… → "F" | "H"; empty → null; else INVALID. */
export function parseSex(v: unknown): Parsed<Sex> {
  if (typeof v === "string") {
    return memo.get(v);
  }
  if (typeof v === "number") return v === 1 ? "H" : v === 2 ? "F" : INVALID;
  if (v === null || v === undefined) return null;
  return INVALID;
}

function sexFromText(s: string): Parsed<Sex> {
  return isEmptyCell(s)
    ? null
    : s.length > MAX_CELL_TEXT
      ? INVALID
      : (SEX_WORDS.get(normalizeLabel(s)) ?? INVALID);
}

const memo = new TextMemo(sexFromText);
