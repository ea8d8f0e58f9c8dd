import { read, day, STRUCTURE_SHEET } from "./helpers";

const HEADER = [
  "PASS IAE",
  "Nom",
  "Prénom",
  "Sexe",
  "Date de naissance",
  "QPV",
  "RSA",
  "Date d'embauche",
  "Heures travaillées",
  "Date de sortie",
  "Motif de sortie",
  "Dérogation",
  "Inscription France Travail",
  "Niveau de formation",
  "Prescripteur",
  "Code postal",
];
const ok = (over: Record<number, unknown> = {}) => {
  const r: unknown[] = [
    "",
    "Martin",
    "Alice",
    "F",
    "15/03/1990",
    "Non",
    "Non",
    "01/02/2025",
    300,
    null,
    null,
    null,
    "01",
    "50",
    "Mission locale",
    38000,
  ];
  for (const [k, v] of Object.entries(over)) r[Number(k)] = v;
  return r;
};
const wb = (rows: unknown[][]) => ({
  sheets: [STRUCTURE_SHEET, { name: "Salariés", rows: [HEADER, ...rows] }],
});

describe("typed rows", () => {
  it("fills every field", () => {
    const r = read(
      wb([ok({ 0: "99999-0001-234", 9: "30/06/2025", 10: "3", 11: "Accordée par la DDETS", 5: "X" })]),
    );
    expect(r.rows[0]).toEqual({
      sheet: "Salariés",
      excelRow: 2,
      kind: null,
      passNumber: "999990001234",
      lastName: "Martin",
      firstName: "Alice",
      sex: "F",
      birthDate: day(1990, 3, 15),
      birthYear: 1990,
      postalCode: "38000",
      commune: null,
      qpv: true,
      qpvCode: null,
      zrr: null,
      rsa: "NON",
      ass: null,
      aah: null,
      rqth: null,
      ftDuration: "01",
      educationLevel: "50",
      prescriber: "01",
      hireDate: day(2025, 2, 1),
      contractEndDate: null,
      weeklyHours: null,
      hoursWorked: 300,
      hoursSinceHire: null,
      exitDate: day(2025, 6, 30),
      exitMotif: "3",
      exitReasonRaw: "3",
      derogation: true,
      identity: "999990001234",
    });
    expect(r.report.issues.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("exit motif by label; unknown motif keeps the raw text and a null key (rules report it)", () => {
    const r = read(
      wb([
        ok({ 9: "30/06/2025", 10: "Embauche en CDI non aidé" }),
        ok({ 9: "30/06/2025", 10: "Parti sans laisser d'adresse ???" }),
      ]),
    );
    expect(r.rows[0].exitMotif).toBe("3");
    expect(r.rows[1].exitMotif).toBeNull();
    expect(r.rows[1].exitReasonRaw).toBe("Parti sans laisser d'adresse ???");
    expect(r.of("value-invalid")).toEqual([]);
  });

  it("derogation: a 'no' word is false, free text and yes are true, empty is false", () => {
    const r = read(
      wb([
        ok({ 11: "Non" }),
        ok({ 11: "-" }),
        ok({ 11: "Oui" }),
        ok({ 11: "jusqu'au 31/12" }),
        ok({ 11: null }),
      ]),
    );
    expect(r.rows.map((p) => p.derogation)).toEqual([false, false, true, true, false]);
  });

  it("a PASS that is not 12 letters/digits does not identify the person", () => {
    const r = read(wb([ok({ 0: "en cours" }), ok({ 0: "en cours", 1: "Durand" })]));
    expect(r.rows.map((p) => p.passNumber)).toEqual(["ENCOURS", "ENCOURS"]);
    expect(r.rows.map((p) => p.identity)).toEqual([
      `MARTIN|ALICE|${day(1990, 3, 15)}`,
      `DURAND|ALICE|${day(1990, 3, 15)}`,
    ]);
  });

  it("identity falls back to NOM|PRENOM|birthDay, normalised", () => {
    const r = read(wb([ok({ 1: " Lefèvre ", 2: "Élodie-Anne" }), ok({ 4: null })]));
    expect(r.rows[0].identity).toBe(`LEFEVRE|ELODIE ANNE|${day(1990, 3, 15)}`);
    expect(r.rows[1].identity).toBeNull();
  });

  it("monthly columns are summed when there is no hours column", () => {
    const header = [
      "Sexe",
      "Date de naissance",
      "RSA",
      "Date d'embauche",
      "Heures janvier",
      "Heures février",
      "Heures mars",
    ];
    const r = read({
      sheets: [
        {
          name: "Salariés",
          rows: [
            header,
            ["F", "01/01/1990", "Non", "01/01/2025", 151.67, "140,5", null],
            ["H", "01/01/1990", "Non", "01/01/2025", null, "", null],
          ],
        },
      ],
    });
    expect(r.rows[0].hoursWorked).toBeCloseTo(292.17, 10);
    expect(r.rows[1].hoursWorked).toBeNull();
    expect(r.of("value-required")).toEqual([
      expect.objectContaining({ row: 3, cell: "E3", field: "hoursWorked" }),
    ]);
  });

  it("monthly columns headed by dates (serials or Date objects, shown as « janv.-25 ») are summed", () => {
    // 45658 = 01/01/2025 and 45689 = 01/02/2025 in the 1900 system; 44227 = 01/02/2025 in the 1904 system.
    const header = [
      "Sexe",
      "Date de naissance",
      "RSA",
      "Date d'embauche",
      45658,
      new Date(Date.UTC(2025, 1, 1)),
      45717,
    ];
    const r = read({
      sheets: [{ name: "Salariés", rows: [header, ["F", "01/01/1990", "Non", "01/01/2025", 10, 20, 30]] }],
    });
    expect(r.table?.columns.filter((c) => c.field === "hoursMonth").map((c) => [c.month, c.header])).toEqual([
      [1, "janvier 2025"],
      [2, "février 2025"],
      [3, "mars 2025"],
    ]);
    expect(r.rows[0].hoursWorked).toBe(60);
    const r1904 = read({
      date1904: true,
      sheets: [
        {
          name: "Salariés",
          rows: [
            ["Sexe", "Date de naissance", "RSA", "Date d'embauche", 44227],
            ["F", 31776, "Non", 44196, 10],
          ],
        },
      ],
    });
    expect(r1904.table?.columns.find((c) => c.field === "hoursMonth")?.month).toBe(2);
    // 31776 in the 1904 system is 31/12/1990 (1900 serial 33238).
    expect(r1904.rows[0].birthDate).toBe(day(1990, 12, 31));
    expect(r1904.rows[0].hireDate).toBe(day(2025, 1, 1));
  });

  it("monthly columns are ignored when an hours column exists", () => {
    const header = [
      "Sexe",
      "Date de naissance",
      "RSA",
      "Date d'embauche",
      "Heures travaillées",
      "Heures janvier",
    ];
    const r = read({
      sheets: [{ name: "Salariés", rows: [header, ["F", "01/01/1990", "Non", "01/01/2025", 10, "abc"]] }],
    });
    expect(r.rows[0].hoursWorked).toBe(10);
    expect(r.of("value-invalid")).toEqual([]);
  });
});

describe("blank rows and the end of the table", () => {
  it("skips blank rows (empty or whitespace in every mapped cell) and stops after 20 consecutive ones", () => {
    const blank = () => [
      null,
      "",
      " ",
      "\u00a0",
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      "note hors tableau",
    ];
    const rows: unknown[][] = [ok(), blank(), ok()];
    for (let i = 0; i < 19; i++) rows.push(blank());
    rows.push(ok()); // after 19 blanks: still in the table (Excel row 24)
    for (let i = 0; i < 20; i++) rows.push(blank());
    rows.push(ok()); // after 20 blanks: outside
    const r = read(wb(rows));
    expect(r.rows.map((p) => p.excelRow)).toEqual([2, 4, 24]);
    expect(r.of("value-required")).toEqual([]);
  });
});

describe("rows of a template filled down with formulas", () => {
  it("a row holding only 0 hours and Excel errors is blank: no person, no finding", () => {
    const formulaRow = () => [
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      0,
      null,
      null,
      null,
      "#N/A",
      null,
      null,
      null,
    ];
    const r = read(wb([ok(), formulaRow(), formulaRow(), ok({ 8: 0, 12: "#N/A" })]));
    expect(r.rows.map((p) => p.excelRow)).toEqual([2, 5]);
    expect(r.rows[1].hoursWorked).toBe(0);
    expect(r.of("cell-error").map((f) => f.cell)).toEqual(["M5"]);
    expect(r.of("value-required")).toEqual([]);
  });
});

describe("read findings", () => {
  it("value-required for each empty required cell when its column exists", () => {
    const r = read(wb([ok({ 3: null, 4: " ", 6: "", 7: null, 8: null })]));
    const req = r.of("value-required");
    expect(req.map((f) => [f.field, f.cell])).toEqual([
      ["sex", "D2"],
      ["birthDate", "E2"],
      ["rsa", "G2"],
      ["hireDate", "H2"],
      ["hoursWorked", "I2"],
    ]);
    expect(req.every((f) => f.severity === "error" && f.sheet === "Salariés" && f.row === 2)).toBe(true);
    expect(req[0].message).toContain("Sexe");
  });

  it("value-invalid names the field, the value and the expected format", () => {
    const r = read(
      wb([ok({ 7: "31/02/2025", 3: "Autre", 8: "1,234,5", 5: "Peut-être", 12: "07", 13: "Bac+12", 15: 12 })]),
    );
    const inv = r.of("value-invalid");
    expect(inv.find((f) => f.field === "hireDate")).toMatchObject({
      cell: "H2",
      row: 2,
      column: 8,
      value: "31/02/2025",
      message: 'Date d\'embauche illisible : "31/02/2025". Saisissez une date au format jj/mm/aaaa.',
    });
    expect(inv.map((f) => f.field).sort()).toEqual([
      "educationLevel",
      "ftDuration",
      "hireDate",
      "hoursWorked",
      "postalCode",
      "qpv",
      "sex",
    ]);
    expect(inv.find((f) => f.field === "hoursWorked")?.value).toBe("1,234,5");
    // Unreadable is not also "required".
    expect(r.of("value-required")).toEqual([]);
    expect(r.rows[0]).toMatchObject({ hireDate: null, sex: null, hoursWorked: null, qpv: null });
  });

  it.each([
    "#N/A",
    "#REF!",
    "#VALUE!",
    "#DIV/0!",
    "#NAME?",
    "#NUM!",
    "#NULL!",
    "#SPILL!",
    "#CALC!",
    "#GETTING_DATA",
  ])("cell-error %p, never read as text", (e) => {
    const r = read(wb([ok({ 1: e, 8: e })]));
    const errs = r.of("cell-error");
    expect(errs.map((f) => [f.field, f.cell, f.value])).toEqual([
      ["lastName", "B2", e],
      ["hoursWorked", "I2", e],
    ]);
    expect(errs[1].message).toContain(e);
    expect(r.rows[0].lastName).toBeNull();
    expect(r.of("value-required")).toEqual([]);
  });

  it("hostile cells become value-invalid, never a crash", () => {
    const hostile: unknown[] = [
      {},
      [1, 2],
      NaN,
      Infinity,
      -0,
      new Date(NaN),
      "x".repeat(1_000_000),
      Symbol.for("s"),
      () => 1,
      BigInt(5),
    ];
    const rows = hostile.map((h) => ok({ 4: h, 8: h, 10: h, 3: h }));
    const r = read(wb(rows));
    expect(r.rows).toHaveLength(hostile.length);
    // -0 is a fine number of hours (0) and an invalid date serial; the rest is unreadable everywhere.
    const minusZero = r.rows[4];
    expect(Object.is(minusZero.hoursWorked, 0)).toBe(true);
    for (const f of r.of("value-invalid")) {
      expect(f.value?.length).toBeLessThanOrEqual(201);
      expect(f.message).toMatch(/illisible/);
    }
    expect(r.of("value-invalid").filter((f) => f.field === "birthDate")).toHaveLength(hostile.length);
  });
});
