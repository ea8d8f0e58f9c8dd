import { analyzeWorkbook, type Analysis } from "../../src/core";
import { readXlsxFile } from "../../src/xlsx/read-file";
import { loadCorpus, matchesFinding, type CorpusFileCase } from "./corpus";

/**
 * The engine on the corpus of real-shaped workbooks (examples/reels), every writer's file: the figures
 * the independent oracle computes from the generator's truth, key by key and report by report; every
 * finding the truth names; none of the codes it rules out.
 */
const CASES = loadCorpus();

async function analyse(f: CorpusFileCase): Promise<Analysis[]> {
  const data = await readXlsxFile(f.path, { name: f.path });
  return analyzeWorkbook(data).reports;
}

const round = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 1e9) / 1e9);

describe.each(CASES.flatMap((c) => c.files.map((f) => [`${c.case} (${f.writer})`, c.point, f] as const)))("%s — §%s", (_name, _point, f) => {
  let reports: Analysis[];
  beforeAll(async () => {
    reports = await analyse(f);
  });

  it("gives one report per convention of the truth, with its figures key by key", () => {
    const expected = f.reports.map((r) => `${r.siret}/${r.kind}`).sort();
    if (expected.length > 0) expect(reports.map((a) => `${a.structure.siret}/${a.structure.kind}`).sort()).toEqual(expected);
    for (const want of f.reports) {
      const a = reports.find((x) => x.structure.siret === want.siret && x.structure.kind === want.kind) as Analysis;
      const got = Object.fromEntries(Object.keys(want.expected).map((k) => [k, round(a.indicators[k as keyof typeof a.indicators] as number | null)]));
      const exp = Object.fromEntries(Object.entries(want.expected).map(([k, v]) => [k, round(v)]));
      expect({ kind: want.kind, ...got }).toEqual({ kind: want.kind, ...exp });
      expect(a.structure.fteConventioned).toBe(want.fteConventioned);
    }
  });

  it("names every finding of the truth, and none of the codes it rules out", () => {
    const all = reports.flatMap((a) => a.report.issues);
    const missing = f.findings.filter((want) => !all.some((got) => matchesFinding(want, got)));
    expect(missing).toEqual([]);
    const forbidden = all.filter((got) => f.absentCodes.includes(got.code)).map((x) => `${x.code} ${x.sheet}!${x.cell}: ${x.message}`);
    expect(forbidden).toEqual([]);
  });
});
