import type { RowBlock, RowBlockCells } from "../core";

/** Values and formulas of each block, all in one request (the blocks are the few rows just edited). */
export async function readRowBlocks(
  context: Excel.RequestContext,
  blocks: readonly RowBlock[],
): Promise<RowBlockCells[]> {
  const ranges = blocks.map((b) => {
    const range = context.workbook.worksheets
      .getItem(b.sheet)
      .getRangeByIndexes(b.row, b.column, b.rowCount, b.columnCount);
    range.load("values,formulas");
    return range;
  });
  if (ranges.length === 0) return [];
  await context.sync();
  return ranges.map((r) => ({ values: r.values as unknown[][], formulas: r.formulas as unknown[][] }));
}
