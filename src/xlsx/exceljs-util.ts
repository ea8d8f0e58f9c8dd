import type ExcelJS from "exceljs";

/** ExcelJS has range data validations at runtime (worksheet.dataValidations.add) but not in its typings. */
export function addRangeValidation(
  ws: ExcelJS.Worksheet,
  range: string,
  validation: ExcelJS.DataValidation,
): void {
  (
    ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations.add(range, validation);
}

export const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E78" } };
export const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: "FFFFFFFF" } };

export function styleHeaderRow(row: ExcelJS.Row): void {
  row.font = HEADER_FONT;
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: "middle", wrapText: true };
  });
}

/** Fixed workbook metadata, so generated files do not change from run to run. */
export function stampWorkbook(wb: ExcelJS.Workbook, date: Date): void {
  wb.creator = "Bilan IAE";
  wb.lastModifiedBy = "Bilan IAE";
  wb.created = date;
  wb.modified = date;
}

export async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
