import ExcelJS from "exceljs";
import {
  buildConsolidationSheets,
  INDICATOR_KEYS,
  type Consolidation,
  type FollowUp,
  type ReportSheet,
} from "../core";
import { stampWorkbook, styleHeaderRow, toBytes } from "./exceljs-util";
import { indicatorDefinition, indicatorLabel } from "./labels";
import { addCharts, chartOfSheet } from "./xlsx-chart";

export const DEFINITIONS_SHEET = "Définitions";
/** Rows the chart takes below its data block on "Par type". */
const CHART_HEIGHT_ROWS = 20;

/** One model sheet (core/report/consolidation-sheets) into ExcelJS: values, formats, header, frozen panes, filter. */
function addSheet(wb: ExcelJS.Workbook, sheet: ReportSheet): void {
  const ws = wb.addWorksheet(sheet.name);
  ws.columns = sheet.columnWidths.map((width) => ({ width }));
  sheet.values.forEach((row, r) => {
    const xRow = ws.getRow(r + 1);
    row.forEach((value, c) => {
      if (value === null) return;
      const cell = xRow.getCell(c + 1);
      cell.value = value;
      const fmt = sheet.numberFormats[r][c];
      if (fmt !== "General") cell.numFmt = fmt;
    });
  });
  for (const r of sheet.headerRows) styleHeaderRow(ws.getRow(r + 1));
  ws.getRow(1).height = 45;
  ws.views = [{ state: "frozen", ySplit: sheet.freeze.rows, xSplit: sheet.freeze.columns }];
  ws.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: sheet.tableRows, column: sheet.values[0].length },
  };
}

function addDefinitions(wb: ExcelJS.Workbook, options: { generatedAt: Date; rulesVersion: string }): void {
  const notes = wb.addWorksheet(DEFINITIONS_SHEET);
  notes.columns = [
    { header: "Indicateur", width: 40 },
    { header: "Clé", width: 26 },
    { header: "Définition", width: 100 },
  ];
  styleHeaderRow(notes.getRow(1));
  notes.views = [{ state: "frozen", ySplit: 1 }];
  for (const k of INDICATOR_KEYS) notes.addRow([indicatorLabel(k), k, indicatorDefinition(k)]);
  notes.addRow([]);
  notes.addRow([
    "Règle de consolidation",
    "",
    "Les effectifs, heures et ETP s'additionnent ; les parts et taux sont recalculés à partir des totaux (jamais moyennés). " +
      "« Structures » compte les SIRET distincts, « Rapports » les bilans (un SIRET peut porter deux conventions). " +
      "« Personnes distinctes » compte une seule fois une personne présente dans plusieurs structures. Une cellule vide = non calculable.",
  ]);
  notes.addRow([
    "Calcul",
    "",
    `Bilan IAE, règles ${options.rulesVersion}, le ${options.generatedAt.toLocaleDateString("fr-FR", { timeZone: "UTC" })}`,
  ]);
  notes.getColumn(3).alignment = { wrapText: true, vertical: "top" };
}

/**
 * The department's consolidation workbook, to forward as is: "Consolidation" (one row per report),
 * "Par type" (with a native column chart of the exit rates), "Suivi des envois" when its source is
 * known (the hub's list or the files received), and the definitions.
 */
export async function writeConsolidationXlsx(
  c: Consolidation,
  options: { generatedAt: Date; rulesVersion: string; followUp?: FollowUp | null },
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  stampWorkbook(wb, options.generatedAt);
  const sheets = buildConsolidationSheets(c, options.followUp ?? null);
  for (const s of sheets) addSheet(wb, s);
  addDefinitions(wb, options);
  const charts = sheets.flatMap((s) => {
    const chart = s.chart;
    if (!chart) return [];
    const below = chart.firstRow + chart.rows + 1;
    return [
      chartOfSheet(
        { ...s, chart },
        {
          fromColumn: chart.firstColumn,
          fromRow: below,
          toColumn: chart.firstColumn + 8,
          toRow: below + CHART_HEIGHT_ROWS,
        },
        "col",
      ),
    ];
  });
  return addCharts(await toBytes(wb), charts);
}
