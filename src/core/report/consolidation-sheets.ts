import type { Consolidation } from "../consolidate/types";
import type { FollowUp } from "../consolidate/status";
import { INDICATOR_LABELS } from "../labels/indicator-labels";
import { KIND_LABELS } from "../labels/labels";
import { formatDateTime, formatIsoDate } from "../labels/format";
import { INDICATOR_KEYS, type IndicatorKey, type Indicators } from "../model/indicators";
import { KINDS } from "../model/kinds";
import { EXCEL_NUMBER_FORMATS } from "./indicators-sheet";

/**
 * The department's three consolidation sheets as plain grids, written the same way by the ExcelJS
 * writer (the CLI's and the pane's .xlsx) and the Office.js writer (the open workbook): what is
 * written lives here, how it is written lives in each adapter.
 */

/** A cell: text, number, or null for an empty cell (an indicator that cannot be computed). */
export type SheetCell = string | number | null;

export interface SheetChart {
  title: string;
  /**
   * The chart's data block on the sheet (0-based): its first row holds the series names, its first
   * column the categories; each further column is one series.
   */
  firstRow: number;
  firstColumn: number;
  rows: number;
  columns: number;
}

export interface ReportSheet {
  name: string;
  /** Rectangular, column headers in row 0. */
  values: SheetCell[][];
  /** Excel number format codes (locale-independent), same shape as values. */
  numberFormats: string[][];
  /** 0-based rows shown bold with a fill (column headers, the chart block's header). */
  headerRows: number[];
  /** Column widths in characters. */
  columnWidths: number[];
  /** Rows of the main table, header included (the filter's range); blocks below it are apart. */
  tableRows: number;
  /** Rows and columns kept in view when scrolling (the header row, the structure's name). */
  freeze: { rows: number; columns: number };
  chart: SheetChart | null;
}

export const CONSOLIDATION_SHEET_NAMES = {
  reports: "Consolidation",
  byKind: "Par type",
  followUp: "Suivi des envois",
} as const;

const TEXT = "@";
const GENERAL = "General";
const INTEGER = "0";
/** The rates charted per kind on "Par type": comparable across kinds, on one percentage scale. */
export const BY_KIND_CHART_KEYS: IndicatorKey[] = [
  "rateDurable",
  "rateTransition",
  "ratePositive",
  "rateDynamic",
];

interface Column {
  header: string;
  width: number;
  format: string;
}

const indicatorColumns: Column[] = INDICATOR_KEYS.map((k) => ({
  header: INDICATOR_LABELS[k].fr,
  width: Math.min(28, Math.max(12, Math.round(INDICATOR_LABELS[k].fr.length * 0.9))),
  format: EXCEL_NUMBER_FORMATS[INDICATOR_LABELS[k].format],
}));

const indicatorCells = (ind: Indicators | null): SheetCell[] =>
  INDICATOR_KEYS.map((k) => (ind ? ind[k] : null));

const yesNo = (v: boolean | null): SheetCell => (v === null ? null : v ? "Oui" : "Non");

function table(name: string, columns: Column[], rows: SheetCell[][], freezeColumns: number): ReportSheet {
  return {
    name,
    values: [columns.map((c) => c.header), ...rows],
    numberFormats: [columns.map(() => GENERAL), ...rows.map(() => columns.map((c) => c.format))],
    headerRows: [0],
    tableRows: rows.length + 1,
    columnWidths: columns.map((c) => c.width),
    freeze: { rows: 1, columns: freezeColumns },
    chart: null,
  };
}

/** Appends rows below a sheet's table, padded to its width (formats General unless given). */
function appendBlock(sheet: ReportSheet, rows: SheetCell[][], formats: string[][] = []): number {
  const width = sheet.values[0].length;
  const first = sheet.values.length;
  rows.forEach((row, i) => {
    sheet.values.push(Array.from({ length: width }, (_, c) => (c < row.length ? row[c] : null)));
    sheet.numberFormats.push(Array.from({ length: width }, (_, c) => formats[i]?.[c] ?? GENERAL));
  });
  return first;
}

/** "Consolidation": one row per report. */
export function buildReportsSheet(c: Consolidation): ReportSheet {
  const lead: Column[] = [
    { header: "Structure", width: 32, format: TEXT },
    { header: "SIRET", width: 16, format: TEXT },
    { header: "Type", width: 7, format: TEXT },
    { header: "Valide", width: 8, format: TEXT },
    { header: "Erreurs", width: 9, format: INTEGER },
    { header: "Avertissements", width: 14, format: INTEGER },
    { header: "Fichier ou envoi", width: 36, format: TEXT },
  ];
  const rows = c.reports.map((r): SheetCell[] => [
    r.name,
    r.siret,
    r.kind,
    yesNo(r.valid),
    r.counts.error,
    r.counts.warning,
    r.file,
    ...indicatorCells(r.indicators),
  ]);
  return table(CONSOLIDATION_SHEET_NAMES.reports, [...lead, ...indicatorColumns], rows, 1);
}

export const DEPARTMENT_TOTAL_LABEL = "Total département";

/** "Par type": the five kinds and the department total, with a chart of the exit rates per kind. */
export function buildByKindSheet(c: Consolidation): ReportSheet {
  const lead: Column[] = [
    { header: "Type", width: 18, format: TEXT },
    { header: "Libellé", width: 40, format: TEXT },
    { header: "Structures", width: 11, format: INTEGER },
    { header: "Rapports", width: 10, format: INTEGER },
    { header: "Personnes distinctes", width: 12, format: INTEGER },
  ];
  const rows: SheetCell[][] = KINDS.map((kind) => {
    const t = c.byKind[kind];
    // Distinct persons only for the total: per kind they would not add up to it (a person in two kinds).
    return [
      kind,
      KIND_LABELS[kind].fr,
      t?.structures ?? 0,
      t?.reports ?? 0,
      null,
      ...indicatorCells(t?.indicators ?? null),
    ];
  });
  rows.push([
    DEPARTMENT_TOTAL_LABEL,
    "Toutes les structures",
    c.total.structures,
    c.total.reports,
    c.total.distinctPersons,
    ...indicatorCells(c.total.indicators),
  ]);
  const sheet = table(CONSOLIDATION_SHEET_NAMES.byKind, [...lead, ...indicatorColumns], rows, 1);

  const charted = [
    ...KINDS.filter((k) => c.byKind[k]).map((k) => ({
      label: k as string,
      ind: c.byKind[k]?.indicators ?? null,
    })),
    { label: DEPARTMENT_TOTAL_LABEL, ind: c.total.indicators },
  ];
  const percent = EXCEL_NUMBER_FORMATS.percent;
  const block: SheetCell[][] = [
    ["Taux de sortie par type", ...BY_KIND_CHART_KEYS.map((k) => INDICATOR_LABELS[k].fr)],
    ...charted.map((x) => [x.label, ...BY_KIND_CHART_KEYS.map((k) => x.ind?.[k] ?? null)]),
  ];
  const formats = block.map((_, i) => [TEXT, ...BY_KIND_CHART_KEYS.map(() => (i === 0 ? GENERAL : percent))]);
  appendBlock(sheet, [[]]);
  const first = appendBlock(sheet, block, formats);
  sheet.headerRows.push(first);
  sheet.chart = {
    title: "Taux de sortie par type de structure",
    firstRow: first,
    firstColumn: 0,
    rows: block.length,
    columns: 1 + BY_KIND_CHART_KEYS.length,
  };
  return sheet;
}

const periodText = (start: string | null, end: string | null): SheetCell =>
  start || end ? `${formatIsoDate(start)} – ${formatIsoDate(end)}` : null;

/** "Suivi des envois": who sent (version, date, validity) and who is missing, or the files received. */
export function buildFollowUpSheet(followUp: FollowUp): ReportSheet {
  const columns: Column[] = [
    { header: "Structure", width: 32, format: TEXT },
    { header: "SIRET", width: 16, format: TEXT },
    { header: "Type", width: 7, format: TEXT },
    { header: "Statut", width: 10, format: TEXT },
    { header: "Période", width: 24, format: TEXT },
    { header: "Version", width: 8, format: INTEGER },
    { header: "Reçu le", width: 17, format: TEXT },
    { header: "Valide", width: 8, format: TEXT },
    { header: "Erreurs", width: 9, format: INTEGER },
    { header: "Fichier ou envoi", width: 36, format: TEXT },
    { header: "Remarque", width: 60, format: TEXT },
  ];
  let rows: SheetCell[][];
  let summary: SheetCell[][];
  if (followUp.source === "hub") {
    const s = followUp.status;
    rows = s.structures.map((r) => {
      const sub = r.submission;
      return [
        r.name,
        r.siret,
        r.kind,
        sub ? "Reçu" : "Manquant",
        s.period,
        sub?.version ?? null,
        sub ? formatDateTime(sub.receivedAt) : null,
        sub ? yesNo(sub.valid) : null,
        sub?.counts.error ?? null,
        sub?.id ?? null,
        sub ? null : "Aucun bilan reçu pour cette période",
      ];
    });
    summary = [
      ["Attendus", null, null, s.summary.expected],
      ["Reçus", null, null, s.summary.submitted],
      ["Manquants", null, null, s.summary.missing],
    ];
  } else {
    rows = followUp.files.map((f) => [
      f.name,
      f.siret,
      f.kind,
      f.error === null ? "Reçu" : "Illisible",
      periodText(f.periodStart, f.periodEnd),
      null,
      null,
      yesNo(f.valid),
      f.error === null ? f.errors : null,
      f.file,
      f.error,
    ]);
    const unreadable = followUp.files.filter((f) => f.error !== null).length;
    summary = [
      ["Fichiers", null, null, followUp.files.length],
      ["Lus", null, null, followUp.files.length - unreadable],
      ["Illisibles", null, null, unreadable],
    ];
  }
  const sheet = table(CONSOLIDATION_SHEET_NAMES.followUp, columns, rows, 1);
  appendBlock(sheet, [[]]);
  appendBlock(
    sheet,
    summary,
    summary.map(() => [TEXT, TEXT, TEXT, INTEGER]),
  );
  return sheet;
}

/** The three sheets, in workbook order; the follow-up sheet only when its source is known. */
export function buildConsolidationSheets(c: Consolidation, followUp: FollowUp | null): ReportSheet[] {
  const sheets = [buildReportsSheet(c), buildByKindSheet(c)];
  if (followUp) sheets.push(buildFollowUpSheet(followUp));
  return sheets;
}
