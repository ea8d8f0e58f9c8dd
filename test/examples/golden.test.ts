import { analyzeOne } from "../support/analyze-one";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { consolidate, consolidationInputFromAnalysis, INDICATOR_KEYS, type Analysis } from "../../src/core";
import { readXlsxFile } from "../../src/xlsx/read-file";
import type { TruthWorkbook } from "../../scripts/examples/truth";
import { expectedIndicators } from "./expected-indicators";

/**
 * Golden tests on examples/: the expectations come from the generator's ground truth
 * (examples/truth/*.json, what it wrote in each cell) through expected-indicators.ts, never from
 * the engine's output. Regenerate both with `npm run examples`.
 */
const EXAMPLES = join(__dirname, "..", "..", "examples");
const TRUTH = join(EXAMPLES, "truth");

function truthFiles(dir: string): string[] {
  // truth/reels is the corpus of real-shaped workbooks (per-report format), checked by corpus.test.ts.
  return readdirSync(dir).filter((n) => join(dir, n) !== join(TRUTH, "reels")).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? truthFiles(p) : n.endsWith(".json") ? [p] : [];
  });
}

const truths = truthFiles(TRUTH).map((p) => ({ path: p, truth: JSON.parse(readFileSync(p, "utf8")) as TruthWorkbook }));
const workbookOf = (truthPath: string) => join(EXAMPLES, relative(TRUTH, truthPath)).replace(/\.json$/, ".xlsx");
const cache = new Map<string, Analysis>();
async function analysisOf(truthPath: string): Promise<Analysis> {
  let a = cache.get(truthPath);
  if (!a) {
    a = analyzeOne(await readXlsxFile(workbookOf(truthPath)));
    cache.set(truthPath, a);
  }
  return a;
}

const findingKey = (f: { code: string; severity: string; row: number | null }) => `${f.code}/${f.severity}/${f.row ?? "-"}`;

it("has the expected examples", () => {
  expect(truths.length).toBe(15);
});

describe.each(truths.map((t) => [relative(TRUTH, t.path), t] as const))("%s", (_name, { path, truth }) => {
  it("produces exactly the findings the generator put in (code, severity, row)", async () => {
    const a = await analysisOf(path);
    const got = a.report.issues.map(findingKey).sort();
    const want = truth.findings.map(findingKey).sort();
    expect(got).toEqual(want);
    // Counts per severity follow.
    for (const sev of ["error", "warning", "info"] as const) {
      expect(a.report.counts[sev]).toBe(truth.findings.filter((f) => f.severity === sev).length);
    }
    expect(a.rows.length).toBe(truth.persons.length);
    expect(a.structure.siret).toBe(truth.siret);
    expect(a.structure.kind).toBe(truth.kind);
    expect(a.structure.periodStart).toBe(truth.periodStart);
  });

  // The EI example's mistakes make some values unreadable on purpose; its golden test is its findings
  // (no indicator test is generated for it, rather than a skipped one).
  if (truth.file.startsWith("ei-erreurs")) return;
  it("computes the indicators the ground truth gives", async () => {
    const a = await analysisOf(path);
    const want = expectedIndicators(truth);
    for (const k of INDICATOR_KEYS) {
      const w = want[k];
      const g = a.indicators[k];
      if (w === null || w === undefined) expect({ k, g }).toEqual({ k, g: null });
      else expect({ k, g: Math.round((g as number) * 1e9) / 1e9 }).toEqual({ k, g: Math.round(w * 1e9) / 1e9 });
    }
  });
});

describe("departement-38 consolidation", () => {
  it("counts distinct SIRETs, reports and persons as the ground truth says", async () => {
    const dept = truths.filter((t) => t.path.includes("departement-38"));
    expect(dept).toHaveLength(12);
    const inputs = [];
    for (const t of dept) inputs.push(consolidationInputFromAnalysis(await analysisOf(t.path), t.truth.file));
    const c = consolidate(inputs);
    const sirets = new Set(dept.map((t) => t.truth.siret));
    expect(c.total.reports).toBe(12);
    expect(c.total.structures).toBe(sirets.size);
    expect(sirets.size).toBe(11);
    const perFile = dept.map((t) => expectedIndicators(t.truth).employees as number);
    expect(c.total.indicators.employees).toBe(perFile.reduce((s, x) => s + x, 0));
    const passes = new Set(dept.flatMap((t) => t.truth.persons.filter((p) => (p.hours ?? 0) >= 1).map((p) => p.pass)));
    expect(c.total.distinctPersons).toBe(passes.size);
    expect(c.total.distinctPersons).toBe(c.total.indicators.employees! - 3);
    expect(c.reports.filter((r) => !r.valid).map((r) => r.file)).toEqual(["04-aci-ressourcerie-du-trieves.xlsx"]);
    expect(Object.keys(c.byKind).sort()).toEqual(["ACI", "AI", "EI", "EITI", "ETTI"]);
  });
});
