import { read, CANONICAL_HEADER } from "./helpers";

const person = ["999990001234", "Martin", "Alice", "F", "15/03/1990", "Non", "Non", "01/02/2025", 300];

describe("structure block", () => {
  it("reads a separate Identification sheet with colon labels and gaps (merged or empty cells)", () => {
    const r = read({
      sheets: [
        {
          name: "Identification",
          rows: [
            ["Identification de la structure"],
            [],
            ["N° SIRET :", null, "123 456 789 00012"],
            ["Nom de la structure :", "", "  ", "Chantier Vert"],
            ["Type de SIAE", null, "Atelier et chantier d'insertion"],
            ["Numéro AF", "ACI038190012A0M0"],
            ["Département :", 38],
            ["Période du", "01/01/2025", "au", "31/12/2025"],
            ["ETP conventionnés", "12,5"],
            ["Heures annuelles pour 1 ETP", 1820],
            ["Montant cofinancé par le Département", "45\u00a0000"],
          ],
        },
        { name: "Salariés", rows: [CANONICAL_HEADER, person] },
      ],
    });
    expect(r.structure).toEqual({
      siret: "12345678900012",
      name: "Chantier Vert",
      kind: "ACI",
      afNumber: "ACI038190012A0M0",
      department: "38",
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
      fteConventioned: 12.5,
      annualHoursPerFte: 1820,
      cdCofinancedAmount: 45000,
    });
    expect(r.structureLocations.name).toEqual({ sheet: "Identification", row: 4, column: 4 });
    expect(r.structureLocations.periodEnd).toEqual({ sheet: "Identification", row: 8, column: 4 });
    expect(
      r.report.issues.filter((f) => f.code.startsWith("structure") || f.code === "value-invalid"),
    ).toEqual([]);
  });

  it("reads label/value pairs above the table of the main sheet, and 'Label : value' in one cell", () => {
    const r = read({
      sheets: [
        {
          name: "Salariés",
          rows: [
            ["Bilan annuel des salariés en insertion"],
            ["Raison sociale : AI du Grésivaudan", null, null, "SIRET", 12345678900012],
            ["Type de structure", "AI", null, "Département", "2A"],
            ["Début de période", 45658, null, "Fin de période", new Date(Date.UTC(2025, 11, 31))],
            [],
            CANONICAL_HEADER,
            person,
          ],
        },
      ],
    });
    expect(r.structure).toMatchObject({
      siret: "12345678900012",
      name: "AI du Grésivaudan",
      kind: "AI",
      department: "2A",
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
    });
    expect(r.structureLocations.siret).toEqual({ sheet: "Salariés", row: 2, column: 5 });
    expect(r.table?.headerRow).toBe(6);
    expect(r.rows).toHaveLength(1);
  });

  it("a structure sheet named « Structure SIAE (à remplir) » is found", () => {
    const r = read({
      sheets: [
        { name: "Structure SIAE (à remplir)", rows: [["SIRET", "12345678900012"]] },
        { name: "Salariés", rows: [CANONICAL_HEADER, person] },
      ],
    });
    expect(r.structure.siret).toBe("12345678900012");
    expect(r.structureLocations.siret?.sheet).toBe("Structure SIAE (à remplir)");
  });

  it("a row of labels with the values on the row below", () => {
    const r = read({
      sheets: [
        {
          name: "Structure",
          rows: [
            [
              "SIRET",
              "Raison sociale",
              "Type de structure",
              "Département",
              "Début de période",
              "Fin de période",
            ],
            ["12345678900012", "Les Jardins", "EI", "974", "01/01/2025", "31/12/2025"],
          ],
        },
        { name: "Salariés", rows: [CANONICAL_HEADER, person] },
      ],
    });
    expect(r.structure).toMatchObject({
      siret: "12345678900012",
      name: "Les Jardins",
      kind: "EI",
      department: "974",
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
    });
    expect(r.structureLocations.kind).toEqual({ sheet: "Structure", row: 2, column: 3 });
    expect(r.of("structure-field-missing")).toEqual([]);
  });

  it("a title 'du … au …' gives the period", () => {
    const r = read({
      sheets: [
        {
          name: "Structure",
          rows: [
            ["Bilan de l'activité du 01/07/2024 au 30/06/2025"],
            ["SIRET", "12345678900012"],
            ["Raison sociale", "X"],
            ["Type", "EI"],
            ["Département", "01"],
          ],
        },
        { name: "Salariés", rows: [CANONICAL_HEADER, person] },
      ],
    });
    expect(r.structure.periodStart).toBe("2024-07-01");
    expect(r.structure.periodEnd).toBe("2025-06-30");
    expect(r.of("structure-field-missing")).toEqual([]);
  });

  it("structure-field-missing for each absent required field, pointing at an empty label when there is one", () => {
    const r = read({
      sheets: [
        {
          name: "Structure",
          rows: [
            ["SIRET", ""],
            ["Raison sociale", "X"],
          ],
        },
        { name: "Salariés", rows: [CANONICAL_HEADER, person] },
      ],
    });
    const missing = r.of("structure-field-missing");
    expect(missing.map((f) => f.field).sort()).toEqual([
      "department",
      "kind",
      "periodEnd",
      "periodStart",
      "siret",
    ]);
    expect(missing.every((f) => f.severity === "error")).toBe(true);
    const siret = missing.find((f) => f.field === "siret");
    expect(siret).toMatchObject({ sheet: "Structure", cell: "A1", row: 1, column: 1 });
    const kind = missing.find((f) => f.field === "kind");
    expect(kind?.cell).toBeNull();
    expect(kind?.message).toContain("Type de structure");
  });

  it("structure-kind-unknown carries the value found", () => {
    const r = read({ sheets: [{ name: "Structure", rows: [["Type de structure", "GEIQ"]] }] });
    expect(r.of("structure-kind-unknown")).toEqual([
      expect.objectContaining({
        severity: "error",
        sheet: "Structure",
        cell: "B1",
        value: "GEIQ",
        field: "kind",
      }),
    ]);
    expect(r.of("structure-kind-unknown")[0].message).toContain("ACI, AI, EI, ETTI ou EITI");
    expect(r.of("structure-field-missing").some((f) => f.field === "kind")).toBe(false);
  });

  it("unreadable structure values: value-invalid and cell-error", () => {
    const r = read({
      sheets: [
        {
          name: "Structure",
          rows: [
            ["Début de période", "31/02/2025"],
            ["Fin de période", "#REF!"],
            ["Département", "Isère"],
            ["ETP conventionnés", "douze"],
            ["Heures annuelles pour 1 ETP", 0],
          ],
        },
      ],
    });
    const invalid = r.of("value-invalid").map((f) => [f.field, f.cell, f.value]);
    expect(invalid).toEqual(
      expect.arrayContaining([
        ["periodStart", "B1", "31/02/2025"],
        ["department", "B3", "Isère"],
        ["fteConventioned", "B4", "douze"],
        ["annualHoursPerFte", "B5", "0"],
      ]),
    );
    expect(r.of("cell-error")).toEqual([
      expect.objectContaining({ field: "periodEnd", cell: "B2", value: "#REF!" }),
    ]);
    // Unreadable is not reported a second time as missing.
    expect(r.of("structure-field-missing").map((f) => f.field)).not.toContain("periodStart");
  });

  it("the Structure sheet wins over pairs above the table; empty labels there do not hide them", () => {
    const r = read({
      sheets: [
        {
          name: "Structure",
          rows: [
            ["SIRET", "11111111111111"],
            ["Raison sociale", ""],
          ],
        },
        {
          name: "Salariés",
          rows: [["SIRET", "22222222222222", "Raison sociale", "Au-dessus"], CANONICAL_HEADER, person],
        },
      ],
    });
    expect(r.structure.siret).toBe("11111111111111");
    expect(r.structure.name).toBe("Au-dessus");
  });
});

describe("structure pairs and table on the same sheet named Structure", () => {
  it("only the rows above the table are read as pairs", () => {
    const r = read({
      sheets: [
        {
          name: "Structure",
          rows: [
            ["SIRET", "12345678900012", "Raison sociale", "Régie de quartier"],
            CANONICAL_HEADER,
            ["999990001234", "Martin", "Alice", "F", "15/03/1990", "Non", "Non", "01/02/2025", 300],
          ],
        },
      ],
    });
    expect(r.table?.sheet).toBe("Structure");
    expect(r.structure.name).toBe("Régie de quartier");
    expect(r.rows).toHaveLength(1);
  });
});
