import { normalizeLabel } from "../parse/normalize-code";

/** Sheet names of the people table (domain §2.2), normalised. */
export const PEOPLE_SHEET_NAMES: readonly string[] = [
  "salaries",
  "suivi",
  "personnes",
  "liste des salaries",
  "salaries en insertion",
  "suivi des salaries",
  "beneficiaires",
  "salaries en parcours",
];
/** Sheet names of the structure block (domain §2.1), normalised. */
export const STRUCTURE_SHEET_NAMES: readonly string[] = [
  "structure",
  "identification",
  "structure siae",
  "identification de la structure",
  "identification structure",
  "la structure",
];

/** The sheet name is one of the names, possibly followed by more words ("Salariés 2025", "Structure (à remplir)"). */
export function sheetNameIs(names: readonly string[], sheetName: string): boolean {
  const n = normalizeLabel(sheetName);
  for (const x of names) if (n === x || n.startsWith(`${x} `)) return true;
  return false;
}
