import type ExcelJS from "exceljs";
import { buildIndicatorsSheet, type Analysis, type IndicatorsSheetOptions } from "../core";
import { styleHeaderRow } from "./exceljs-util";

/**
 * Renders the shared "Indicateurs" model (src/core/report) with ExcelJS: title, structure/period
 * header, sections of label/value/target/definition. ExcelJS cannot draw charts: the chart data of
 * the model is written as the table's values and targets (the add-in draws the chart in Excel).
 */
export function writeIndicatorsSheet(
  wb: ExcelJS.Workbook,
  analysis: Analysis,
  options: IndicatorsSheetOptions,
): ExcelJS.Worksheet {
  const model = buildIndicatorsSheet(analysis, options);
  const existing = wb.getWorksheet(model.sheetName);
  if (existing) wb.removeWorksheet(existing.id);
  const ws = wb.addWorksheet(model.sheetName);
  ws.columns = [{ width: 46 }, { width: 16 }, { width: 12 }, { width: 90 }];
  ws.getCell("A1").value = model.title;
  ws.getCell("A1").font = { bold: true, size: 14 };
  let r = 3;
  for (const h of model.header) {
    ws.getCell(r, 1).value = h.label;
    ws.getCell(r, 1).font = { bold: true };
    ws.getCell(r, 2).value = h.value;
    r++;
  }
  r++;
  const head = ws.getRow(r);
  head.values = [model.columns.label, model.columns.value, model.columns.target, model.columns.definition];
  styleHeaderRow(head);
  const headerRow = r;
  r++;
  for (const section of model.sections) {
    ws.getCell(r, 1).value = section.title;
    ws.getCell(r, 1).font = { bold: true, color: { argb: "FF1F4E78" } };
    r++;
    for (const row of section.rows) {
      ws.getCell(r, 1).value = row.label;
      const v = ws.getCell(r, 2);
      v.value = row.value;
      v.numFmt = row.numberFormat;
      if (row.target !== null) {
        ws.getCell(r, 3).value = row.target;
        ws.getCell(r, 3).numFmt = row.numberFormat;
      }
      ws.getCell(r, 4).value = row.definition;
      ws.getCell(r, 4).alignment = { wrapText: false };
      r++;
    }
  }
  if (model.send) {
    r++;
    ws.getCell(r, 1).value = model.send.title;
    ws.getCell(r, 1).font = { bold: true, color: { argb: "FF1F4E78" } };
    r++;
    for (const line of model.send.lines) {
      ws.getCell(r, 1).value = line.label;
      ws.getCell(r, 1).font = { bold: true };
      ws.getCell(r, 2).value = line.value;
      r++;
    }
  }
  ws.views = [{ state: "frozen", ySplit: headerRow }];
  return ws;
}
