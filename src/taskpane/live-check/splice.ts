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

/**
 * Formula cells outside the edited rows may depend on them (a total, the structure sheet summing the
 * people table), and Excel reports no edit when it recalculates them: their values are read again with
 * the edited rows, one strip per sheet column (from its first formula row to its last).
 */
export function formulaStrips(
  data: WorkbookData,
  edited: ReadonlyMap<string, ReadonlySet<number>>,
): RowBlock[] {
  const strips: RowBlock[] = [];
  for (const sheet of data.sheets) {
    const rows = edited.get(sheet.name);
    const byColumn = new Map<number, { top: number; bottom: number }>();
    for (const f of sheet.formulas ?? []) {
      if (rows?.has(f.row + 1)) continue;
      const span = byColumn.get(f.col);
      if (!span) byColumn.set(f.col, { top: f.row, bottom: f.row });
      else {
        span.top = Math.min(span.top, f.row);
        span.bottom = Math.max(span.bottom, f.row);
      }
    }
    for (const [column, { top, bottom }] of [...byColumn].sort((a, b) => a[0] - b[0]))
      strips.push({ sheet: sheet.name, row: top, rowCount: bottom - top + 1, column, columnCount: 1 });
  }
  return strips;
}

/** The cached workbook with the formula cells of the strips holding the values Excel computed now. */
export function refreshFormulaValues(
  data: WorkbookData,
  strips: readonly RowBlock[],
  cells: readonly RowBlockCells[],
): WorkbookData {
  if (strips.length === 0) return data;
  const sheets = data.sheets.map((sheet) => {
    const mine = strips.map((b, i) => ({ b, c: cells[i] })).filter(({ b }) => b.sheet === sheet.name);
    if (mine.length === 0) return sheet;
    const origin = sheet.origin ?? { row: 0, col: 0 };
    const formulaAt = new Set((sheet.formulas ?? []).map((f) => `${f.row},${f.col}`));
    const rows = sheet.rows.slice();
    const copied = new Set<number>();
    for (const { b, c } of mine)
      c.values.forEach((line, k) => {
        const row = b.row + k;
        if (!formulaAt.has(`${row},${b.column}`)) return;
        const index = row - origin.row;
        if (!copied.has(index)) {
          rows[index] = (rows[index] ?? []).slice();
          copied.add(index);
        }
        (rows[index] as unknown[])[b.column - origin.col] = line[0];
      });
    return { ...sheet, rows };
  });
  return { ...data, sheets };
}
