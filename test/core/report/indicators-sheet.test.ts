import { buildIndicatorsSheet } from "../../../src/core/report/indicators-sheet";
import { INDICATOR_KEYS, type Indicators } from "../../../src/core/model/indicators";
import type { Analysis } from "../../../src/core/model/analysis";

function analysis(): Analysis {
  const indicators = Object.fromEntries(INDICATOR_KEYS.map((k) => [k, null])) as Indicators;
  indicators.employees = 40;
  indicators.rateDynamic = 0.5;
  indicators.rateDurable = 0.3;
  return {
    workbook: "bilan.xlsx",
    structure: {
      siret: "12345678900012",
      name: "Atelier des Coteaux",
      kind: "ACI",
      afNumber: null,
      department: "38",
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
      fteConventioned: 12,
      annualHoursPerFte: null,
      cdCofinancedAmount: null,
    },
    structureLocations: {},
    table: null,
    tables: [],
    rowCount: 0,
    rows: [],
    report: { valid: false, counts: { error: 2, warning: 1, info: 0 }, rules: [], issues: [] },
    indicators,
    records: [],
    rulesVersion: "2026.1",
    targets: { rateDynamic: 0.6, rateDurable: 0.25 },
  };
}

describe("buildIndicatorsSheet", () => {
  const at = new Date(2026, 0, 15, 9, 5);

  it("lists every indicator key exactly once, with its value and Excel format", () => {
    const model = buildIndicatorsSheet(analysis(), { generatedAt: at, language: "fr" });
    const keys = model.sections.flatMap((s) => s.rows.map((r) => r.key));
    expect([...keys].sort()).toEqual([...INDICATOR_KEYS].sort());
    const employees = model.sections.flatMap((s) => s.rows).find((r) => r.key === "employees");
    expect(employees).toMatchObject({ value: 40, numberFormat: "0", target: null });
    const dyn = model.sections.flatMap((s) => s.rows).find((r) => r.key === "rateDynamic");
    expect(dyn).toMatchObject({ value: 0.5, numberFormat: "0.0%", target: 0.6 });
  });

  it("puts the structure, period in French dates, computation time, rules version and check counts in the header", () => {
    const model = buildIndicatorsSheet(analysis(), { generatedAt: at, language: "fr" });
    const h = Object.fromEntries(model.header.map((l) => [l.label, l.value]));
    expect(h).toMatchObject({
      Structure: "Atelier des Coteaux",
      SIRET: "12345678900012",
      Période: "01/01/2025 – 31/12/2025",
      "Calculé le": "15/01/2026 09:05",
      "Version des règles": "2026.1",
      Vérification: "2 erreurs, 1 avertissement",
    });
    expect(h.Type).toMatch(/^ACI — /);
  });

  it("charts the shares and rates with the targets as a second series, in English when asked", () => {
    const model = buildIndicatorsSheet(analysis(), { generatedAt: at, language: "en" });
    expect(model.title).toBe("Bilan IAE — Indicators");
    expect(model.chart.seriesNames).toEqual(["Actual", "Target"]);
    expect(model.chart.categories.length).toBe(model.chart.values.length);
    const i = model.chart.values.indexOf(0.5);
    expect(model.chart.targets[i]).toBe(0.6);
  });
});
