import { a1, type CellRange, type CellValue, type FormulaCell } from "../core";
import { cellBodyValue, GENERAL, MAX_COL, scanCells, type ScanState } from "./cell-scanner";
import { cellTypeOf, type ValueContext } from "./cell-value";
import { SheetTail } from "./sheet-tail";
import { attr, forEachElement } from "./xml";
import {
  concatBytes,
  indexOfBytes,
  isNameEnd,
  isRowName,
  isSpace,
  isWordChar,
  lastRowEnd,
  lastRowStart,
  textAt,
} from "./xml-bytes";

export interface SheetParseContext extends ValueContext {
  /** Stop when a non-empty row lies beyond this 1-based row number. */
  maxRows: number;
  /** Longest row XML accepted, in bytes (default 64 Mi). */
  maxRowBytes?: number;
  /** Formula cells accepted on this sheet (TooManyFormulas past it). */
  maxFormulas?: number;
  /** Merged ranges accepted on this sheet (TooManyMerges past it). */
  maxMerges?: number;
}

/** Thrown when the sheet has more formula cells than SheetParseContext.maxFormulas. */
export class TooManyFormulas extends Error {
  constructor(readonly count: number) {
    super(`${count} formulas`);
  }
}

/** Thrown when the sheet has more merged ranges than SheetParseContext.maxMerges. */
export class TooManyMerges extends Error {
  constructor(readonly count: number) {
    super(`${count} merged ranges`);
  }
}

/** What the parser gives for a sheet: SheetData without tables, plus the relationship ids of its table parts. */
export interface ParsedSheet {
  name: string;
  rows: CellValue[][];
  origin: { row: number; col: number };
  formulas: FormulaCell[];
  merges: CellRange[];
  tableRelIds: string[];
}

/** Longest row XML accepted (a real row is a few KB): past it the file is damaged or hostile. */
const MAX_ROW_BYTES = 64 * 1024 * 1024;

/** Bytes kept while no row has ended: bounded, so a sheet of empty rows does not fill memory. */
const MAX_IDLE_BYTES = 1 << 20;

/** Thrown when one row's XML is absurdly long (never a real report). */
export class RowTooLong extends Error {
  constructor() {
    super("row too long");
  }
}

/**
 * Cells of the used range accepted (rows × columns, every cell of the rectangle becomes an array slot): a
 * report is a few hundred thousand; past this the sheet has values far from its table (a cell typed in
 * column XFD) and the arrays would exhaust memory.
 */
const MAX_CELLS = 20_000_000;

/** Thrown by finish when the used range is past MAX_CELLS (turned into a `read.*` UserError by the caller). */
export class TooManyCells extends Error {
  constructor(
    /** The last cell of the used range, A1 ("XFD100000"). */
    readonly lastCell: string,
    readonly cells: number,
  ) {
    super(`used range up to ${lastCell}`);
  }
}

/** Thrown by the parser when the sheet goes past maxRows (turned into a `read.*` UserError by the caller). */
export class TooManyRows extends Error {
  constructor(readonly row: number) {
    super(`row ${row}`);
  }
}

/** "</row>" in bytes (ASCII). */
const ROW_CLOSE = Uint8Array.from("</row>", (c) => c.charCodeAt(0));

/** UTF-8 bytes of a text (made at the call, not at import: see xml-bytes). */
function utf8Bytes(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/** 0-based column index of an A1 reference's letters ("C12" → 2). */
function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n - 1;
}

/**
 * Incremental parser of a worksheet part: feed it its UTF-8 bytes in chunks, in order; it keeps the cells of complete
 * <row> elements. Values come out as Office.js Range.values would give them (errors as "#N/A"…,
 * formulas as their cached result), except that date-formatted numbers become Date objects.
 */
export class SheetParser {
  /** Rows indexed from column A (absolute), in order of appearance with their 0-based row index. */
  private readonly rows: { r: number; cells: CellValue[] }[] = [];
  /** Bytes after the last complete row, in the order received (no row ends in them). */
  private carry: Uint8Array[] = [];
  private carryLength = 0;
  /** The carry is one row longer than MAX_IDLE_BYTES: it grows until its end (or the row limit). */
  private inLongRow = false;
  private nextRow = 0;
  private readonly state: ScanState = {
    minCol: Number.POSITIVE_INFINITY,
    maxCol: -1,
    rowEnd: -1,
    row: 0,
    formulas: [],
  };
  private sorted = true;
  /** Set once </sheetData> is seen: what follows (merged cells, table parts) goes to it, not to the row parser. */
  private tail: SheetTail | null = null;

  constructor(private readonly ctx: SheetParseContext) {}

  /** Non-empty rows read so far (for progress; the empty rows between them are not counted). */
  get rowCount(): number {
    return this.rows.length;
  }

  /** Feeds the next bytes of the part (UTF-8; a string is encoded first). */
  push(chunk: Uint8Array | string): void {
    const bytes = typeof chunk === "string" ? utf8Bytes(chunk) : chunk;
    if (bytes.length === 0) return;
    if (this.tail) return this.tail.push(bytes);
    this.pushRows(bytes);
    this.enterTailIfSheetDataEnded();
  }

  private pushRows(bytes: Uint8Array): void {
    let end = lastRowEnd(bytes, 0);
    if (end < 0 && this.carryLength > 0) end = this.endAcrossBoundary(bytes);
    if (end < 0) {
      this.carry.push(bytes);
      this.carryLength += bytes.length;
      if (this.carryLength > (this.ctx.maxRowBytes ?? MAX_ROW_BYTES)) throw new RowTooLong();
      if (this.carryLength > MAX_IDLE_BYTES && !this.inLongRow) this.trimIdle();
      return;
    }
    let data = bytes;
    let stop = end;
    if (this.carryLength > 0) {
      this.carry.push(bytes);
      data = concatBytes(this.carry);
      stop = end + this.carryLength;
    }
    this.parseRows(data, stop);
    // A copy: the rest must not keep the whole chunk alive.
    this.carry = stop < data.length ? [data.slice(stop)] : [];
    this.carryLength = data.length - stop;
    this.inLongRow = false;
  }

  /**
   * The carry starts right after the last complete row: when it starts with </sheetData>, the rows are over
   * and the rest of the part (merged cells, table parts) is scanned by the tail scanner, not kept.
   */
  private enterTailIfSheetDataEnded(): void {
    if (this.carryLength === 0) return;
    if (this.carry.length > 1 && this.carry[0].length < 64) this.carry = [concatBytes(this.carry)];
    const b = this.carry[0];
    let i = 0;
    while (i < b.length && isSpace(b[i])) i++;
    if (b[i] !== 60 || b[i + 1] !== 47) return;
    i += 2;
    let colon = -1;
    let k = i;
    while (k < b.length && (isWordChar(b[k]) || b[k] === 58)) {
      if (b[k] === 58) colon = k;
      k++;
    }
    if (textAt(b, colon >= 0 ? colon + 1 : i, k) !== "sheetData") return;
    this.tail = new SheetTail(this.ctx.maxMerges ?? Number.POSITIVE_INFINITY, (n) => new TooManyMerges(n));
    for (const part of this.carry) this.tail.push(part);
    this.carry = [];
    this.carryLength = 0;
  }

  /** A row end whose closing tag straddles the carry and `bytes`, as an index in `bytes`; -1 if none. */
  private endAcrossBoundary(bytes: Uint8Array): number {
    const last = this.carry[this.carry.length - 1];
    const tail = last.subarray(Math.max(0, last.length - 64));
    const window = concatBytes([tail, bytes.subarray(0, 64)]);
    const end = lastRowEnd(window, 0);
    return end > tail.length ? end - tail.length : -1;
  }

  /** No row has ended in a long carry: keep it from the last row start (rows before it were empty). */
  private trimIdle(): void {
    const data = concatBytes(this.carry);
    const k = lastRowStart(data);
    const kept = k > 0 ? data.slice(k) : k < 0 ? data.slice(-64) : data;
    this.carry = [kept];
    this.carryLength = kept.length;
    this.inLongRow = k === 0 || kept.length > MAX_IDLE_BYTES;
  }

  /** Every row element of b[0, end) (complete rows, plus self-closing ones). */
  private parseRows(b: Uint8Array, end: number): void {
    let pos = 0;
    for (;;) {
      const lt = b.indexOf(60 /* < */, pos);
      if (lt < 0 || lt >= end) return;
      // The element's name, with its prefix if any (<row>, <x:row>).
      let i = lt + 1;
      if (b[i] === 47 /* / */ || b[i] === 33 /* ! */ || b[i] === 63 /* ? */) {
        pos = i;
        continue;
      }
      let colon = -1;
      while (i < end && (isWordChar(b[i]) || (b[i] === 58 && colon < 0))) {
        if (b[i] === 58) colon = i;
        i++;
      }
      const local = colon >= 0 ? colon + 1 : lt + 1;
      if (i - local !== 3 || !isRowName(b, local) || !isNameEnd(b[i])) {
        pos = i; // <sheetData>, <rowBreaks>…
        continue;
      }
      let gt = i;
      while (gt < end && b[gt] !== 62) gt++;
      if (gt >= end) return;
      const selfClosing = b[gt - 1] === 47;
      const rAttr = attr(textAt(b, i, selfClosing ? gt - 1 : gt), "r");
      const r = rAttr !== null && /^\d+$/.test(rAttr) ? Number(rAttr) - 1 : this.nextRow;
      this.nextRow = r + 1;
      pos = gt + 1;
      if (selfClosing) continue;
      this.state.row = r;
      const formulasBefore = this.state.formulas.length;
      let cells: CellValue[] | null | typeof GENERAL =
        colon < 0 ? scanCells(b, gt + 1, end, this.ctx, this.state) : GENERAL;
      if (cells === GENERAL) {
        // The general parser reads the row again from its start: the formulas the scanner found would be twice.
        this.state.formulas.length = formulasBefore;
        const close = colon < 0 ? ROW_CLOSE : utf8Bytes(`</${textAt(b, lt + 1, local)}row>`);
        const rowClose = indexOfBytes(b, close, gt + 1, end);
        if (rowClose < 0) return;
        pos = rowClose + close.length;
        cells = this.parseCellsGeneral(textAt(b, gt + 1, rowClose));
      } else {
        if (this.state.rowEnd < 0) return;
        pos = this.state.rowEnd;
      }
      if (this.state.formulas.length > (this.ctx.maxFormulas ?? Number.POSITIVE_INFINITY))
        throw new TooManyFormulas(this.state.formulas.length);
      if (cells === null) continue;
      if (r + 1 > this.ctx.maxRows) throw new TooManyRows(r + 1);
      // Rows repeating one r="1" would pass the test above forever while each is kept.
      if (this.rows.length >= this.ctx.maxRows) throw new TooManyRows(this.rows.length + 1);
      if (this.rows.length > 0 && this.rows[this.rows.length - 1].r >= r) this.sorted = false;
      this.rows.push({ r, cells });
    }
  }

  /** General path: namespace prefixes, single quotes, spaces around "=" (rare writers). */
  private parseCellsGeneral(xml: string): CellValue[] | null {
    let out: CellValue[] | null = null;
    let nextCol = 0;
    forEachElement(xml, ["c"], (_name, attrs, body) => {
      const ref = attr(attrs, "r");
      const col = ref ? columnIndex(ref) : nextCol;
      nextCol = col + 1;
      if (body === null || body.length === 0 || col < 0 || col > MAX_COL) return;
      const style = attr(attrs, "s");
      const value = cellBodyValue(
        body,
        cellTypeOf(attr(attrs, "t")),
        style === null ? -1 : Number(style),
        this.ctx,
        col,
        this.state,
      );
      if (value === "") return;
      if (out === null) out = [];
      out[col] = value;
      if (col < this.state.minCol) this.state.minCol = col;
      if (col > this.state.maxCol) this.state.maxCol = col;
    });
    return out;
  }

  /** Dense rows from the used range (first to last non-empty row and column), empty cells as "". */
  finish(name: string): ParsedSheet {
    if (this.carryLength > 0) {
      const data = concatBytes(this.carry);
      this.parseRows(data, data.length);
      this.carry = [];
      this.carryLength = 0;
    }
    const formulas = this.state.formulas;
    if (formulas.length > (this.ctx.maxFormulas ?? Number.POSITIVE_INFINITY))
      throw new TooManyFormulas(formulas.length);
    const merges = this.tail?.merges ?? [];
    const tableRelIds = this.tail?.tableRelIds ?? [];
    if (this.rows.length === 0)
      return { name, rows: [], origin: { row: 0, col: 0 }, formulas, merges, tableRelIds };
    if (!this.sorted) this.rows.sort((a, b) => a.r - b.r);
    const first = this.rows[0].r;
    const last = this.rows[this.rows.length - 1].r;
    const minCol = this.state.minCol;
    const width = this.state.maxCol - minCol + 1;
    const cells = (last - first + 1) * width;
    if (cells > MAX_CELLS) throw new TooManyCells(a1(last + 1, this.state.maxCol + 1), cells);
    const dense: CellValue[][] = new Array(last - first + 1);
    let k = 0;
    for (let r = first; r <= last; r++) {
      let row: CellValue[] | null = null;
      while (k < this.rows.length && this.rows[k].r === r) {
        const cells = this.rows[k].cells;
        if (row === null) row = cells;
        else for (let c = 0; c < cells.length; c++) if (cells[c] !== undefined) row[c] = cells[c];
        k++;
      }
      if (row === null) {
        dense[r - first] = new Array<CellValue>(width).fill("");
        continue;
      }
      // Holes → "" (as Office gives empty cells), then drop the columns left of the used range.
      for (let c = minCol; c < minCol + width; c++) if (row[c] === undefined) row[c] = "";
      if (minCol > 0) row = row.slice(minCol, minCol + width);
      else if (row.length > width) row.length = width;
      dense[r - first] = row;
    }
    return { name, rows: dense, origin: { row: first, col: minCol }, formulas, merges, tableRelIds };
  }
}
