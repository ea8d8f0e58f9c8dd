import { withQuietWrites, type OfficeFeatures } from "./quiet";
import type { SheetLayout } from "./render/indicators-layout";

export const INDICATORS_CHART = "BilanIAE_Indicateurs";
/** Points per character of column width (Calibri 11: about 7 px per character, 0.75 pt per px). */
const POINTS_PER_CHAR = 5.6;

/**
 * Creates the sheet or refreshes it in place (same sheet, so references from other sheets keep
 * working): clear, write values and formats, re-create our chart. 3 syncs. The layout is built after
 * the first sync, which also carries whatever loads the caller queued before (the stored receipt), and
 * `alsoWrite` queues other writes into the writing batch, so callers add no sync of their own.
 */
export async function writeSheetLayout(
  context: Excel.RequestContext,
  name: string,
  layoutOf: () => SheetLayout,
  features: OfficeFeatures,
  alsoWrite?: () => void,
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  const existing = worksheets.getItemOrNullObject(name);
  existing.load("name");
  if (features.events) context.runtime.load("enableEvents");
  await context.sync();
  const layout = layoutOf();
  const previousEvents = features.events ? context.runtime.enableEvents : null;
  let ourCharts: Excel.Chart[] = [];
  if (!existing.isNullObject) {
    existing.charts.load("items/name");
    await context.sync();
    ourCharts = existing.charts.items.filter((c) => c.name === INDICATORS_CHART);
  }

  await withQuietWrites(context, features, previousEvents, () => {
    const ws = existing.isNullObject ? worksheets.add(name) : existing;
    for (const chart of ourCharts) chart.delete();
    ws.getRange().clear("All");
    const rows = layout.values.length;
    const cols = layout.values[0]?.length ?? 0;
    const all = ws.getRangeByIndexes(0, 0, rows, cols);
    // Formats first: Excel parses a string written into a General cell ("01/01/2025", a SIRET) as a number.
    all.numberFormat = layout.numberFormats;
    all.values = layout.values;
    const title = ws.getRangeByIndexes(layout.titleRow, 0, 1, 1);
    title.format.font.bold = true;
    title.format.font.size = 14;
    for (const r of layout.labelRows) ws.getRangeByIndexes(r, 0, 1, 1).format.font.bold = true;
    for (const r of layout.headerRows) {
      const header = ws.getRangeByIndexes(r, 0, 1, cols);
      header.format.font.bold = true;
      header.format.fill.color = "#DDEBF7";
    }
    layout.columnWidths.forEach((w, i) => {
      ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = w * POINTS_PER_CHAR;
    });
    if (layout.chart) {
      const chart = ws.charts.add("BarClustered", ws.getRange(layout.chart.dataAddress), "Columns");
      chart.name = INDICATORS_CHART;
      chart.title.text = layout.chart.title;
      chart.legend.position = "Bottom";
      chart.axes.valueAxis.numberFormat = "0%";
      chart.setPosition("F2", "N30");
    }
    alsoWrite?.();
    ws.activate();
  });
}
