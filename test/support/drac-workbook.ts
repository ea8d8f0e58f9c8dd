import type { WorkbookData } from "../../src/core";

/**
 * An invented ACI of Isère for 2025 ("Atelier du Drac"), in the canonical layout: its Structure sheet and
 * a Salariés sheet with the given people rows under the usual twelve headers. Shared by the client and
 * pane tests that send or recompute a small report.
 */
export const DRAC_PEOPLE_HEADER = [
  "N° PASS IAE",
  "Nom",
  "Prénom",
  "Sexe",
  "Date de naissance",
  "Code postal",
  "Résident QPV",
  "Bénéficiaire du RSA",
  "Date d'embauche",
  "Heures travaillées",
  "Date de sortie",
  "Motif de sortie",
];

export function dracWorkbook(people: readonly (readonly unknown[])[]): WorkbookData {
  return {
    name: "bilan.xlsx",
    sheets: [
      {
        name: "Structure",
        rows: [
          ["SIRET", "35600000000048"],
          ["Raison sociale", "Atelier du Drac"],
          ["Type de structure", "ACI"],
          ["Département", "38"],
          ["Début de période", "01/01/2025"],
          ["Fin de période", "31/12/2025"],
          ["ETP conventionnés", 2],
        ],
      },
      { name: "Salariés", rows: [DRAC_PEOPLE_HEADER, ...people] },
    ],
  };
}
