import {
  isIndicatorsSheetName,
  SEND_SHEET,
  type Analysis,
  type RowBlock,
  type SheetChange,
  type SheetData,
  type WorkbookData,
} from "../../core";

/** Why an edit needs the whole workbook read again (said in the pane). */
export type FullReason = "shape" | "header" | "sheet" | "outside" | "many";

export type RecheckPlan =
  | { kind: "none" }
  | { kind: "full"; reason: FullReason; rows: Map<string, Set<number>> }
  | { kind: "rows"; rows: Map<string, Set<number>>; blocks: RowBlock[] };

/** Beyond this many edited rows at once (a big paste), one full read is cheaper than the splice. */
export const MAX_LIVE_ROWS = 2000;

/** The add-in's own output sheets: editing them changes nothing the engine reads. */
function isOutputSheet(name: string): boolean {
  return name === SEND_SHEET || isIndicatorsSheetName(name);
}

function widthOf(sheet: SheetData): number {
  let width = 0;
  for (const row of sheet.rows) if (row.length > width) width = row.length;
  return width;
}

/**
 * What a burst of edits needs: nothing (only the add-in's own sheets), the edited rows read again (data
 * rows of a people table read at the last check), or a full re-check when the splice could not give what
 * a full read gives: rows or columns inserted or deleted, the header row or the structure block above it,
 * another sheet, cells outside the table's columns or its Excel Table, or too many rows.
 * `rows` (1-based, by sheet) are the edited rows known, whose highlights are rewritten.
 */
export function planRecheck(
  changes: readonly SheetChange[],
  data: WorkbookData,
  reports: readonly Analysis[],
): RecheckPlan {
  const rows = new Map<string, Set<number>>();
  let full: FullReason | null = null;
  const fallBack = (reason: FullReason) => (full ??= reason);
  for (const change of changes) {
    if (isOutputSheet(change.sheet)) continue;
    const known = rows.get(change.sheet) ?? new Set<number>();
    rows.set(change.sheet, known);
    for (const area of change.areas ?? [])
      for (let r = 0; r < Math.min(area.rowCount, MAX_LIVE_ROWS + 1); r++) known.add(area.row + r + 1);
    if (change.changeType !== "RangeEdited" || change.areas === null) {
      fallBack("shape");
      continue;
    }
    const tables = reports.flatMap((r) => r.tables).filter((t) => t.sheet === change.sheet);
    const sheet = data.sheets.find((s) => s.name === change.sheet);
    if (tables.length === 0 || !sheet) {
      fallBack("sheet");
      continue;
    }
    const headerRow = Math.max(...tables.map((t) => t.headerRow));
    const origin = sheet.origin ?? { row: 0, col: 0 };
    const width = widthOf(sheet);
    for (const area of change.areas) {
      if (area.row + 1 <= headerRow) fallBack("header");
      else if (area.column < origin.col || area.column + area.columnCount > origin.col + width)
        fallBack("outside");
      // An Excel Table grows when typed under: its cached range would be wrong.
      else if (
        (sheet.tables ?? []).length > 0 &&
        !(sheet.tables ?? []).some(
          (t) =>
            area.row > t.range.top &&
            area.row + area.rowCount - 1 <= t.range.bottom - (t.totalsRow ? 1 : 0) &&
            area.column >= t.range.left &&
            area.column + area.columnCount - 1 <= t.range.right,
        )
      )
        fallBack("outside");
    }
  }
  for (const [sheet, set] of rows) if (set.size === 0) rows.delete(sheet);
  let count = 0;
  for (const set of rows.values()) count += set.size;
  if (full === null && count > MAX_LIVE_ROWS) full = "many";
  if (full !== null) return { kind: "full", reason: full, rows };
  if (count === 0) return { kind: "none" };
  return { kind: "rows", rows, blocks: blocksOf(rows, data) };
}

/** Runs of consecutive rows, each read as whole rows of the cached sheet's width. */
function blocksOf(rows: Map<string, Set<number>>, data: WorkbookData): RowBlock[] {
  const blocks: RowBlock[] = [];
  for (const [name, set] of rows) {
    const sheet = data.sheets.find((s) => s.name === name)!;
    const column = sheet.origin?.col ?? 0;
    const columnCount = widthOf(sheet);
    const sorted = [...set].sort((a, b) => a - b);
    let start = sorted[0];
    let previous = start;
    for (const r of [...sorted.slice(1), Infinity]) {
      if (r === previous + 1) {
        previous = r;
        continue;
      }
      blocks.push({ sheet: name, row: start - 1, rowCount: previous - start + 1, column, columnCount });
      start = previous = r;
    }
  }
  return blocks;
}
