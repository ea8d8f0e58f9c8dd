import {
  buildConsolidationSheets,
  consolidate,
  INDICATOR_KEYS,
  INDICATOR_LABELS,
  type ConsolidationInput,
  type Indicators,
  type StructuresStatus,
} from "../../src/core";
import { CONSOLIDATION_CHART } from "../../src/excel/write-consolidation";
import { FakeExcel } from "./fake-excel";
import { workbookOn } from "./helpers";

function indicators(values: Partial<Indicators>): Indicators {
  const out = {} as Indicators;
  for (const k of INDICATOR_KEYS) out[k] = values[k] ?? null;
  return out;
}
const input = (
  file: string,
  siret: string,
  kind: ConsolidationInput["kind"],
  values: Partial<Indicators>,
): ConsolidationInput => ({
  file,
  siret,
  name: `Structure ${file}`,
  kind,
  valid: true,
  counts: { error: 0, warning: 0, info: 0 },
  indicators: indicators(values),
  personKeys: [],
});

const c = consolidate([
  input("a", "11111111111111", "ACI", {
    employees: 4,
    women: 1,
    shareWomen: 0.25,
    exitsExamined: 4,
    exitsDurable: 1,
    rateDurable: 0.25,
  }),
  input("b", "22222222222222", "EI", {
    employees: 1,
    women: 1,
    shareWomen: 1,
    exitsExamined: 1,
    exitsDurable: 1,
    rateDurable: 1,
  }),
]);
const status: StructuresStatus = {
  period: "2025",
  summary: { expected: 3, submitted: 2, missing: 1 },
  structures: [
    {
      siret: "11111111111111",
      name: "Structure a",
      kind: "ACI",
      status: "submitted",
      submission: {
        id: "s1",
        version: 1,
        receivedAt: "2026-03-01T08:00:00Z",
        valid: true,
        counts: { error: 0, warning: 0, info: 0 },
      },
    },
    {
      siret: "22222222222222",
      name: "Structure b",
      kind: "EI",
      status: "submitted",
      submission: {
        id: "s2",
        version: 3,
        receivedAt: "2026-03-02T08:00:00Z",
        valid: true,
        counts: { error: 0, warning: 0, info: 0 },
      },
    },
    { siret: "33333333333333", name: "Absente", kind: "AI", status: "missing", submission: null },
  ],
};
const sheets = buildConsolidationSheets(c, { source: "hub", status });

test("writes the three sheets, formats, frozen header and a clustered column chart in at most 3 syncs", async () => {
  const fake = new FakeExcel();
  fake.model.addSheet("Feuil1");
  await workbookOn(fake).writeConsolidation(sheets);
  expect(fake.syncCount).toBeLessThanOrEqual(3);
  expect(fake.model.sheets.map((s) => s.name)).toEqual([
    "Feuil1",
    "Consolidation",
    "Par type",
    "Suivi des envois",
  ]);
  // Written with events off (the pane's own handlers must not react to its writes).
  expect(fake.executed.filter((e) => e.label === "range.values=").every((e) => !e.eventsEnabled)).toBe(true);

  const rep = fake.model.sheet("Consolidation");
  expect(rep.values[0].slice(0, 3)).toEqual(["Structure", "SIRET", "Type"]);
  expect(rep.values[1].slice(0, 3)).toEqual(["Structure a", "11111111111111", "ACI"]);
  const share = rep.values[0].indexOf(INDICATOR_LABELS.shareWomen.fr);
  expect(rep.values[2][share]).toBe(1);
  expect(rep.numberFormats.get(`1,${share}`)).toBe("0.0%");
  expect(rep.numberFormats.get("1,1")).toBe("@");
  expect([rep.frozenRows, rep.frozenColumns]).toEqual([1, 1]);
  // The header row is bold; a not computable indicator is an empty cell.
  expect(rep.bold.has("0,0")).toBe(true);
  expect(rep.values[1][rep.values[0].indexOf(INDICATOR_LABELS.rateDynamic.fr)]).toBe("");

  const byKind = fake.model.sheet("Par type");
  const total = byKind.values.find((r) => r[0] === "Total département")!;
  const durable = byKind.values[0].indexOf(INDICATOR_LABELS.rateDurable.fr);
  // 2 durable exits out of 5 examined, recomputed, not the mean of 25 % and 100 %.
  expect(total[durable]).toBeCloseTo(2 / 5, 12);
  expect(byKind.charts).toHaveLength(1);
  const chart = byKind.charts[0];
  expect(chart).toMatchObject({
    name: CONSOLIDATION_CHART,
    type: "ColumnClustered",
    seriesBy: "Columns",
    valueAxisFormat: "0%",
    legend: "Bottom",
  });
  const [start, end] = chart.source.split("!")[1].split(":");
  const first = Number(start.replace(/[A-Z]+/, "")) - 1;
  const last = Number(end.replace(/[A-Z]+/, "")) - 1;
  expect(byKind.values.slice(first + 1, last + 1).map((r) => r[0])).toEqual([
    "ACI",
    "EI",
    "Total département",
  ]);
  expect(chart.position).not.toBeNull();

  const follow = fake.model.sheet("Suivi des envois");
  const statusCol = follow.values[0].indexOf("Statut");
  expect(follow.values.slice(1, 4).map((r) => r[statusCol])).toEqual(["Reçu", "Reçu", "Manquant"]);
  expect(fake.model.activeSheet).toBe("Consolidation");
});

test("refreshes in place: same sheets, our chart replaced, the user's chart and other sheets kept", async () => {
  const fake = new FakeExcel();
  const wb = workbookOn(fake);
  await wb.writeConsolidation(sheets);
  const byKind = fake.model.sheet("Par type");
  byKind.charts.push({
    name: "Mon graphique",
    type: "Pie",
    source: "'Par type'!A1:B2",
    seriesBy: "Columns",
    title: "",
    legend: null,
    valueAxisFormat: null,
    position: null,
  });
  byKind.setValue(300, 0, "ancienne ligne");
  fake.resetCounters();
  await wb.writeConsolidation(sheets);
  expect(fake.syncCount).toBeLessThanOrEqual(3);
  expect(fake.model.sheets.map((s) => s.name)).toEqual(["Consolidation", "Par type", "Suivi des envois"]);
  expect(fake.model.sheet("Par type")).toBe(byKind);
  expect(byKind.charts.map((ch) => ch.name).sort()).toEqual([CONSOLIDATION_CHART, "Mon graphique"]);
  expect(byKind.value(300, 0)).toBe("");
});

test("an Office failure becomes a French message naming the action", async () => {
  const fake = new FakeExcel();
  fake.failOn = (label) => (label === "charts.add" ? "GeneralException" : null);
  await expect(workbookOn(fake).writeConsolidation(sheets)).rejects.toThrow(/consolidation/i);
});
