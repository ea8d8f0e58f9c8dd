import { withQuietWrites, type OfficeFeatures } from "./quiet";
import type { SheetLayout } from "../core";

export const INDICATORS_CHART = "BilanIAE_Indicateurs";
/** Points per character of column width (Calibri 11: about 7 px per character, 0.75 pt per px). */
const POINTS_PER_CHAR = 5.6;

/**
 * Creates the sheets or refreshes them in place (same sheet, so references from other sheets keep
 * working): clear, write values and formats, re-create our chart; sheets `isStale` names that no layout
 * asks for are deleted (an « Indicateurs EI » once the EI convention is gone). 3 syncs whatever the
 * number of sheets. The layouts are built after the first sync, which also carries whatever loads the
 * caller queued before (the stored receipts), and `alsoWrite` queues other writes into the writing
 * batch, so callers add no sync of their own.
 */
export async function writeSheetLayouts(
  context: Excel.RequestContext,
  layoutsOf: () => SheetLayout[],
  isStale: (name: string) => boolean,
  features: OfficeFeatures,
  alsoWrite?: () => void,
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  if (features.events) context.runtime.load("enableEvents");
  await context.sync();
  const layouts = layoutsOf();
  const previousEvents = features.events ? context.runtime.enableEvents : null;
  const wanted = new Set(layouts.map((l) => l.name));
  const existing = new Map(worksheets.items.map((ws) => [ws.name, ws]));
  const stale = worksheets.items.filter((ws) => !wanted.has(ws.name) && isStale(ws.name));
  const refreshed = layouts
    .map((l) => existing.get(l.name))
    .filter((ws): ws is Excel.Worksheet => ws !== undefined);
  for (const ws of refreshed) ws.charts.load("items/name");
  if (refreshed.length > 0) await context.sync();

  await withQuietWrites(context, features, previousEvents, () => {
    for (const ws of stale) ws.delete();
    let first: Excel.Worksheet | null = null;
    for (const layout of layouts) {
      const old = existing.get(layout.name);
      // Only our chart goes: a chart the user added to the sheet stays.
      if (old) for (const chart of old.charts.items) if (chart.name === INDICATORS_CHART) chart.delete();
      const ws = old ?? worksheets.add(layout.name);
      writeLayout(ws, layout);
      first ??= ws;
    }
    alsoWrite?.();
    first?.activate();
  });
}

function writeLayout(ws: Excel.Worksheet, layout: SheetLayout): void {
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
    const c = layout.chart;
    const data = ws.getRangeByIndexes(c.firstRow, c.firstColumn, c.rows, c.columns);
    const chart = ws.charts.add("BarClustered", data, "Columns");
    chart.name = INDICATORS_CHART;
    chart.title.text = layout.chart.title;
    chart.legend.position = "Bottom";
    chart.axes.valueAxis.numberFormat = "0%";
    chart.setPosition("F2", "N30");
  }
}
