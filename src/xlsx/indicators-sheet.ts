import type ExcelJS from "exceljs";
import type { SheetLayout } from "../core";
import { chartOfSheet, type ColumnChartSpec } from "./xlsx-chart";

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
/** Where the chart sits: F2:N30, as the add-in places it in Excel (0-based, the "to" cell excluded). */
const CHART_ANCHOR = { fromColumn: 5, fromRow: 1, toColumn: 14, toRow: 30 };

/**
 * Copies an "Indicateurs" layout (src/core/report/indicators-layout, the same cells the add-in writes in
 * Excel) into an ExcelJS sheet, replacing a sheet of that name. ExcelJS cannot draw charts: the returned
 * spec is added to the saved bytes by `addCharts`.
 */
export function writeIndicatorsSheet(wb: ExcelJS.Workbook, layout: SheetLayout): ColumnChartSpec | null {
  const existing = wb.getWorksheet(layout.name);
  if (existing) wb.removeWorksheet(existing.id);
  const ws = wb.addWorksheet(layout.name);
  ws.columns = layout.columnWidths.map((width) => ({ width }));
  layout.values.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === "") return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = value;
      const fmt = layout.numberFormats[r][c];
      if (fmt !== "General") cell.numFmt = fmt;
    });
  });
  const title = ws.getCell(layout.titleRow + 1, 1);
  title.font = { bold: true, size: 14 };
  for (const r of layout.labelRows) ws.getCell(r + 1, 1).font = { bold: true };
  const width = layout.values[0]?.length ?? 0;
  for (const r of layout.headerRows)
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r + 1, c);
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
    }
  const columnHeader = layout.headerRows[0];
  if (columnHeader !== undefined) ws.views = [{ state: "frozen", ySplit: columnHeader + 1 }];
  return layout.chart ? chartOfSheet({ ...layout, chart: layout.chart }, CHART_ANCHOR, "bar") : null;
}
