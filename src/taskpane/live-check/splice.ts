import type { FormulaCell, RowBlock, RowBlockCells, SheetData, WorkbookData } from "../../core";

/**
 * The cached workbook with the blocks' rows replaced by what Excel holds now: what a full read would
 * give for those rows (values, and the formula cells among them). Other sheets and rows are shared, not
 * copied. Rows past the cached end (a person typed under the table) are added, empty ones in between.
 */
export function spliceRows(
  data: WorkbookData,
  blocks: readonly RowBlock[],
  cells: readonly RowBlockCells[],
): WorkbookData {
  const sheets = data.sheets.map((sheet) => {
    const mine = blocks.map((b, i) => ({ b, c: cells[i] })).filter(({ b }) => b.sheet === sheet.name);
    return mine.length === 0 ? sheet : spliceSheet(sheet, mine);
  });
  return { ...data, sheets };
}

function spliceSheet(sheet: SheetData, edits: { b: RowBlock; c: RowBlockCells }[]): SheetData {
  const origin = sheet.origin ?? { row: 0, col: 0 };
  const rows = sheet.rows.slice();
  const touched = new Set<number>();
  const formulas: FormulaCell[] = [];
  for (const { b, c } of edits) {
    c.values.forEach((line, k) => {
      const index = b.row + k - origin.row;
      while (rows.length < index) rows.push(new Array<unknown>(b.columnCount).fill(""));
      rows[index] = line;
      touched.add(b.row + k);
    });
    c.formulas.forEach((line, k) =>
      line.forEach((f, j) => {
        // Office gives a formula cell's text with its "="; any other cell's entry is its value.
        if (typeof f === "string" && f.startsWith("="))
          formulas.push({ row: b.row + k, col: b.column + j, formula: f.slice(1) });
      }),
    );
  }
  const kept = (sheet.formulas ?? []).filter((f) => !touched.has(f.row));
  return { ...sheet, rows, formulas: [...kept, ...formulas] };
}
