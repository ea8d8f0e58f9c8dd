import type { Analysis } from "../model/analysis";
import type { IndicatorKey } from "../model/indicators";
import { INDICATOR_LABELS, type IndicatorFormat } from "../labels/indicator-labels";
import { KIND_LABELS } from "../labels/labels";
import { formatDateTime } from "../labels/format";
import { dayFromIso, frenchFromDay } from "../dates/day-number";
import type { SendReceiptRecord } from "../model/send-state";
import { buildSendBlock, type SendBlock } from "./send-block";

/**
 * The "Indicateurs" sheet as data, rendered the same way by the Office.js adapter (the open workbook)
 * and the ExcelJS adapter (annotated files): what is written lives here, how it is written lives there.
 */
export interface IndicatorsSheetRow {
  key: IndicatorKey;
  label: string;
  value: number | null;
  format: IndicatorFormat;
  /** Excel number format code (Excel shows it with the user's locale: 0.0% → « 42,5 % » in French). */
  numberFormat: string;
  /** Target in force for this indicator (rates), else null. */
  target: number | null;
  definition: string;
}

export interface IndicatorsSheetSection {
  title: string;
  rows: IndicatorsSheetRow[];
}

export interface IndicatorsSheetModel {
  sheetName: string;
  title: string;
  /** Label/value lines above the table: structure, period, computation date, rules version, validity. */
  header: { label: string; value: string }[];
  columns: { label: string; value: string; target: string; definition: string };
  sections: IndicatorsSheetSection[];
  /** The "Envoi" block below the indicators, when the workbook holds a receipt. */
  send: SendBlock | null;
  /** A bar chart of the shares and exit rates, with the targets as a second series. */
  chart: {
    title: string;
    categories: string[];
    values: (number | null)[];
    targets: (number | null)[];
    seriesNames: [string, string];
  };
}

export const INDICATORS_SHEET_NAME = "Indicateurs";

export const EXCEL_NUMBER_FORMATS: Record<IndicatorFormat, string> = {
  count: "0",
  percent: "0.0%",
  hours: "#,##0.00",
  fte: "0.00",
  months: "0.0",
};

/** How indicators are grouped for display (sheet, task pane): every key once, in reading order. */
export type IndicatorSectionId = "people" | "shares" | "hours" | "exits";
export const INDICATOR_SECTIONS: { id: IndicatorSectionId; fr: string; en: string; keys: IndicatorKey[] }[] =
  [
    {
      id: "people",
      fr: "Personnes salariées",
      en: "Employees",
      keys: [
        "employees",
        "women",
        "men",
        "sexUnknown",
        "rsa",
        "rsaUnknown",
        "qpv",
        "qpvUnknown",
        "zrr",
        "zrrUnknown",
        "under26",
        "age50plus",
        "ageUnknown",
        "deld",
        "detld",
        "ftUnknown",
        "rqth",
        "rqthUnknown",
        "ass",
        "aah",
        "levelBelowCap",
        "levelCapBep",
        "levelNonCertified",
      ],
    },
    {
      id: "shares",
      fr: "Parts",
      en: "Shares",
      keys: [
        "shareWomen",
        "shareRsa",
        "shareQpv",
        "shareZrr",
        "shareUnder26",
        "shareAge50plus",
        "shareDeld",
        "shareDetld",
        "shareRqth",
      ],
    },
    {
      id: "hours",
      fr: "Heures et ETP",
      en: "Hours and FTE",
      keys: ["hoursWorked", "fte", "fteRsa", "fteConventioned", "fteRealisationRate"],
    },
    {
      id: "exits",
      fr: "Sorties",
      en: "Exits",
      keys: [
        "exits",
        "exitsWithdrawn",
        "exitsTooShort",
        "exitsExamined",
        "exitsDurable",
        "exitsTransition",
        "exitsPositive",
        "exitsOther",
        "exitsUnknownCategory",
        "rateDurable",
        "rateTransition",
        "ratePositive",
        "rateDynamic",
        "exitsToTraining",
        "rateTraining",
        "rsaExitsDurableOrTraining",
        "averagePathMonths",
      ],
    },
  ];

const CHART_KEYS: IndicatorKey[] = [
  "shareWomen",
  "shareRsa",
  "shareQpv",
  "shareUnder26",
  "shareAge50plus",
  "rateDurable",
  "rateTransition",
  "ratePositive",
  "rateDynamic",
];

function targetOf(analysis: Analysis, key: IndicatorKey): number | null {
  const t = analysis.targets as Partial<Record<string, number>>;
  const v = t[key];
  return typeof v === "number" ? v : null;
}

function dateText(iso: string | null): string {
  if (!iso) return "—";
  const d = dayFromIso(iso);
  return d === null ? iso : frenchFromDay(d);
}

export interface IndicatorsSheetOptions {
  generatedAt: Date;
  language: "fr" | "en";
  /** The last receipt stored in the workbook: re-drawn each time the sheet is rewritten. */
  receipt?: SendReceiptRecord | null;
  /** The sheet's name when the workbook holds several reports (see indicatorsSheetNames); else « Indicateurs ». */
  sheetName?: string;
}

export function buildIndicatorsSheet(
  analysis: Analysis,
  options: IndicatorsSheetOptions,
): IndicatorsSheetModel {
  const fr = options.language === "fr";
  const s = analysis.structure;
  const kind = s.kind ? `${s.kind} — ${fr ? KIND_LABELS[s.kind].fr : KIND_LABELS[s.kind].en}` : "—";
  const { error, warning } = analysis.report.counts;
  const when = formatDateTime(options.generatedAt);
  const header = [
    { label: fr ? "Structure" : "Structure", value: s.name ?? "—" },
    { label: "SIRET", value: s.siret ?? "—" },
    { label: fr ? "Type" : "Kind", value: kind },
    { label: fr ? "Département" : "Département", value: s.department ?? "—" },
    { label: fr ? "Période" : "Period", value: `${dateText(s.periodStart)} – ${dateText(s.periodEnd)}` },
    { label: fr ? "Calculé le" : "Computed on", value: when },
    { label: fr ? "Version des règles" : "Rules version", value: analysis.rulesVersion },
    {
      label: fr ? "Vérification" : "Check",
      value: fr
        ? `${error} erreur${error > 1 ? "s" : ""}, ${warning} avertissement${warning > 1 ? "s" : ""}`
        : `${error} error${error === 1 ? "" : "s"}, ${warning} warning${warning === 1 ? "" : "s"}`,
    },
  ];
  const row = (key: IndicatorKey): IndicatorsSheetRow => {
    const l = INDICATOR_LABELS[key];
    return {
      key,
      label: fr ? l.fr : l.en,
      value: analysis.indicators[key],
      format: l.format,
      numberFormat: EXCEL_NUMBER_FORMATS[l.format],
      target: targetOf(analysis, key),
      definition: fr ? l.definitionFr : l.definitionEn,
    };
  };
  return {
    sheetName: options.sheetName ?? INDICATORS_SHEET_NAME,
    title: fr ? "Bilan IAE — Indicateurs" : "Bilan IAE — Indicators",
    header,
    columns: fr
      ? { label: "Indicateur", value: "Valeur", target: "Objectif", definition: "Définition" }
      : { label: "Indicator", value: "Value", target: "Target", definition: "Definition" },
    sections: INDICATOR_SECTIONS.map((sec) => ({ title: fr ? sec.fr : sec.en, rows: sec.keys.map(row) })),
    send: options.receipt ? buildSendBlock(options.receipt, options.language) : null,
    chart: {
      title: fr ? "Parts et taux de sortie" : "Shares and exit rates",
      categories: CHART_KEYS.map((k) => (fr ? INDICATOR_LABELS[k].fr : INDICATOR_LABELS[k].en)),
      values: CHART_KEYS.map((k) => analysis.indicators[k]),
      targets: CHART_KEYS.map((k) => targetOf(analysis, k)),
      seriesNames: fr ? ["Réalisé", "Objectif"] : ["Actual", "Target"],
    },
  };
}
