import type { ReportSheet } from "../core";
import { withQuietWrites, type OfficeFeatures } from "./quiet";

export const CONSOLIDATION_CHART = "BilanIAE_Consolidation";
/** Points per character of column width (Calibri 11: about 7 px per character, 0.75 pt per px). */
const POINTS_PER_CHAR = 5.6;
const HEADER_FILL = "#DDEBF7";
const CHART_WIDTH_COLUMNS = 8;
const CHART_HEIGHT_ROWS = 20;

/** A1 address of a 0-based cell. */
function cellAddress(row: number, column: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${row + 1}`;
}

/**
 * Writes the consolidation sheets (core model) into the open workbook, creating them or refreshing
 * them in place so formulas of the department's other sheets keep pointing at them: at most 3 syncs
 * for all sheets (which exist, their charts, then one batch of writes).
 */
export async function writeConsolidationSheets(
  context: Excel.RequestContext,
  sheets: readonly ReportSheet[],
  features: OfficeFeatures,
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  const existing = sheets.map((s) => {
    const ws = worksheets.getItemOrNullObject(s.name);
    ws.load("name");
    return ws;
  });
  if (features.events) context.runtime.load("enableEvents");
  await context.sync();
  const previousEvents = features.events ? context.runtime.enableEvents : null;

  const present = existing.filter((ws) => !ws.isNullObject);
  let ourCharts: Excel.Chart[] = [];
  if (present.length > 0) {
    for (const ws of present) ws.charts.load("items/name");
    await context.sync();
    ourCharts = present.flatMap((ws) => ws.charts.items.filter((c) => c.name === CONSOLIDATION_CHART));
  }

  await withQuietWrites(context, features, previousEvents, () => {
    for (const chart of ourCharts) chart.delete();
    const written = sheets.map((sheet, i) => {
      const ws = existing[i].isNullObject ? worksheets.add(sheet.name) : existing[i];
      ws.getRange().clear("All");
      const rows = sheet.values.length;
      const cols = sheet.values[0]?.length ?? 0;
      const all = ws.getRangeByIndexes(0, 0, rows, cols);
      // Formats first: Excel parses a string written into a General cell (a SIRET) as a number.
      all.numberFormat = sheet.numberFormats;
      all.values = sheet.values.map((row) => row.map((v) => v ?? ""));
      for (const r of sheet.headerRows) {
        const header = ws.getRangeByIndexes(r, 0, 1, cols);
        header.format.font.bold = true;
        header.format.fill.color = HEADER_FILL;
      }
      sheet.columnWidths.forEach((w, c) => {
        ws.getRangeByIndexes(0, c, 1, 1).getEntireColumn().format.columnWidth = w * POINTS_PER_CHAR;
      });
      if (sheet.freeze.columns > 0)
        ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, sheet.freeze.rows, sheet.freeze.columns));
      else ws.freezePanes.freezeRows(sheet.freeze.rows);
      const c = sheet.chart;
      if (c) {
        const chart = ws.charts.add(
          "ColumnClustered",
          ws.getRangeByIndexes(c.firstRow, c.firstColumn, c.rows, c.columns),
          "Columns",
        );
        chart.name = CONSOLIDATION_CHART;
        chart.title.text = c.title;
        chart.legend.position = "Bottom";
        chart.axes.valueAxis.numberFormat = "0%";
        const top = c.firstRow + c.rows + 1;
        chart.setPosition(
          cellAddress(top, c.firstColumn),
          cellAddress(top + CHART_HEIGHT_ROWS, c.firstColumn + CHART_WIDTH_COLUMNS),
        );
      }
      return ws;
    });
    written[0]?.activate();
  });
}
