import { analyzeOne } from "../../support/analyze-one";

import type { WorkbookData } from "../../../src/core/model/cells";

/*
 * The whole engine on a small invented workbook in the canonical layout: the reader's columns reach the
 * indicators (absent columns → null) and the records keep nothing personal besides the identity key,
 * which the client replaces with an HMAC before sending. Expectations counted by hand from the cells.
 */
const WORKBOOK: WorkbookData = {
  name: "chantier-essarts.xlsx",
  sheets: [
    {
      name: "Structure",
      rows: [
        ["SIRET", "12345678900011"],
        ["Raison sociale", "Chantier des Essarts"],
        ["Type de structure", "ACI"],
        ["Département", "38"],
        ["Début de période", "01/01/2025"],
        ["Fin de période", "31/12/2025"],
        ["ETP conventionnés", 2],
      ],
    },
    {
      name: "Salariés",
      rows: [
        [
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
        ],
        [
          "999990000001",
          "Martinez",
          "Zoé",
          "F",
          "12/05/2001",
          "Oui",
          "Oui - majoré",
          "01/06/2024",
          910,
          "30/06/2025",
          "3",
        ],
        [
          "999990000002",
          "Lefebvre",
          "Karim",
          "H",
          "01/02/1970",
          "Non",
          "Non",
          "15/03/2025",
          364,
          "14/06/2025",
          "CDD de moins de 6 mois",
        ],
        ["", "Nguyen", "Inès", "F", "03/03/1990", "", "", "01/01/2025", 100, "", ""],
      ],
    },
  ],
};

describe("analyzeWorkbook → indicators and records", () => {
  const a = analyzeOne(WORKBOOK);

  it("counts from the cells", () => {
    const i = a.indicators;
    expect([i.employees, i.women, i.men, i.sexUnknown]).toEqual([3, 2, 1, 0]);
    expect([i.rsa, i.rsaUnknown, i.qpv, i.qpvUnknown]).toEqual([1, 1, 1, 1]); // Inès: RSA and QPV blank
    expect([i.under26, i.age50plus, i.ageUnknown]).toEqual([1, 1, 0]); // Zoé 24, Karim 55, Inès 35
    expect(i.hoursWorked).toBe(1374);
    expect(i.fte).toBeCloseTo(1374 / 1820, 12);
    expect(i.fteRsa).toBeCloseTo(910 / 1820, 12);
    expect(i.fteRealisationRate).toBeCloseTo(1374 / 1820 / 2, 12);
    expect([i.exits, i.exitsTooShort, i.exitsExamined, i.exitsDurable]).toEqual([2, 1, 1, 1]); // Karim: 15/03 → 14/06
    expect(i.rateDurable).toBe(1);
    expect(i.rsaExitsDurableOrTraining).toBe(1);
    expect(i.averagePathMonths).toBeCloseTo((394 * 12) / 365.25, 12); // 01/06/2024 → 30/06/2025
  });

  it("leaves the indicators of absent columns null", () => {
    const i = a.indicators;
    for (const k of [
      "zrr",
      "zrrUnknown",
      "shareZrr",
      "deld",
      "shareDetld",
      "rqth",
      "ass",
      "aah",
      "levelCapBep",
    ] as const) {
      expect(i[k]).toBeNull();
    }
  });

  it("gives one record per row with nothing personal but the key", () => {
    expect(a.records).toHaveLength(3);
    expect(a.records[0]).toMatchObject({
      key: "999990000001",
      sex: "F",
      birthYear: 2001,
      hireDate: "2024-06-01",
      exitDate: "2025-06-30",
      exitMotif: "3",
      hoursWorked: 910,
    });
    const withoutKeys = JSON.stringify(a.records.map(({ key: _key, ...rest }) => rest));
    for (const personal of [
      "Martinez",
      "Lefebvre",
      "Nguyen",
      "Zoé",
      "Karim",
      "Inès",
      "2001-05-12",
      "1970-02-01",
      "999990000001",
    ]) {
      expect(withoutKeys).not.toContain(personal);
    }
  });

  it("builds the records once, on first read, and shows them to JSON and spreads like a plain property", () => {
    const fresh = analyzeOne(WORKBOOK);
    expect(Object.keys(fresh)).toContain("records");
    const first = fresh.records;
    expect(fresh.records).toBe(first);
    expect(JSON.parse(JSON.stringify(fresh)).records).toEqual(first);
    expect({ ...fresh }.records).toBe(first);
  });
});
