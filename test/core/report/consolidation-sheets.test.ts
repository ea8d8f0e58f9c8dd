import {
  buildConsolidationSheets,
  consolidate,
  INDICATOR_KEYS,
  INDICATOR_LABELS,
  type Consolidation,
  type ConsolidationInput,
  type IndicatorKey,
  type Indicators,
  type ReportSheet,
  type StructuresStatus,
} from "../../../src/core";

function indicators(values: Partial<Indicators>): Indicators {
  const out = {} as Indicators;
  for (const k of INDICATOR_KEYS) out[k] = values[k] ?? null;
  return out;
}

function input(
  file: string,
  siret: string,
  kind: ConsolidationInput["kind"],
  values: Partial<Indicators>,
  keys: string[],
  valid = true,
): ConsolidationInput {
  return {
    file,
    siret,
    name: `Structure ${siret.slice(-2)}`,
    kind,
    valid,
    counts: { error: valid ? 0 : 2, warning: 1, info: 0 },
    indicators: indicators(values),
    personKeys: keys,
  };
}

// Two ACI reports of one SIRET (two conventions), one AI; one person (k2) works in two structures.
const inputs = [
  input(
    "a.xlsx",
    "11111111111111",
    "ACI",
    { employees: 2, women: 1, shareWomen: 0.5, exitsExamined: 2, exitsDurable: 1, rateDurable: 0.5 },
    ["k1", "k2"],
  ),
  input(
    "b.xlsx",
    "11111111111111",
    "ACI",
    { employees: 4, women: 3, shareWomen: 0.75, exitsExamined: 2, exitsDurable: 2, rateDurable: 1 },
    ["k3", "k4", "k5", "k6"],
  ),
  input(
    "c.xlsx",
    "22222222222222",
    "AI",
    { employees: 3, women: 0, shareWomen: 0, exitsExamined: 0 },
    ["k2", "k7", "k8"],
    false,
  ),
];

const col = (sheet: ReportSheet, header: string) => {
  const i = sheet.values[0].indexOf(header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i;
};
const ind = (sheet: ReportSheet, key: IndicatorKey) => col(sheet, INDICATOR_LABELS[key].fr);
const rowOf = (sheet: ReportSheet, first: string) => {
  const r = sheet.values.findIndex((row) => row[0] === first);
  if (r < 0) throw new Error(`no row ${first}`);
  return r;
};

function expectRectangular(sheet: ReportSheet) {
  const width = sheet.values[0].length;
  expect(sheet.values.every((r) => r.length === width)).toBe(true);
  expect(sheet.numberFormats.length).toBe(sheet.values.length);
  expect(sheet.numberFormats.every((r) => r.length === width)).toBe(true);
  expect(sheet.columnWidths.length).toBe(width);
}

describe("consolidation sheets", () => {
  const c = consolidate(inputs);
  const [reports, byKind] = buildConsolidationSheets(c, null);

  test("only two sheets without a follow-up source, every grid rectangular", () => {
    expect(buildConsolidationSheets(c, null).map((s) => s.name)).toEqual(["Consolidation", "Par type"]);
    expectRectangular(reports);
    expectRectangular(byKind);
  });

  test("Consolidation: one row per report, French headers, validity and counts, percentages formatted", () => {
    expect(reports.values[0].slice(0, 7)).toEqual([
      "Structure",
      "SIRET",
      "Type",
      "Valide",
      "Erreurs",
      "Avertissements",
      "Fichier ou envoi",
    ]);
    expect(reports.values.length).toBe(4);
    const c3 = reports.values[3];
    expect(c3.slice(0, 7)).toEqual(["Structure 22", "22222222222222", "AI", "Non", 2, 1, "c.xlsx"]);
    expect(reports.values[2][ind(reports, "shareWomen")]).toBe(0.75);
    expect(reports.numberFormats[2][ind(reports, "shareWomen")]).toBe("0.0%");
    expect(reports.numberFormats[2][ind(reports, "employees")]).toBe("0");
    // SIRET kept as text: Excel would otherwise show 1.11111E+13.
    expect(reports.numberFormats[1][1]).toBe("@");
    // Not computable → empty cell, not zero.
    expect(c3[ind(reports, "rateDurable")]).toBeNull();
    expect(reports.freeze).toEqual({ rows: 1, columns: 1 });
  });

  test("Par type: the five kinds and the total, structures and reports counted apart, rates recomputed", () => {
    expect(byKind.values.slice(1, 7).map((r) => r[0])).toEqual([
      "ACI",
      "AI",
      "EI",
      "ETTI",
      "EITI",
      "Total département",
    ]);
    const aci = byKind.values[rowOf(byKind, "ACI")];
    const [s, r, p] = [
      col(byKind, "Structures"),
      col(byKind, "Rapports"),
      col(byKind, "Personnes distinctes"),
    ];
    expect([aci[s], aci[r], aci[p]]).toEqual([1, 2, null]);
    // 1/2 and 3/4 women give 4/6, not the mean 0.625.
    expect(aci[ind(byKind, "shareWomen")]).toBeCloseTo(4 / 6, 12);
    expect(aci[ind(byKind, "rateDurable")]).toBeCloseTo(3 / 4, 12);
    const ei = byKind.values[rowOf(byKind, "EI")];
    expect([ei[s], ei[r], ei[ind(byKind, "employees")]]).toEqual([0, 0, null]);
    const total = byKind.values[rowOf(byKind, "Total département")];
    // k2 works in both structures: 9 employees, 8 people.
    expect([total[s], total[r], total[p], total[ind(byKind, "employees")]]).toEqual([2, 3, 8, 9]);
    expect(total[ind(byKind, "shareWomen")]).toBeCloseTo(4 / 9, 12);
  });

  test("Par type: a chart block of the exit rates for the kinds present and the total", () => {
    const chart = byKind.chart;
    expect(chart).not.toBeNull();
    if (!chart) return;
    const block = byKind.values
      .slice(chart.firstRow, chart.firstRow + chart.rows)
      .map((r) => r.slice(chart.firstColumn, chart.firstColumn + chart.columns));
    expect(block[0].slice(1)).toEqual(
      ["rateDurable", "rateTransition", "ratePositive", "rateDynamic"].map(
        (k) => INDICATOR_LABELS[k as IndicatorKey].fr,
      ),
    );
    expect(block.slice(1).map((r) => r[0])).toEqual(["ACI", "AI", "Total département"]);
    expect(block[1][1]).toBeCloseTo(0.75, 12);
    // AI has no examined exit: no rate, an empty cell (a chart would plot a text as zero).
    expect(block[2][1]).toBeNull();
    expect(block[3][1]).toBeCloseTo(3 / 4, 12);
    expect(byKind.numberFormats[chart.firstRow + 1][1]).toBe("0.0%");
    expect(byKind.headerRows).toContain(chart.firstRow);
  });

  test("Suivi des envois from the hub: sent (version, local time, validity) and missing", () => {
    // Built from local time so the expected text holds in any time zone (the sheet shows the reader's clock).
    const receivedAt = new Date(2026, 0, 15, 10, 30).toISOString();
    const status: StructuresStatus = {
      period: "2025",
      summary: { expected: 2, submitted: 1, missing: 1 },
      structures: [
        {
          siret: "11111111111111",
          name: "Chantier",
          kind: "ACI",
          status: "submitted",
          submission: {
            id: "sub_1",
            version: 2,
            receivedAt,
            valid: true,
            counts: { error: 0, warning: 3, info: 0 },
          },
        },
        { siret: "22222222222222", name: "Services", kind: "AI", status: "missing", submission: null },
      ],
    };
    const sheet = buildConsolidationSheets(c, { source: "hub", status })[2];
    expectRectangular(sheet);
    expect(sheet.name).toBe("Suivi des envois");
    const sent = sheet.values[rowOf(sheet, "Chantier")];
    expect([
      sent[col(sheet, "Statut")],
      sent[col(sheet, "Version")],
      sent[col(sheet, "Reçu le")],
      sent[col(sheet, "Valide")],
      sent[col(sheet, "Période")],
    ]).toEqual(["Reçu", 2, "15/01/2026 10:30", "Oui", "2025"]);
    const missing = sheet.values[rowOf(sheet, "Services")];
    expect([
      missing[col(sheet, "Statut")],
      missing[col(sheet, "Version")],
      missing[col(sheet, "Reçu le")],
    ]).toEqual(["Manquant", null, null]);
    expect(sheet.values[rowOf(sheet, "Manquants")][3]).toBe(1);
    expect(sheet.values[rowOf(sheet, "Attendus")][3]).toBe(2);
  });

  test("Suivi des envois in file mode: each file with its structure, period and validity; an unreadable one with its error", () => {
    const sheet = buildConsolidationSheets(c, {
      source: "files",
      files: [
        {
          file: "a.xlsx",
          siret: "11111111111111",
          name: "Chantier",
          kind: "ACI",
          periodStart: "2025-01-01",
          periodEnd: "2025-12-31",
          valid: false,
          errors: 4,
          error: null,
        },
        {
          file: "casse.xlsx",
          siret: null,
          name: null,
          kind: null,
          periodStart: null,
          periodEnd: null,
          valid: null,
          errors: 0,
          error: "« casse.xlsx » est abîmé.",
        },
      ],
    })[2];
    expectRectangular(sheet);
    const a = sheet.values[1];
    expect([
      a[col(sheet, "Statut")],
      a[col(sheet, "Période")],
      a[col(sheet, "Valide")],
      a[col(sheet, "Erreurs")],
    ]).toEqual(["Reçu", "01/01/2025 – 31/12/2025", "Non", 4]);
    const bad = sheet.values[2];
    expect([
      bad[col(sheet, "Statut")],
      bad[col(sheet, "Fichier ou envoi")],
      bad[col(sheet, "Remarque")],
    ]).toEqual(["Illisible", "casse.xlsx", "« casse.xlsx » est abîmé."]);
    expect(sheet.values[rowOf(sheet, "Illisibles")][3]).toBe(1);
    expect(sheet.values[rowOf(sheet, "Lus")][3]).toBe(1);
  });

  test("a hand-made consolidation is shown as given (no recomputation in the sheet model)", () => {
    const hand: Consolidation = {
      reports: [],
      byKind: { EITI: { structures: 3, reports: 4, indicators: indicators({ employees: 12 }) } },
      total: { structures: 3, reports: 4, distinctPersons: 11, indicators: indicators({ employees: 12 }) },
    };
    const sheet = buildConsolidationSheets(hand, null)[1];
    const eiti = sheet.values[rowOf(sheet, "EITI")];
    expect([
      eiti[col(sheet, "Structures")],
      eiti[col(sheet, "Rapports")],
      eiti[ind(sheet, "employees")],
    ]).toEqual([3, 4, 12]);
    expect(sheet.values[rowOf(sheet, "Total département")][col(sheet, "Personnes distinctes")]).toBe(11);
  });
});
