import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CorpusFinding, CorpusTruth, Writer } from "../../scripts/corpus/corpus-truth";
import type { TruthKind, TruthPerson, TruthWorkbook } from "../../scripts/examples/truth";
import { expectedIndicators } from "./expected-indicators";

/**
 * Loads the corpus of real-shaped workbooks (examples/reels) with what each file must give, from
 * the generator's truth (examples/truth/reels) through the independent oracle — never from the engine.
 * Regenerate with `npm run corpus`.
 */
export const EXAMPLES = join(__dirname, "..", "..", "examples");
export const CORPUS_TRUTH = join(EXAMPLES, "truth", "reels");

export interface ExpectedReport {
  kind: TruthKind;
  siret: string;
  fteConventioned: number | null;
  /** The report's truth as this writer's file holds it (its persons only). */
  truth: TruthWorkbook;
  /** Indicator key → expected value (null: not computable). */
  expected: Record<string, number | null>;
}

export interface CorpusFileCase {
  /** Absolute path of the workbook. */
  path: string;
  writer: Writer;
  reports: ExpectedReport[];
  /** Findings that must appear in this file (code, severity, sheet — null: any —, row — null: none or any). */
  findings: CorpusFinding[];
  /** Codes that must not appear in this file: the case's, and those of findings only other writers give. */
  absentCodes: string[];
}

export interface CorpusCase {
  case: string;
  point: string;
  truth: CorpusTruth;
  files: CorpusFileCase[];
}

export function readCorpusTruths(): CorpusTruth[] {
  return readdirSync(CORPUS_TRUTH)
    .filter((n) => n.endsWith(".json"))
    .sort()
    .map((n) => JSON.parse(readFileSync(join(CORPUS_TRUTH, n), "utf8")) as CorpusTruth);
}

/** The report as one writer's file holds it: a cell that writer cannot give (a formula without value) reads as the difference says. */
export function reportForWriter(t: CorpusTruth, report: TruthWorkbook, writer: Writer): TruthWorkbook {
  const diffs = t.writerDifferences.filter((d) => d.writers.includes(writer));
  const persons = report.persons.map((p): TruthPerson => {
    const d = diffs.filter((x) => x.sheet === p.sheet && x.row === p.row);
    return d.reduce((q, x) => ({ ...q, [x.field]: x.value }), p);
  });
  return { ...report, persons };
}

export function loadCorpus(): CorpusCase[] {
  return readCorpusTruths().map((t) => ({
    case: t.case,
    point: t.point,
    truth: t,
    files: t.files.map((f) => {
      const forWriter = (x: CorpusFinding) => !x.writers || x.writers.includes(f.writer);
      const otherWritersOnly = t.findings.filter((x) => !forWriter(x)).map((x) => x.code);
      const own = new Set(t.findings.filter(forWriter).map((x) => x.code));
      return {
        path: join(EXAMPLES, f.path),
        writer: f.writer,
        reports: t.reports.map((r) => {
          const truth = reportForWriter(t, r, f.writer);
          return { kind: r.kind, siret: r.siret, fteConventioned: r.fteConventioned, truth, expected: expectedIndicators(truth) };
        }),
        findings: t.findings.filter(forWriter),
        absentCodes: [...new Set([...t.absentCodes, ...otherWritersOnly.filter((c) => !own.has(c))])],
      };
    }),
  }));
}

/** A finding as the engine reports it (the fields the corpus's truth names). */
export interface FoundFinding {
  code: string;
  severity: string;
  sheet: string | null;
  row: number | null;
}

/** The truth's finding is there: same code and severity, same sheet and row where the truth names them (null: any). */
export function matchesFinding(want: CorpusFinding, got: FoundFinding): boolean {
  return got.code === want.code && got.severity === want.severity && (want.sheet === null || got.sheet === want.sheet) && (want.row === null || got.row === want.row);
}
