import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { CASES } from "../../scripts/corpus/cases";
import type { Claim, CorpusTruth, LayoutColumn, SheetLayout, Writer } from "../../scripts/corpus/corpus-truth";
import { writeExcelJs } from "../../scripts/corpus/write-exceljs";
import { writeInline } from "../../scripts/corpus/write-inline";
import type { TruthPerson } from "../../scripts/examples/truth";
import { EXAMPLES, loadCorpus, matchesFinding, readCorpusTruths, reportForWriter } from "./corpus";
import { EXIT_KEYS, tooShort } from "./expected-indicators";

/**
 * The corpus itself (examples/reels): every file exists and opens, each writer's file has the
 * property it claims in its bytes, and the truth says what the cells hold — read back with ExcelJS
 * and a small decoder of this test, never with src/core.
 */
const REQUIRED_CASES = [
  "table-totals",
  "total-row-text",
  "notes-below",
  "two-years",
  "copies",
  "sites",
  "conventions-sheets",
  "conventions-column",
  "conventions-column-etp-unique",
  "kind-ambiguous",
  "grouped-header",
  "pass-before-hire",
  "formula-no-value",
  "checkboxes",
  "no-exit-columns",
  "tout-en-un",
];
const truths = readCorpusTruths();
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

it("has every case of the brief, each in three writers' files or a writer skipped with its reason", () => {
  expect(truths.map((t) => t.case).sort()).toEqual([...REQUIRED_CASES].sort());
  for (const t of truths) {
    const writers = [...t.files.map((f) => f.writer), ...t.skipped.map((s) => s.writer)].sort();
    expect({ case: t.case, writers }).toEqual({ case: t.case, writers: ["exceljs", "inline", "libreoffice"] });
    for (const s of t.skipped) expect(s.why.length).toBeGreaterThan(10);
  }
});

// ---- bytes: what each writer's file claims ----

async function parts(path: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir && name.endsWith(".xml")) out.set(name, await zip.files[name].async("string"));
  return out;
}
const sheetsXml = (p: Map<string, string>) => [...p].filter(([n]) => n.startsWith("xl/worksheets/sheet")).map(([, x]) => x);
const formulaCells = (p: Map<string, string>) => sheetsXml(p).flatMap((x) => x.match(/<c [^>]*>(?:(?!<\/c>).)*<f[ >](?:(?!<\/c>).)*<\/c>/g) ?? []);

const CHECKS: Record<Claim, (p: Map<string, string>) => boolean> = {
  "shared-strings": (p) => p.has("xl/sharedStrings.xml") && sheetsXml(p).some((x) => / t="s"/.test(x)) && !sheetsXml(p).some((x) => x.includes('t="inlineStr"')),
  "inline-strings": (p) => !p.has("xl/sharedStrings.xml") && sheetsXml(p).some((x) => x.includes('t="inlineStr"><is><t')),
  "formula-cached": (p) => formulaCells(p).length > 0 && formulaCells(p).every((c) => /<v>[^<]+<\/v>/.test(c)),
  "formula-no-value": (p) => formulaCells(p).some((c) => !c.includes("<v>")),
  "table-totals-row": (p) => [...p].some(([n, x]) => n.startsWith("xl/tables/") && /<table [^>]*totalsRowCount="1"/.test(x)),
  "merged-cells": (p) => sheetsXml(p).some((x) => /<mergeCell ref="[A-Z]+\d+:[A-Z]+\d+"/.test(x)),
  "libreoffice-app": (p) => /<Application>LibreOffice/.test(p.get("docProps/app.xml") ?? ""),
};

/** What every file of a writer must claim, and what a case must show in every writer's file. */
const WRITER_CLAIMS: Record<Writer, Claim[]> = { exceljs: ["shared-strings"], libreoffice: ["libreoffice-app"], inline: ["inline-strings"] };
const CASE_CLAIMS: Record<string, Claim[]> = { "table-totals": ["table-totals-row"], "grouped-header": ["merged-cells"], "tout-en-un": ["merged-cells"] };

const allFiles = truths.flatMap((t) => t.files.map((f) => [`${t.case} ${f.writer}`, t, f] as const));

describe.each(allFiles)("%s", (_name, t, f) => {
  const path = join(EXAMPLES, f.path);

  it("exists, opens with ExcelJS and has the sheets of its layouts", async () => {
    expect(existsSync(path)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const names = wb.worksheets.map((w) => w.name);
    for (const l of t.layouts) expect(names).toContain(l.sheet);
  });

  it("has in its bytes every property it claims", async () => {
    const p = await parts(path);
    const claims = new Set(f.claims);
    for (const c of [...WRITER_CLAIMS[f.writer], ...(CASE_CLAIMS[t.case] ?? [])]) expect({ claim: c, claimed: claims.has(c) }).toEqual({ claim: c, claimed: true });
    if (f.writer === "inline" && t.case === "formula-no-value") expect(claims.has("formula-no-value")).toBe(true);
    for (const c of f.claims) expect({ claim: c, holds: CHECKS[c](p) }).toEqual({ claim: c, holds: true });
  });
});

it("a claim check fails on a file without the property (the checks can fail)", async () => {
  const inline = await parts(join(EXAMPLES, "reels", "table-totals.inline.xlsx"));
  const excel = await parts(join(EXAMPLES, "reels", "notes-below.exceljs.xlsx"));
  expect(CHECKS["shared-strings"](inline)).toBe(false);
  expect(CHECKS["inline-strings"](excel)).toBe(false);
  expect(CHECKS["libreoffice-app"](excel)).toBe(false);
  expect(CHECKS["formula-cached"](inline)).toBe(false);
  expect(CHECKS["table-totals-row"](excel)).toBe(false);
  expect(CHECKS["merged-cells"](excel)).toBe(false);
});

it("the committed ExcelJS and inline files are what the generator writes now (npm run corpus)", async () => {
  for (const make of CASES) {
    const c = make();
    const t = truths.find((x) => x.case === c.name) as CorpusTruth;
    expect(t).toBeDefined();
    const excel = await writeExcelJs(c.model);
    const inline = await writeInline(c.model);
    expect({ file: `${c.name}.exceljs`, sha: sha256(readFileSync(join(EXAMPLES, "reels", `${c.name}.exceljs.xlsx`))) }).toEqual({ file: `${c.name}.exceljs`, sha: sha256(excel) });
    expect({ file: `${c.name}.inline`, sha: sha256(readFileSync(join(EXAMPLES, "reels", `${c.name}.inline.xlsx`))) }).toEqual({ file: `${c.name}.inline`, sha: sha256(inline) });
    // The LibreOffice file was converted from this very ExcelJS file.
    const lo = t.files.find((f) => f.writer === "libreoffice");
    if (lo) expect({ file: lo.path, source: lo.sourceSha256 }).toEqual({ file: lo.path, source: sha256(excel) });
    expect(JSON.parse(JSON.stringify(c.reports))).toEqual(t.reports);
  }
});

/** The finding codes of domain §3, copied by hand (a code misspelt in the truth could never match). */
const DOMAIN_CODES = `header-not-found column-missing column-duplicate column-sensitive structure-field-missing siret-format
  structure-kind-unknown af-number-format period-invalid value-required value-invalid cell-error pass-format duplicate-person
  age-range hire-after-period exit-before-hire exit-reason-missing exit-reason-unknown exit-outside-period hours-negative
  hours-implausible no-hours weekly-hours-low weekly-hours-max contract-too-short path-too-long qpv-code-format exit-too-short
  exit-withdrawn unknown-share-high row-not-person sheet-ignored sheets-combined structure-kind-ambiguous formula-no-value
  hours-from-months checkbox-column`.split(/\s+/);
const SEVERITY: Record<string, string> = { "row-not-person": "info", "sheet-ignored": "warning", "sheets-combined": "info", "structure-kind-ambiguous": "error", "formula-no-value": "error", "hours-from-months": "info", "checkbox-column": "info", "duplicate-person": "error" };

it("every code of the truth is a domain code, with the domain's severity, never both required and absent", () => {
  for (const t of truths) {
    for (const f of t.findings) {
      expect(DOMAIN_CODES).toContain(f.code);
      if (SEVERITY[f.code]) expect({ code: f.code, severity: f.severity }).toEqual({ code: f.code, severity: SEVERITY[f.code] });
    }
    for (const c of t.absentCodes) expect(DOMAIN_CODES).toContain(c);
    expect({ case: t.case, both: t.findings.filter((f) => t.absentCodes.includes(f.code)).map((f) => f.code) }).toEqual({ case: t.case, both: [] });
  }
});

const days = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000;

it("every report person is valid by construction, which lets absentCodes list the person rules", () => {
  const clean = ["age-range", "hire-after-period", "exit-before-hire", "exit-reason-missing", "exit-outside-period", "hours-implausible", "no-hours", "path-too-long", "exit-too-short"];
  for (const t of truths) {
    if (t.reports.length > 0) expect({ case: t.case, absent: clean.filter((c) => !t.absentCodes.includes(c)) }).toEqual({ case: t.case, absent: [] });
    for (const r of t.reports) {
      for (const p of r.persons) {
        const hire = p.hire as string;
        const at = `${t.case} ${p.sheet}!${p.row}`;
        const from = hire > r.periodStart ? hire : r.periodStart;
        const to = p.exit ?? r.periodEnd;
        const problems = [
          days(p.birth as string, hire) < 16 * 365.25 && "under 16 at hire",
          hire > r.periodEnd && "hired after the period",
          p.exit !== null && (p.exit < r.periodStart || p.exit > r.periodEnd) && "exit outside the period",
          p.exit !== null && tooShort(r.kind, p) && "exit too short",
          (p.exit === null) !== (p.motifCode === null) && "exit without motif or motif without exit",
          p.category === "withdrawn" && "withdrawn exit",
          (days(hire, to) * 12) / 365.25 > 24 && "path over 24 months",
          ((p.hours as number) < 1 || (p.hours as number) > (48 * (days(from, to) + 1)) / 7) && "hours out of range",
        ].filter(Boolean);
        expect({ at, problems }).toEqual({ at, problems: [] });
      }
    }
  }
});

// ---- the truth against the cells ----

type Cell = string | number | boolean | Date | null | { noValue: string };

/** A cell as ExcelJS reads it: a formula gives its stored value, or { noValue } when it has none. */
function cellOf(ws: ExcelJS.Worksheet, row: number, col: number): Cell {
  const v = ws.getCell(row, col).value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === "object" && !(v instanceof Date)) {
    const o = v as { formula?: string; sharedFormula?: string; result?: unknown; richText?: { text: string }[] };
    if (o.richText) return o.richText.map((r) => r.text).join("");
    if (o.formula !== undefined || o.sharedFormula !== undefined) {
      if (o.result === undefined || o.result === null) return { noValue: String(o.formula ?? o.sharedFormula) };
      return o.result as Cell;
    }
    throw new Error(`unexpected cell value ${JSON.stringify(v)} at ${ws.name}!R${row}C${col}`);
  }
  return v as Cell;
}

const isoOf = (c: Cell) => (c instanceof Date ? c.toISOString().slice(0, 10) : c === null || typeof c === "object" ? null : `not a date: ${String(c)}`);
const YES = ["oui", "x", "✓", "☑"];
const NO = ["non", "☐"];
const RSA: Record<string, string> = { non: "NON", "oui - majoré": "OUI-M", "oui - non majoré": "OUI-NM", oui: "OUI", x: "OUI" };
const SEX: Record<string, string> = { f: "F", mme: "F", h: "H", "m.": "H" };
const text = (c: Cell) => (typeof c === "string" ? c.trim().toLowerCase() : null);

/** This test's own reading of a cell for a truth field. */
function decode(field: string, c: Cell, column: LayoutColumn, monthsSum: () => number | null): unknown {
  switch (field) {
    case "pass":
    case "lastName":
    case "firstName":
      return c === null ? null : String(c);
    case "sex":
      return c === null ? null : (SEX[text(c) ?? ""] ?? `unknown sex ${String(c)}`);
    case "birth":
    case "hire":
    case "exit":
      return isoOf(c);
    case "qpv":
    case "zrr":
    case "rqth": {
      if (c === null) return column.checkbox ? false : null;
      const t = text(c) ?? "";
      return YES.includes(t) ? true : NO.includes(t) ? false : `unknown yes/no ${String(c)}`;
    }
    case "rsa":
      if (c === null) return column.checkbox ? "NON" : null;
      return RSA[text(c) ?? ""] ?? `unknown RSA ${String(c)}`;
    case "motifCode":
      return c === null ? null : (/^(\d+) - /.exec(String(c))?.[1] ?? `unknown motif ${String(c)}`);
    case "hours":
      if (c !== null && typeof c === "object" && "noValue" in c) return monthsSum();
      return c;
    default:
      throw new Error(`no decoder for ${field}`);
  }
}

const PERSON_FIELDS = new Set(["pass", "lastName", "firstName", "sex", "birth", "hire", "exit", "motifCode", "qpv", "zrr", "rsa", "rqth", "hours"]);
const PASS_SHAPE = /^\d{12}$/;

describe.each(allFiles)("truth of %s", (_name, t, f) => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(EXAMPLES, f.path));
  });
  const layoutOf = (sheet: string) => t.layouts.find((l) => l.sheet === sheet) as SheetLayout;

  it("each report person's cells hold what the truth says (as this writer's file gives them)", () => {
    let checked = 0;
    for (const r of t.reports) {
      const report = reportForWriter(t, r, f.writer);
      expect(report.persons.length).toBeGreaterThan(0);
      for (const p of report.persons) {
        const layout = layoutOf(p.sheet as string);
        expect({ sheet: p.sheet, read: layout?.read }).toEqual({ sheet: p.sheet, read: true });
        const ws = wb.getWorksheet(layout.sheet) as ExcelJS.Worksheet;
        const months = layout.columns.filter((c) => c.field.startsWith("month:"));
        const monthsSum = () => (months.length === 0 ? null : Math.round(months.reduce((s, c) => s + Math.round(Number(cellOf(ws, p.row, c.col) ?? 0) * 100), 0)) / 100);
        const got: Record<string, unknown> = {};
        const want: Record<string, unknown> = {};
        for (const column of layout.columns) {
          const cell = cellOf(ws, p.row, column.col);
          if (column.field === "kind") {
            got.kind = cell;
            want.kind = report.kind;
          } else if (PERSON_FIELDS.has(column.field)) {
            got[column.field] = decode(column.field, cell, column, monthsSum);
            want[column.field] = p[column.field as keyof TruthPerson];
          }
        }
        // The month columns add up to the hours (they are what the inline file's total falls back on).
        if (months.length > 0) {
          got.monthsSum = monthsSum();
          want.monthsSum = p.hours;
        }
        expect({ at: `${p.sheet}!${p.row}`, ...got }).toEqual({ at: `${p.sheet}!${p.row}`, ...want });
        checked++;
      }
    }
    if (t.reports.length > 0) expect(checked).toBeGreaterThan(10);
  });

  it("the reports hold every person row of the sheets read, once, and nothing else", () => {
    if (t.reports.length === 0) return expect(t.findings.some((x) => x.severity === "error")).toBe(true);
    const inReports = t.reports.flatMap((r) => r.persons.map((p) => `${p.sheet}!${p.row}`)).sort();
    const inSheets: string[] = [];
    for (const l of t.layouts.filter((x) => x.read)) {
      const ws = wb.getWorksheet(l.sheet) as ExcelJS.Worksheet;
      const passCol = l.columns.find((c) => c.field === "pass") as LayoutColumn;
      for (let row = l.headerRow + 1; row <= ws.rowCount; row++) if (PASS_SHAPE.test(String(cellOf(ws, row, passCol.col) ?? ""))) inSheets.push(`${l.sheet}!${row}`);
    }
    expect(inReports).toEqual(inSheets.sort());
    expect(new Set(inReports).size).toBe(inReports.length);
  });

  it("the structure block gives each report's SIRET, and its ETP conventionnés where the truth has one", () => {
    const pairs = new Map<string, unknown[]>();
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => {
        const values = (row.values as unknown[]).slice(1);
        const label = values.find((v) => typeof v === "string");
        if (typeof label === "string") pairs.set(label.replace(/\s*:\s*$/, ""), values.filter((v) => v !== label && v !== null && v !== undefined));
      });
    }
    for (const r of t.reports) {
      expect(pairs.get("SIRET")).toContain(r.siret);
      if (r.fteConventioned !== null) expect(pairs.get(`ETP conventionnés ${r.kind}`) ?? pairs.get("ETP conventionnés")).toContain(r.fteConventioned);
    }
    const kinds = new Set(t.reports.map((r) => r.kind));
    // A single ETP for several kinds gives no per-report figure (§2.4.3).
    if (kinds.size > 1 && pairs.has("ETP conventionnés")) for (const r of t.reports) expect(r.fteConventioned).toBeNull();
  });

  it("each finding names a sheet of the workbook, and a non-person row holds no person", () => {
    const names = wb.worksheets.map((w) => w.name);
    for (const x of t.findings) {
      if (x.sheet !== null) expect(names).toContain(x.sheet);
      if (x.code !== "row-not-person") continue;
      const ws = wb.getWorksheet(x.sheet as string) as ExcelJS.Worksheet;
      const values = (ws.getRow(x.row as number).values as unknown[]).filter((v) => v !== null && v !== undefined);
      expect({ row: x.row, filled: values.length > 0 }).toEqual({ row: x.row, filled: true });
      const passCol = layoutOf(x.sheet as string).columns.find((c) => c.field === "pass") as LayoutColumn;
      expect(PASS_SHAPE.test(String(cellOf(ws, x.row as number, passCol.col) ?? ""))).toBe(false);
    }
  });
});

describe("loadCorpus (what the engine's golden test will use)", () => {
  const corpus = loadCorpus();
  const byName = (n: string) => corpus.find((c) => c.case === n) as (typeof corpus)[number];

  it("gives one expected report per SIRET and kind, with figures", () => {
    expect(byName("conventions-sheets").files[0].reports.map((r) => r.kind)).toEqual(["ACI", "EI"]);
    expect(byName("conventions-column").files[0].reports.map((r) => r.kind)).toEqual(["ACI", "EI"]);
    expect(byName("kind-ambiguous").files[0].reports).toEqual([]);
    for (const c of corpus) for (const f of c.files) for (const r of f.reports) expect(r.expected.employees).toBeGreaterThan(0);
    // EI hours per ETP differ from ACI's: the EI report's fte uses 1505 h.
    const ei = byName("conventions-sheets").files[0].reports[1];
    expect(ei.expected.fte).toBeCloseTo((ei.expected.hoursWorked as number) / 1505, 9);
  });

  it("a single ETP conventionnés for two kinds gives no realisation rate; a per-kind one does", () => {
    for (const r of byName("conventions-column-etp-unique").files[0].reports) expect([r.expected.fteConventioned, r.expected.fteRealisationRate]).toEqual([null, null]);
    for (const r of byName("conventions-column").files[0].reports) expect(r.expected.fteRealisationRate).toEqual(expect.any(Number));
  });

  it("no exit column: every exit indicator is null, not 0", () => {
    const r = byName("no-exit-columns").files[0].reports[0];
    for (const k of EXIT_KEYS) expect({ k, v: r.expected[k] }).toEqual({ k, v: null });
    expect(byName("table-totals").files[0].reports[0].expected.exits).toEqual(expect.any(Number));
  });

  it("a person on two sites counts once, with the hours of both", () => {
    const r = byName("sites").files[0].reports[0];
    expect(r.expected.employees).toBe(r.truth.persons.length - 1);
    expect(r.expected.hoursWorked).toBeCloseTo(r.truth.persons.reduce((s, p) => s + (p.hours ?? 0), 0), 6);
  });

  it("writer-only findings and cells follow the writer", () => {
    const files = byName("formula-no-value").files;
    const inline = files.find((f) => f.writer === "inline") as (typeof files)[number];
    const excel = files.find((f) => f.writer === "exceljs") as (typeof files)[number];
    expect(inline.findings.map((x) => x.code).sort()).toEqual(["formula-no-value", "hours-from-months"]);
    expect(excel.findings).toEqual([]);
    expect(excel.absentCodes).toEqual(expect.arrayContaining(["formula-no-value", "hours-from-months"]));
    expect(inline.absentCodes).not.toContain("formula-no-value");
    expect(inline.reports[0].expected.ageUnknown).toBe(1);
    expect(excel.reports[0].expected.ageUnknown).toBe(0);
  });
});

it("matchesFinding: code and severity always, sheet and row where the truth names them", () => {
  const want = { code: "row-not-person", severity: "info" as const, sheet: "Salariés", row: 16, why: "" };
  expect(matchesFinding(want, { code: "row-not-person", severity: "info", sheet: "Salariés", row: 16 })).toBe(true);
  expect(matchesFinding(want, { code: "row-not-person", severity: "info", sheet: "Salariés", row: 15 })).toBe(false);
  expect(matchesFinding(want, { code: "row-not-person", severity: "warning", sheet: "Salariés", row: 16 })).toBe(false);
  expect(matchesFinding(want, { code: "row-not-person", severity: "info", sheet: "Structure", row: 16 })).toBe(false);
  expect(matchesFinding({ ...want, sheet: null, row: null }, { code: "row-not-person", severity: "info", sheet: "Site Gap", row: 3 })).toBe(true);
});
