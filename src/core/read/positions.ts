import type { TableInfo } from "../model/analysis";
import type { MappedField } from "../model/fields";
import { a1 } from "../findings/a1";

export interface CellPosition {
  sheet: string;
  cell: string;
  row: number;
  column: number;
}

/** Where a field of a data row sits in the sheet, or null when the field has no column. */
export function fieldPosition(table: TableInfo, field: MappedField, excelRow: number): CellPosition | null {
  const col = table.columns.find((c) => c.field === field);
  if (!col) return null;
  const column = table.firstColumn + col.index;
  return { sheet: table.sheet, cell: a1(excelRow, column), row: excelRow, column };
}

/** Position of the first cell of a data row (for row-level findings whose field has no column). */
export function rowPosition(table: TableInfo, excelRow: number): CellPosition {
  return {
    sheet: table.sheet,
    cell: a1(excelRow, table.firstColumn),
    row: excelRow,
    column: table.firstColumn,
  };
}
