import {
  DEFAULT_CONFIG,
  INDICATOR_KEYS,
  INDICATOR_LABELS,
  KIND_LABELS,
  NULL_TEXT,
  frenchFromDay,
  dayFromIso,
  type Analysis,
  type IndicatorFormat,
  type IndicatorKey,
} from "../../core";

/**
 * What the "Indicateurs" sheet holds, as plain data: no Office call here, so the layout is tested on
 * its own and can be swapped for the shared model (src/core/report) without touching the writer.
 */
export interface SheetLayout {
  name: string;
  /** Values from A1, rectangular. */
  values: (string | number)[][];
  /** Excel number formats (API codes, locale-independent), same shape as values. */
  numberFormats: string[][];
  /** 0-based rows shown as the title and as table headers. */
  titleRow: number;
  headerRows: number[];
  /** Column widths in characters. */
  columnWidths: number[];
  chart: { title: string; dataAddress: string; seriesNames: [string, string] } | null;
}

export const INDICATORS_SHEET = "Indicateurs";

const FORMATS: Record<IndicatorFormat, string> = {
  count: "0",
  percent: "0.0%",
  hours: "#,##0.00",
  fte: "0.00",
  months: "0.0",
};

const CHART_KEYS: readonly IndicatorKey[] = [
  "shareWomen",
  "shareRsa",
  "shareQpv",
  "shareZrr",
  "shareUnder26",
  "shareAge50plus",
  "shareDeld",
  "shareDetld",
  "shareRqth",
  "rateDurable",
  "rateTransition",
  "ratePositive",
  "rateDynamic",
];

const T = {
  fr: {
    title: "Bilan IAE — Indicateurs",
    structure: "Structure",
    period: "Période",
    computed: "Calculé le",
    rules: "Version des règles",
    header: ["Indicateur", "Valeur", "Objectif", "Définition"],
    chartHeader: ["Parts et taux de sortie", "Valeur", "Objectif"],
    chartTitle: "Parts de publics et taux de sortie, comparés aux objectifs",
    from: (a: string, b: string) => `du ${a} au ${b}`,
    unknown: "non renseigné",
    dept: "département",
  },
  en: {
    title: "Bilan IAE — Indicators",
    structure: "Structure",
    period: "Period",
    computed: "Computed on",
    rules: "Rules version",
    header: ["Indicator", "Value", "Target", "Definition"],
    chartHeader: ["Shares and exit rates", "Value", "Target"],
    chartTitle: "Shares of target groups and exit rates, compared with the targets",
    from: (a: string, b: string) => `from ${a} to ${b}`,
    unknown: "not filled",
    dept: "department",
  },
};

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function isoToFrench(iso: string | null, unknown: string): string {
  if (!iso) return unknown;
  const day = dayFromIso(iso);
  return day === null ? iso : frenchFromDay(day);
}

/** Builds the sheet: header block, one row per indicator, then the chart's data block. */
export function buildIndicatorsLayout(
  analysis: Analysis,
  options: { generatedAt: Date; language: "fr" | "en"; targets?: Partial<Record<IndicatorKey, number>> },
): SheetLayout {
  const t = T[options.language];
  const targets: Partial<Record<IndicatorKey, number>> = options.targets ?? { ...DEFAULT_CONFIG.targets };
  const s = analysis.structure;
  const kind = s.kind ? `${s.kind} (${KIND_LABELS[s.kind][options.language]})` : null;
  const structure = [s.name ?? t.unknown, s.siret ? `SIRET ${s.siret}` : null, kind, s.department ? `${t.dept} ${s.department}` : null]
    .filter((x): x is string => x !== null)
    .join(" — ");
  const d = options.generatedAt;
  const stamp = `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;

  const values: (string | number)[][] = [];
  const formats: string[][] = [];
  const push = (row: (string | number)[], fmt: string[] = []) => {
    const r = [...row];
    while (r.length < 4) r.push("");
    values.push(r);
    formats.push([0, 1, 2, 3].map((i) => fmt[i] ?? "General"));
  };
  push([t.title]);
  push([t.structure, structure]);
  push([t.period, t.from(isoToFrench(s.periodStart, "?"), isoToFrench(s.periodEnd, "?"))]);
  push([t.computed, stamp]);
  push([t.rules, analysis.rulesVersion]);
  push([]);
  const headerRows = [values.length];
  push(t.header);
  for (const key of INDICATOR_KEYS) {
    const label = INDICATOR_LABELS[key];
    const value = analysis.indicators[key];
    const target = targets[key];
    const fmt = FORMATS[label.format];
    push(
      [
        options.language === "fr" ? label.fr : label.en,
        value === null ? NULL_TEXT : value,
        target === undefined ? "" : target,
        options.language === "fr" ? label.definitionFr : label.definitionEn,
      ],
      ["General", fmt, fmt, "General"],
    );
  }
  push([]);
  const chartStart = values.length;
  headerRows.push(chartStart);
  push(t.chartHeader);
  for (const key of CHART_KEYS) {
    const label = INDICATOR_LABELS[key];
    const value = analysis.indicators[key];
    const target = targets[key];
    // Empty, not "—": a chart plots text as zero.
    push([options.language === "fr" ? label.fr : label.en, value ?? "", target ?? ""], ["General", "0.0%", "0.0%"]);
  }
  const chartEnd = values.length; // 1-based last row = values.length
  return {
    name: INDICATORS_SHEET,
    values,
    numberFormats: formats,
    titleRow: 0,
    headerRows,
    columnWidths: [44, 14, 12, 90],
    chart: { title: t.chartTitle, dataAddress: `A${chartStart + 1}:C${chartEnd}`, seriesNames: [t.chartHeader[1], t.chartHeader[2]] },
  };
}
