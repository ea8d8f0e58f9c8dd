import type { Analysis } from "../model/analysis";
import { receiptFor, type SendState } from "../model/send-state";
import type { SheetChart } from "./consolidation-sheets";
import { indicatorsSheetNames } from "./indicators-sheet-names";
import { NULL_TEXT } from "../labels/format";
import { buildIndicatorsSheet, type IndicatorsSheetModel } from "./indicators-sheet";

/**
 * The "Indicateurs" model laid out on a grid: plain data, so both writers (Office.js in Excel, ExcelJS for
 * files) copy the same cells, formats and chart block, and the layout is tested on its own.
 */
export interface SheetLayout {
  name: string;
  /** Values from A1, rectangular (4 columns). */
  values: (string | number)[][];
  /** Excel number formats (API codes, locale-independent), same shape as values. */
  numberFormats: string[][];
  titleRow: number;
  /** 0-based rows shown bold with a fill: column headers and section titles. */
  headerRows: number[];
  /** 0-based rows of the label/value lines above the table (labels bold). */
  labelRows: number[];
  /** Column widths in characters. */
  columnWidths: number[];
  /** The chart's data block (series names in its first row, categories in its first column). */
  chart: SheetChart | null;
}

const WIDTH = 4;

export function layoutIndicatorsSheet(model: IndicatorsSheetModel): SheetLayout {
  const values: (string | number)[][] = [];
  const formats: string[][] = [];
  const headerRows: number[] = [];
  const labelRows: number[] = [];
  const push = (row: (string | number)[], fmt: string[] = []) => {
    const r = [...row];
    while (r.length < WIDTH) r.push("");
    values.push(r);
    formats.push(Array.from({ length: WIDTH }, (_, i) => fmt[i] ?? "General"));
  };
  push([model.title]);
  for (const h of model.header) {
    labelRows.push(values.length);
    // "@" keeps texts such as a SIRET or "01" from being turned into numbers.
    push([h.label, h.value], ["General", "@"]);
  }
  push([]);
  headerRows.push(values.length);
  push([model.columns.label, model.columns.value, model.columns.target, model.columns.definition]);
  for (const section of model.sections) {
    headerRows.push(values.length);
    push([section.title]);
    for (const row of section.rows) {
      push(
        [
          row.label,
          row.value === null ? NULL_TEXT : row.value,
          row.target === null ? "" : row.target,
          row.definition,
        ],
        ["General", row.numberFormat, row.numberFormat, "General"],
      );
    }
  }
  if (model.send) {
    push([]);
    headerRows.push(values.length);
    push([model.send.title]);
    for (const line of model.send.lines) {
      labelRows.push(values.length);
      push([line.label, line.value], ["General", "@"]);
    }
  }
  push([]);
  const chartStart = values.length;
  headerRows.push(chartStart);
  push(["", model.chart.seriesNames[0], model.chart.seriesNames[1]]);
  model.chart.categories.forEach((category, i) => {
    // Empty, not "—": a chart plots a text as zero.
    push([category, model.chart.values[i] ?? "", model.chart.targets[i] ?? ""], ["General", "0.0%", "0.0%"]);
  });
  return {
    name: model.sheetName,
    values,
    numberFormats: formats,
    titleRow: 0,
    headerRows,
    labelRows,
    columnWidths: [46, 16, 12, 90],
    chart: {
      title: model.chart.title,
      firstRow: chartStart,
      firstColumn: 0,
      rows: values.length - chartStart,
      columns: 3,
    },
  };
}

/** One laid-out sheet per report (« Indicateurs », or « Indicateurs ACI »…), each with its own receipt's "Envoi" block. */
export function layoutIndicatorsSheets(
  reports: readonly Analysis[],
  options: { generatedAt: Date; language: "fr" | "en" },
  state: SendState,
): SheetLayout[] {
  const names = indicatorsSheetNames(reports);
  return reports.map((analysis, i) =>
    layoutIndicatorsSheet(
      buildIndicatorsSheet(analysis, {
        ...options,
        sheetName: names[i],
        receipt: receiptFor(state, analysis),
      }),
    ),
  );
}
