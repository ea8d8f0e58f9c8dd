import { analyzeOne } from "../../support/analyze-one";

import type { WorkbookData } from "../../../src/core/model/cells";

/*
 * Through the real reader: the people table starts at C3 (origin row 2, column 2, 0-based), so the header
 * is on Excel row 3 and data on rows 4–6; columns C…J hold PASS, Nom, Prénom, Sexe, Naissance, RSA, Embauche,
 * Heures, Sortie, Motif → C D E F G H I J K L.
 */
const workbook: WorkbookData = {
  name: "e2e.xlsx",
  sheets: [
    {
      name: "Structure",
      rows: [
        ["SIRET", "123 456 782 00011"],
        ["Raison sociale", "Atelier Exemple"],
        ["Type de structure", "ACI"],
        ["Département", "38"],
        ["Début de période", "01/01/2025"],
        ["Fin de période", "31/12/2025"],
      ],
    },
    {
      name: "Salariés",
      origin: { row: 2, col: 2 },
      rows: [
        [
          "N° PASS IAE",
          "Nom",
          "Prénom",
          "Sexe",
          "Date de naissance",
          "Bénéficiaire du RSA",
          "Date d'embauche",
          "Heures travaillées",
          "Date de sortie",
          "Motif de sortie",
        ],
        ["999990012345", "Durand", "Alix", "F", "12/04/1990", "Non", "03/02/2025", 600, "12/01/2025", "CDI"],
        ["999990012346", "Moreau", "Sami", "H", "01/01/1985", "Oui", "01/03/2024", 900, "", ""],
        ["99999 0012 345", "Petit", "Lou", "F", "05/05/1995", "Non", "01/06/2025", 300, "", ""],
      ],
    },
  ],
};

describe("rules through the real reader", () => {
  const report = analyzeOne(workbook).report;
  const find = (code: string) => report.issues.filter((f) => f.code === code);

  it("points row findings at the sheet cells, table offset included", () => {
    expect(find("exit-before-hire")).toEqual([
      expect.objectContaining({
        sheet: "Salariés",
        cell: "K4",
        row: 4,
        column: 11,
        field: "exitDate",
        value: "12/01/2025",
      }),
    ]);
    expect(find("duplicate-person")).toEqual([
      expect.objectContaining({ sheet: "Salariés", cell: "C6", row: 6, column: 3, field: "passNumber" }),
    ]);
    expect(find("duplicate-person")[0].message).toContain("ligne 4");
  });

  it("points structure findings at the structure cell", () => {
    // 12345678200011 fails Luhn (sum 41, see structure-rules.test.ts).
    expect(find("siret-format")).toEqual([
      expect.objectContaining({ severity: "warning", sheet: "Structure", cell: "B1" }),
    ]);
  });
});
