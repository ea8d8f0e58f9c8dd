import type { Kind } from "../model/kinds";

/**
 * Names of the five SIAE kinds: codes, ASP "mesure" codes (shared/iae-reference/asp_ref_mesure_v2.csv:
 * ACI_DC, ACI_MP, AI_DC, EI_DC, EI_MP, ETTI_DC, EITI_DC) and full labels. FDI_DC is not a SIAE kind.
 */
export const KIND_NAMES: Readonly<Record<Kind, string[]>> = {
  ACI: [
    "ACI",
    "ACI_DC",
    "ACI_MP",
    "Atelier et chantier d'insertion",
    "Ateliers et chantiers d'insertion",
    "Atelier chantier d'insertion",
    "Atelier ou chantier d'insertion",
    "Chantier d'insertion",
    "Atelier d'insertion",
    "Droit Commun - Atelier et Chantier d'Insertion",
    "Milieu Pénitentiaire - Atelier et Chantier d'Insertion",
  ],
  AI: ["AI", "AI_DC", "Association intermédiaire", "Droit Commun - Association Intermédiaire"],
  EI: [
    "EI",
    "EI_DC",
    "EI_MP",
    "Entreprise d'insertion",
    "Droit Commun - Entreprise d'Insertion",
    "Milieu Pénitentiaire - Entreprise d'Insertion",
  ],
  ETTI: [
    "ETTI",
    "ETTI_DC",
    "Entreprise de travail temporaire d'insertion",
    "Droit Commun - Entreprise de Travail Temporaire d'Insertion",
  ],
  EITI: [
    "EITI",
    "EITI_DC",
    "Entreprise d'insertion par le travail indépendant",
    "Droit Commun - Entreprise d'Insertion par le Travail Indépendant",
  ],
};

/** French departments: 01–95 (no 20 since 1976), 2A, 2B, 971–976. */
export function isDepartmentCode(code: string): boolean {
  if (code === "2A" || code === "2B") return true;
  if (code.length === 2) {
    const n = Number(code);
    return (
      Number.isInteger(n) &&
      n >= 1 &&
      n <= 95 &&
      n !== 20 &&
      code.charCodeAt(0) >= 48 &&
      code.charCodeAt(0) <= 57
    );
  }
  if (code.length === 3) {
    const n = Number(code);
    return Number.isInteger(n) && n >= 971 && n <= 976;
  }
  return false;
}
