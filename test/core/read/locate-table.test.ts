import { parseA1 } from "../../../src/core/findings/a1";
import { read, CANONICAL_HEADER, STRUCTURE_SHEET, day } from "./helpers";

const person = ["999990001234", "Martin", "Alice", "F", "15/03/1990", "Non", "Non", "01/02/2025", 300];

describe("header detection", () => {
  it("finds the header below title rows", () => {
    const r = read({
      sheets: [
        STRUCTURE_SHEET,
        {
          name: "Salariés",
          rows: [["Bilan annuel 2025"], [], ["Structure : Les Jardins"], CANONICAL_HEADER, person],
        },
      ],
    });
    expect(r.table?.sheet).toBe("Salariés");
    expect(r.table?.headerRow).toBe(4);
    expect(r.table?.headerIndex).toBe(3);
    expect(r.rows.map((p) => p.excelRow)).toEqual([5]);
  });

  it("accepts a header at Excel row 30 and not at row 31", () => {
    const at = (blankRows: number) => {
      const rows: unknown[][] = [];
      for (let i = 0; i < blankRows; i++) rows.push([]);
      rows.push(CANONICAL_HEADER, person);
      return read({ sheets: [STRUCTURE_SHEET, { name: "Salariés", rows }] });
    };
    const ok = at(29);
    expect(ok.table?.headerRow).toBe(30);
    expect(ok.rows).toHaveLength(1);
    const late = at(30);
    expect(late.table).toBeNull();
    expect(late.of("header-not-found")).toHaveLength(1);
  });

  it("the first 30 rows are Excel rows: an origin at row 10 leaves 20 rows to scan", () => {
    const rows: unknown[][] = [];
    for (let i = 0; i < 20; i++) rows.push([]);
    rows.push(CANONICAL_HEADER);
    // rows[20] is Excel row 31 (origin row offset 10).
    const r = read({ sheets: [{ name: "Salariés", rows, origin: { row: 10, col: 0 } }] });
    expect(r.table).toBeNull();
  });

  it("maps columns given in any order, keeps unknown headers", () => {
    const header = ["Heures travaillées", "Observations", "Date d'embauche", "Sexe", "RSA", "Né(e) le"];
    const r = read({
      sheets: [{ name: "Feuil1", rows: [header, [151.67, "RAS", "03/02/2025", "H", "Oui", "01/01/1980"]] }],
    });
    expect(r.table?.columns.map((c) => [c.field, c.index])).toEqual([
      ["hoursWorked", 0],
      ["hireDate", 2],
      ["sex", 3],
      ["rsa", 4],
      ["birthDate", 5],
    ]);
    expect(r.table?.unknownHeaders).toEqual([{ index: 1, header: "Observations" }]);
    expect(r.rows[0]).toMatchObject({
      hoursWorked: 151.67,
      hireDate: day(2025, 2, 3),
      sex: "H",
      rsa: "OUI",
      birthDate: day(1980, 1, 1),
      birthYear: 1980,
    });
  });

  it("prefers the sheet named Salariés (or a synonym) over an earlier sheet", () => {
    const r = read({
      sheets: [
        { name: "Archives 2024", rows: [CANONICAL_HEADER, person] },
        { name: "SALARIES", rows: [CANONICAL_HEADER, person, person] },
      ],
    });
    expect(r.table?.sheet).toBe("SALARIES");
    expect(r.rows).toHaveLength(2);
    const s = read({
      sheets: [
        { name: "Notes", rows: [["x"]] },
        { name: "Suivi", rows: [CANONICAL_HEADER, person] },
      ],
    });
    expect(s.table?.sheet).toBe("Suivi");
  });

  it("a preferred name followed by more words still counts (« Salariés 2025 »)", () => {
    const r = read({
      sheets: [
        { name: "Archives", rows: [CANONICAL_HEADER, person] },
        { name: "Salariés 2025", rows: [CANONICAL_HEADER, person] },
      ],
    });
    expect(r.table?.sheet).toBe("Salariés 2025");
  });

  it("else takes the first sheet with a recognised header", () => {
    const r = read({
      sheets: [
        { name: "Accueil", rows: [["Mode d'emploi"], ["Sexe", "RSA"]] },
        { name: "Tableau 2025", rows: [CANONICAL_HEADER, person] },
        { name: "Tableau 2024", rows: [CANONICAL_HEADER] },
      ],
    });
    expect(r.table?.sheet).toBe("Tableau 2025");
  });

  it("header-not-found names the sheets examined and what to do", () => {
    const r = read({
      sheets: [
        { name: "Accueil", rows: [["Bonjour"]] },
        { name: "Données", rows: [["Sexe", "RSA", "Autre"]] },
      ],
    });
    expect(r.table).toBeNull();
    expect(r.rows).toEqual([]);
    const [f] = r.of("header-not-found");
    expect(f.severity).toBe("error");
    expect(f.message).toContain("« Accueil »");
    expect(f.message).toContain("« Données »");
    expect(f.message).toContain("bilan-iae template");
    expect(f.message).toContain("Créer le modèle");
    expect(f.message).toContain("correspondance des colonnes");
  });

  it("an empty workbook gives header-not-found, not a crash", () => {
    const r = read({ sheets: [] });
    expect(r.of("header-not-found")).toHaveLength(1);
    expect(r.of("structure-field-missing")).toHaveLength(6);
  });
});

describe("two-row headers", () => {
  const months = ["Janv", "Févr", "Mars"];
  it("months under a merged « Heures travaillées » title, person columns merged vertically", () => {
    const rows = [
      [
        "Nom",
        "Sexe",
        "Date de naissance",
        "RSA",
        "Date d'embauche",
        "QPV",
        "PASS IAE",
        "Heures travaillées",
        null,
        null,
      ],
      [null, null, null, null, null, null, null, ...months],
      ["Martin", "F", "01/01/1990", "Non", "01/01/2025", "Non", "999990001234", 10, 20, "30,5"],
    ];
    const r = read({ sheets: [STRUCTURE_SHEET, { name: "Salariés", rows }] });
    expect(r.table?.headerRow).toBe(2);
    expect(r.table?.columns.map((c) => [c.field, c.index, c.month])).toEqual([
      ["lastName", 0, undefined],
      ["sex", 1, undefined],
      ["birthDate", 2, undefined],
      ["rsa", 3, undefined],
      ["hireDate", 4, undefined],
      ["qpv", 5, undefined],
      ["passNumber", 6, undefined],
      ["hoursMonth", 7, 1],
      ["hoursMonth", 8, 2],
      ["hoursMonth", 9, 3],
    ]);
    expect(r.rows.map((p) => [p.excelRow, p.sex, p.hoursWorked])).toEqual([[3, "F", 60.5]]);
    // Only the absent exit-date column is reported (§2.4.8).
    expect(r.report.issues.map((f) => [f.code, f.field])).toEqual([["column-missing", "exitDate"]]);
    // The upper header row is not a structure pair ("Nom" | "Sexe" is not a structure name).
    const alone = read({ sheets: [{ name: "Salariés", rows }] });
    expect(alone.structure.name).toBeNull();
  });

  it("the same when the month row has more recognised headers than the row above", () => {
    const all = [
      "Janvier",
      "Février",
      "Mars",
      "Avril",
      "Mai",
      "Juin",
      "Juillet",
      "Août",
      "Septembre",
      "Octobre",
      "Novembre",
      "Décembre",
    ];
    const rows = [
      [
        "Sexe",
        "Date de naissance",
        "RSA",
        "Date d'embauche",
        "Heures travaillées par mois",
        ...new Array(11).fill(null),
      ],
      [null, null, null, null, ...all],
      ["H", "01/01/1980", "Oui", "01/01/2025", ...new Array(12).fill(10)],
    ];
    const r = read({ sheets: [{ name: "Salariés", rows }] });
    expect(r.table?.headerRow).toBe(2);
    expect(r.table?.columns.filter((c) => c.field === "hoursMonth")).toHaveLength(12);
    expect(r.rows[0]).toMatchObject({ excelRow: 3, sex: "H", rsa: "OUI", hoursWorked: 120 });
  });

  it("a data row right under a one-row header is not taken for a header row", () => {
    const r = read({ sheets: [{ name: "Salariés", rows: [CANONICAL_HEADER, person, person] }] });
    expect(r.table?.headerRow).toBe(1);
    expect(r.rows).toHaveLength(2);
  });
});

describe("column findings", () => {
  it("column-missing: errors for required columns, warnings for QPV and PASS", () => {
    const r = read({
      sheets: [{ name: "Salariés", rows: [["Nom", "Prénom", "Sexe", "Date d'embauche", "Commune"]] }],
    });
    const missing = r.of("column-missing").map((f) => [f.field, f.severity]);
    expect(missing).toEqual(
      expect.arrayContaining([
        ["birthDate", "error"],
        ["rsa", "error"],
        ["hoursWorked", "error"],
        ["qpv", "warning"],
        ["passNumber", "warning"],
        ["exitDate", "warning"],
      ]),
    );
    // The exit-date column too (domain §2.4.8): without it the exit indicators cannot be computed.
    expect(missing).toHaveLength(6);
    expect(r.of("column-missing").every((f) => f.cell === null && f.sheet === "Salariés")).toBe(true);
  });

  it("a birth-year column replaces the birth date; monthly columns replace hours worked", () => {
    const header = [
      "Sexe",
      "Année de naissance",
      "RSA",
      "Date d'embauche",
      "Heures janvier",
      "Heures février",
      "QPV",
      "PASS IAE",
    ];
    const r = read({
      sheets: [
        {
          name: "Salariés",
          rows: [header, ["F", 1985, "Non", "01/01/2025", 100, "20,5", "Non", "999990001234"]],
        },
      ],
    });
    expect(r.of("column-missing").map((f) => f.field)).toEqual(["exitDate"]);
    expect(r.table?.fieldsPresent).toEqual(expect.arrayContaining(["birthYear", "hoursWorked"]));
    expect(r.table?.fieldsPresent).not.toContain("birthDate");
    expect(r.rows[0].birthYear).toBe(1985);
    expect(r.rows[0].birthDate).toBeNull();
    expect(r.rows[0].hoursWorked).toBe(120.5);
  });

  it("column-duplicate: the first column is used", () => {
    const header = ["Sexe", "Date de naissance", "RSA", "Date d'embauche", "Heures travaillées", "Civilité"];
    const r = read({
      sheets: [{ name: "Salariés", rows: [header, ["F", "01/01/1990", "Non", "01/01/2025", 10, "M."]] }],
    });
    const [d] = r.of("column-duplicate");
    expect(d).toMatchObject({
      severity: "warning",
      sheet: "Salariés",
      cell: "F1",
      row: 1,
      column: 6,
      field: "sex",
      value: "Civilité",
    });
    expect(r.rows[0].sex).toBe("F");
  });

  it("column-sensitive by header: never read into rows", () => {
    const header = [
      "N° de sécurité sociale",
      "Sexe",
      "Date de naissance",
      "RSA",
      "Date d'embauche",
      "Heures travaillées",
    ];
    const r = read({
      sheets: [
        {
          name: "Salariés",
          rows: [header, ["1 85 07 38 185 123 45", "F", "01/01/1985", "Non", "01/01/2025", 10]],
        },
      ],
    });
    const [s] = r.of("column-sensitive");
    expect(s).toMatchObject({ severity: "warning", cell: "A1", row: 1, column: 1 });
    expect(r.table?.columns.some((c) => c.index === 0)).toBe(false);
    expect(r.table?.unknownHeaders.some((c) => c.index === 0)).toBe(false);
    expect(JSON.stringify(r.rows)).not.toContain("185");
  });

  it("column-sensitive by values: a column of 13/15-digit NIRs under a harmless header", () => {
    const header = [
      "Sexe",
      "Date de naissance",
      "RSA",
      "Date d'embauche",
      "Heures travaillées",
      "Identifiant",
    ];
    const rows = [
      header,
      ["F", "01/01/1985", "Non", "01/01/2025", 10, "2850738185123"],
      ["H", "01/01/1970", "Non", "01/01/2025", 10, "1700138001123 45"],
    ];
    const r = read({ sheets: [{ name: "Salariés", rows }] });
    expect(r.of("column-sensitive")).toHaveLength(1);
    expect(r.of("column-sensitive")[0].cell).toBe("F1");
    expect(r.table?.unknownHeaders).toEqual([]);
  });

  it("a PASS column holding NIRs is dropped from the mapping", () => {
    const header = ["PASS IAE", "Sexe", "Date de naissance", "RSA", "Date d'embauche", "Heures travaillées"];
    const rows = [
      header,
      [285073818512345, "F", "01/01/1985", "Non", "01/01/2025", 10],
      ["1 70 01 2A 001 123", "H", "01/01/1970", "Non", "01/01/2025", 10],
    ];
    const r = read({ sheets: [{ name: "Salariés", rows }] });
    expect(r.of("column-sensitive")).toHaveLength(1);
    expect(r.rows.every((p) => p.passNumber === null)).toBe(true);
  });
});

describe("mapping override", () => {
  const header = ["G", "Naiss.", "Minima", "Entrée le", "Total H", "Heures travaillées"];
  const row = ["F", "01/01/1990", "Oui", "01/03/2025", 400, 999];

  it("maps headers by hand on top of automatic matching; null ignores a column", () => {
    const r = read(
      { sheets: [{ name: "Salariés", rows: [["titre"], header, row] }] },
      {
        sheet: "Salariés",
        headerRow: 2,
        columns: {
          G: "sex",
          "Naiss.": "birthDate",
          Minima: "rsa",
          "Entrée le": "hireDate",
          "Total H": "hoursWorked",
          "Heures travaillées": null,
        },
      },
    );
    expect(r.table?.headerRow).toBe(2);
    expect(r.table?.columns.map((c) => c.field)).toEqual([
      "sex",
      "birthDate",
      "rsa",
      "hireDate",
      "hoursWorked",
    ]);
    expect(r.rows[0]).toMatchObject({
      sex: "F",
      birthDate: day(1990, 1, 1),
      rsa: "OUI",
      hireDate: day(2025, 3, 1),
      hoursWorked: 400,
    });
    expect(r.of("column-duplicate")).toEqual([]);
  });

  it("a header row given by hand is used even with fewer than 4 recognised headers", () => {
    const r = read(
      {
        sheets: [
          {
            name: "Feuil1",
            rows: [
              ["A", "B"],
              ["x", "F"],
            ],
          },
        ],
      },
      { headerRow: 1, columns: { B: "sex" } },
    );
    expect(r.table?.columns).toEqual([{ field: "sex", index: 1, header: "B" }]);
    expect(r.rows[0].sex).toBe("F");
  });

  it("a header row without a sheet applies to the sheet detection finds", () => {
    const r = read(
      {
        sheets: [
          { name: "Notes", rows: [["x"]] },
          { name: "Feuil2", rows: [["titre"], CANONICAL_HEADER, person] },
        ],
      },
      { headerRow: 2 },
    );
    expect(r.table?.sheet).toBe("Feuil2");
    expect(r.rows).toHaveLength(1);
  });

  it("an unknown sheet in the override is reported", () => {
    const r = read({ sheets: [{ name: "Feuil1", rows: [CANONICAL_HEADER] }] }, { sheet: "Salariés 2025" });
    expect(r.table).toBeNull();
    expect(r.of("header-not-found")[0].message).toContain("Salariés 2025");
  });
});

describe("origin offsets", () => {
  it("a used range starting at C5 gives Excel rows/columns and A1 addresses", () => {
    const rows = [
      CANONICAL_HEADER,
      ["999990001234", "Martin", "Alice", "F", "31/02/1990", "Non", "Non", "01/02/2025", 300],
    ];
    const r = read({ sheets: [STRUCTURE_SHEET, { name: "Salariés", rows, origin: { row: 4, col: 2 } }] });
    expect(r.table?.headerRow).toBe(5);
    expect(r.table?.firstColumn).toBe(3);
    expect(r.rows[0].excelRow).toBe(6);
    const [f] = r.of("value-invalid");
    // Birth date is the 5th column of the range: C + 4 = G.
    expect(f).toMatchObject({ cell: "G6", row: 6, column: 7, field: "birthDate", value: "31/02/1990" });
    expect(parseA1(f.cell as string)).toEqual({ row: 6, column: 7 });
  });
});
