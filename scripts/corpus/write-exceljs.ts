import ExcelJS from "exceljs";
import JSZip from "jszip";
import { GENERATED_AT, isFormula, type CellInput, type SheetModel, type WorkbookModel } from "./model";

const DATE_FORMAT = "dd/mm/yyyy";

function toExcelJs(v: CellInput): ExcelJS.CellValue {
  if (isFormula(v)) return { formula: v.formula, result: v.result } as ExcelJS.CellFormulaValue;
  return v;
}

const isDateCell = (v: CellInput) => v instanceof Date || (isFormula(v) && v.result instanceof Date);

/** Excel Table with its totals row, written by ExcelJS itself (ws.addTable) as Excel users make them. */
function addTable(ws: ExcelJS.Worksheet, sheet: SheetModel): void {
  const t = sheet.table;
  if (!t) return;
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = t.headerRow + 1; r <= t.lastDataRow; r++)
    rows.push(
      t.columns.map((_c, i) => (sheet.has(r, i + 1) ? toExcelJs(sheet.get(r, i + 1) as CellInput) : null)),
    );
  const totalsRow = t.lastDataRow + 1;
  ws.addTable({
    name: t.name,
    ref: `A${t.headerRow}`,
    headerRow: true,
    totalsRow: t.totalsRow,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: t.columns.map((c, i) => {
      const total = sheet.get(totalsRow, i + 1);
      return {
        name: c.name,
        filterButton: true,
        totalsRowLabel: c.totalsLabel,
        totalsRowFunction: c.totalsFunction ?? "none",
        totalsRowResult: isFormula(total) ? total.result : undefined,
      } as ExcelJS.TableColumnProperties;
    }),
    rows,
  });
}

const inTable = (sheet: SheetModel, row: number, col: number) =>
  sheet.table !== null &&
  row >= sheet.table.headerRow &&
  row <= sheet.table.lastDataRow + (sheet.table.totalsRow ? 1 : 0) &&
  col <= sheet.table.columns.length;

/** Re-zips with a fixed date on every entry, so regenerating gives the same bytes. */
export async function stableZip(bytes: Uint8Array): Promise<Buffer> {
  const src = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const n of Object.keys(src.files).filter((k) => !src.files[k].dir)) {
    out.file(n, await src.files[n].async("uint8array"), { date: GENERATED_AT, createFolders: false });
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** ExcelJS: shared strings, and formulas with the value a spreadsheet computed for them. */
export async function writeExcelJs(model: WorkbookModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Bilan IAE";
  wb.lastModifiedBy = "Bilan IAE";
  wb.created = GENERATED_AT;
  wb.modified = GENERATED_AT;
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    addTable(ws, sheet);
    for (const [r, cells] of sheet.rows) {
      for (const [c, v] of cells) {
        const cell = ws.getCell(r, c);
        if (!inTable(sheet, r, c)) cell.value = toExcelJs(v);
        if (isDateCell(v)) cell.numFmt = DATE_FORMAT;
      }
    }
    for (const m of sheet.merges) ws.mergeCells(m);
    for (let c = 1; c <= sheet.lastCol(); c++) ws.getColumn(c).width = 16;
  }
  return stableZip(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}
