import type { Finding } from "./findings";

/** A rectangle of cells, 0-based (A1 is row 0, column 0). */
export interface CellBox {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/**
 * One data edit Excel reported (worksheet.onChanged): the sheet, Office's DataChangeType ("RangeEdited",
 * "RowInserted", "RowDeleted", "ColumnInserted", …, "Unknown") and the changed areas (null when the
 * address was not a cell range, e.g. whole columns "B:B").
 */
export interface SheetChange {
  sheet: string;
  changeType: string;
  areas: CellBox[] | null;
}

/** A block of whole rows to read again: 0-based sheet coordinates, as the cached SheetData's origin. */
export interface RowBlock {
  sheet: string;
  row: number;
  rowCount: number;
  column: number;
  columnCount: number;
}

/** What Excel holds in a block now: values as Range.values, formulas as Range.formulas. */
export interface RowBlockCells {
  values: unknown[][];
  formulas: unknown[][];
}

/** Stops reporting edits. */
export interface ChangeWatch {
  stop(): Promise<void>;
}

/**
 * What re-checking as the user types needs from the open workbook (the Office adapter only: a file does
 * not change under the pane).
 */
export interface LiveCheckPort {
  /** False when the host cannot report edits (ExcelApi 1.7 missing): the option is not offered. */
  readonly canWatchChanges: boolean;
  /** Reports every data edit of every sheet present now, until stopped. */
  watchChanges(onChange: (change: SheetChange) => void): Promise<ChangeWatch>;
  /** Reads the blocks again, in one request. */
  readRows(blocks: readonly RowBlock[]): Promise<RowBlockCells[]>;
  /**
   * Rewrites the highlights of these rows (1-based, by sheet) from the findings, leaving every other cell
   * as it is: new cells filled, fixed ones restored to their own fill. Nothing when the user has not
   * highlighted in this session. Returns whether there were highlights to update.
   */
  refreshHighlights(
    rows: ReadonlyMap<string, ReadonlySet<number>>,
    findings: readonly Finding[],
  ): Promise<boolean>;
}

export function canCheckLive(port: unknown): port is LiveCheckPort {
  return (
    typeof port === "object" &&
    port !== null &&
    (port as Partial<LiveCheckPort>).canWatchChanges === true &&
    typeof (port as Partial<LiveCheckPort>).watchChanges === "function"
  );
}
