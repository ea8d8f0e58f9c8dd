import { read, day } from "./helpers";
import type { WorkbookData } from "../../../src/core/model/cells";

const HEADER = [
  "N° PASS IAE",
  "Nom",
  "Prénom",
  "Sexe",
  "Date de naissance",
  "Résident QPV",
  "Bénéficiaire du RSA",
  "Date d'embauche",
  "Heures travaillées",
  "Date de sortie",
  "Motif de sortie",
];

describe("readWorkbook: canonical layout", () => {
  const wb: WorkbookData = {
    name: "bilan.xlsx",
    sheets: [
      {
        name: "Structure",
        rows: [
          ["SIRET", "123 456 789 00012"],
          ["Raison sociale", "Les Jardins du Test"],
          ["Type de structure", "ACI"],
          ["Département", 38],
          ["Début de période", "01/01/2025"],
          ["Fin de période", "31/12/2025"],
        ],
      },
      {
        name: "Salariés",
        rows: [
          HEADER,
          [
            "99999 0001234",
            "Martin",
            "Alice",
            "F",
            "15/03/1990",
            "Oui",
            "Oui - majoré",
            "01/02/2025",
            "1 234,5",
            null,
            null,
          ],
        ],
      },
    ],
  };
  const r = read(wb);

  it("reads the structure block", () => {
    expect(r.structure).toEqual({
      siret: "12345678900012",
      name: "Les Jardins du Test",
      kind: "ACI",
      afNumber: null,
      department: "38",
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
      fteConventioned: null,
      annualHoursPerFte: null,
      cdCofinancedAmount: null,
    });
    expect(r.structureLocations.siret).toEqual({ sheet: "Structure", row: 1, column: 2 });
  });

  it("reads a typed row", () => {
    expect(r.rows).toHaveLength(1);
    const p = r.rows[0];
    expect(p.excelRow).toBe(2);
    expect(p.passNumber).toBe("999990001234");
    expect(p.identity).toBe("999990001234");
    expect(p.sex).toBe("F");
    expect(p.birthDate).toBe(day(1990, 3, 15));
    expect(p.birthYear).toBe(1990);
    expect(p.qpv).toBe(true);
    expect(p.rsa).toBe("OUI-M");
    expect(p.hireDate).toBe(day(2025, 2, 1));
    expect(p.hoursWorked).toBe(1234.5);
    expect(p.exitDate).toBeNull();
  });

  it("emits no finding for a complete canonical workbook", () => {
    expect(r.report.issues).toEqual([]);
  });
});
