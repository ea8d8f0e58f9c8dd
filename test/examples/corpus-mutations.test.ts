import { analyzeWorkbook, type Analysis, type FindingCode, type SheetData, type WorkbookData } from "../../src/core";
import { readXlsxFile } from "../../src/xlsx/read-file";
import { loadCorpus, type CorpusFileCase } from "./corpus";

/**
 * Never different figures without a finding (domain §2.4): each corpus workbook, changed the ways real
 * workbooks differ (a note block under the table, a totals row, a totals row moved up, the sheets renamed,
 * a grouped header), gives the truth's figures, or a new finding of the code that names the change.
 */
/** codes: the finding that must name the change ([]: the engine reads through it silently and rightly). */
type Mutation = { name: string; codes: FindingCode[]; mustKeepFigures: boolean; apply: (wb: WorkbookData, people: string[]) => WorkbookData };

const mapSheets = (wb: WorkbookData, people: string[], f: (s: SheetData) => SheetData): WorkbookData => ({
  ...wb,
  sheets: wb.sheets.map((s) => (people.includes(s.name) ? f(s) : s)),
});

/** The index of the last row holding anything. */
function lastFilled(rows: readonly (readonly unknown[])[]): number {
  for (let i = rows.length - 1; i >= 0; i--) if ((rows[i] ?? []).some((v) => v !== null && v !== undefined && v !== "")) return i;
  return -1;
}

/** Header row index (in the rows array) of each people sheet of the file under test. */
const TABLES = new Map<string, number>();

const MUTATIONS: Mutation[] = [
  {
    name: "a note block under the table",
    codes: ["row-not-person"],
    mustKeepFigures: true,
    apply: (wb, people) =>
      mapSheets(wb, people, (s) => {
        const rows = s.rows.slice(0, lastFilled(s.rows) + 1);
        return { ...s, rows: [...rows, [], ["Observations : les heures de décembre sont arrêtées au 19/12."], ["Fait à Gap, le 15/01/2026"], ["Signature et cachet"]], tables: s.tables, formulas: s.formulas };
      }),
  },
  {
    name: "a « Total » row under the table",
    codes: ["row-not-person"],
    mustKeepFigures: true,
    apply: (wb, people) =>
      mapSheets(wb, people, (s) => {
        const rows = s.rows.slice(0, lastFilled(s.rows) + 1);
        const width = Math.max(...rows.map((r) => r.length));
        const total: unknown[] = new Array(width).fill(null);
        total[0] = "TOTAL";
        total[width - 1] = 12345;
        return { ...s, rows: [...rows, total] };
      }),
  },
  {
    name: "a « Sous-total » row moved inside the table",
    codes: ["row-not-person"],
    mustKeepFigures: true,
    apply: (wb, people) =>
      mapSheets(wb, people, (s) => {
        const end = lastFilled(s.rows);
        const at = Math.max(1, Math.floor(end * 0.75));
        const width = Math.max(...s.rows.map((r) => r.length));
        const sub: unknown[] = new Array(width).fill(null);
        sub[0] = "Sous-total";
        sub[width - 1] = 42;
        // Rows below move down by one: formulas and tables no longer line up, so the mutation drops them.
        return { name: s.name, origin: s.origin, merges: s.merges, rows: [...s.rows.slice(0, at), sub, ...s.rows.slice(at)] };
      }),
  },
  {
    name: "the exit columns under a merged « Sortie » group header",
    // Read as one header (§2.4.4): the same figures, nothing to say.
    codes: [],
    mustKeepFigures: true,
    apply: (wb, people) => ({
      ...wb,
      sheets: wb.sheets.map((s) => {
        const t = people.includes(s.name) ? TABLES.get(s.name) : undefined;
        if (t === undefined) return s;
        const header = [...(s.rows[t] ?? [])];
        const sub: Record<string, string> = { "date de sortie": "Date", "motif de sortie": "Motif" };
        const cols = header.map((v, j) => (typeof v === "string" && sub[v.toLowerCase()] ? j : -1)).filter((j) => j >= 0);
        if (cols.length === 0) return s;
        for (const j of cols) header[j] = sub[(header[j] as string).toLowerCase()];
        const group: unknown[] = new Array(header.length).fill(null);
        group[cols[0]] = "Sortie";
        const o = s.origin ?? { row: 0, col: 0 };
        const at = o.row + t;
        const down = (r: number) => (r >= at ? r + 1 : r);
        return {
          ...s,
          rows: [...s.rows.slice(0, t), group, header, ...s.rows.slice(t + 1)],
          formulas: s.formulas?.map((x) => ({ ...x, row: down(x.row) })),
          tables: s.tables?.map((x) => ({ ...x, range: { ...x.range, top: down(x.range.top), bottom: down(x.range.bottom) } })),
          merges: [...(s.merges ?? []).map((m) => ({ ...m, top: down(m.top), bottom: down(m.bottom) })), { top: at, bottom: at, left: o.col + cols[0], right: o.col + cols[cols.length - 1] }],
        };
      }),
    }),
  },
  {
    name: "the people sheets renamed Feuil1, Feuil2…",
    codes: ["sheets-combined", "sheet-ignored", "structure-kind-ambiguous", "duplicate-person"],
    mustKeepFigures: false,
    apply: (wb, people) => {
      let k = 0;
      return { ...wb, sheets: wb.sheets.map((s) => (people.includes(s.name) ? { ...s, name: `Feuil${++k}` } : s)) };
    },
  },
];

async function analyse(wb: WorkbookData): Promise<Analysis[]> {
  return analyzeWorkbook(wb).reports;
}

const round = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 1e9) / 1e9);

function figuresMatch(reports: Analysis[], f: CorpusFileCase): boolean {
  if (reports.length !== f.reports.length) return false;
  return f.reports.every((want) => {
    const a = reports.find((x) => x.structure.siret === want.siret && x.structure.kind === want.kind);
    return a !== undefined && Object.entries(want.expected).every(([k, v]) => round(a.indicators[k as keyof typeof a.indicators] as number | null) === round(v));
  });
}

const count = (reports: Analysis[], codes: FindingCode[]) => reports.reduce((n, a) => n + a.report.rules.filter((r) => codes.includes(r.code)).reduce((m, r) => m + r.count, 0), 0);

const FILES = loadCorpus().flatMap((c) => c.files.filter((f) => f.reports.length > 0).map((f) => [`${c.case} (${f.writer})`, f] as const));

describe.each(FILES)("%s", (_name, f) => {
  let data: WorkbookData;
  let original: Analysis[];
  let people: string[];
  beforeAll(async () => {
    data = await readXlsxFile(f.path, { name: f.path });
    original = await analyse(data);
    people = [...new Set(original.flatMap((a) => a.tables.map((t) => t.sheet)))];
    TABLES.clear();
    for (const t of original.flatMap((a) => a.tables)) TABLES.set(t.sheet, t.headerIndex);
  });

  it.each(MUTATIONS.map((m) => [m.name, m] as const))("%s: the truth's figures, or a new finding naming it", async (_m, m) => {
    expect(figuresMatch(original, f)).toBe(true);
    const mutated = await analyse(m.apply(data, people));
    const added = count(mutated, m.codes) - count(original, m.codes);
    if (m.mustKeepFigures) {
      expect(figuresMatch(mutated, f)).toBe(true);
      if (m.codes.length > 0) expect(added).toBeGreaterThan(0);
    } else if (!figuresMatch(mutated, f)) {
      expect(added).toBeGreaterThan(0);
    }
  });
});
