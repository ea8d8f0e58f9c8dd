import type { CellValue, FormulaCell } from "../core";
import {
  CellType,
  cellTypeOf,
  formulaOf,
  inlineString,
  numberValue,
  rawValueOf,
  valueOfRaw,
  type ValueContext,
} from "./cell-value";
import { unescapeOoxml, unescapeXml } from "./xml";
import { isNameEnd, isSpace, textAt } from "./xml-bytes";

/** Last column Excel has (XFD): a reference beyond it is damage, its cell is ignored. */
export const MAX_COL = 16383;

/** Widest row array allocated ahead of its cells. */
const MAX_PREALLOCATED = 1024;

/** Returned when a row needs the general (regex) parser: namespace prefixes, single quotes, "a = b". */
export const GENERAL = 0;

/** Decimal digits a double holds exactly (fewer than 2^53), and the powers of ten that are exact. */
const MAX_EXACT_DIGITS = 15;
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

// The current cell's attributes (module-level: no allocation per cell).
let hasRef = false;
let refCol = -1;
let cellType: CellType = CellType.Number;
let cellStyle = -1;

/** Column of the letters at the start of b[start, end) ("C12" → 2), -1 when there are none. */
function columnAt(b: Uint8Array, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = b[i];
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n - 1;
}

/** The bytes of an ASCII text, to compare in place. */
const ascii = (s: string): readonly number[] => Array.from(s, (c) => c.charCodeAt(0));

/** True when b at `i` holds the bytes of `seq`. */
function bytesAt(b: Uint8Array, i: number, seq: readonly number[]): boolean {
  for (let k = 0; k < seq.length; k++) if (b[i + k] !== seq[k]) return false;
  return true;
}

/** The type streaming writers (openpyxl, POI's SXSSF) give every text cell. */
const INLINE_STR = ascii("inlineStr");

/** Type named by the `t` attribute's value b[start, end): "s" and "inlineStr" (text cells) in place. */
function typeAt(b: Uint8Array, start: number, end: number): CellType {
  if (end - start === 1 && b[start] === 115 /* s */) return CellType.Shared;
  // Budget of issue 17 (indicators ≤ 2 s on an inline-string file): no string made per text cell's type.
  if (end - start === INLINE_STR.length && bytesAt(b, start, INLINE_STR)) return CellType.InlineStr;
  return cellTypeOf(textAt(b, start, end));
}

const IS_T = ascii("<is><t");
const PRESERVE = ascii(' xml:space="preserve">');
const T_IS_CLOSE = ascii("</t></is>");

/**
 * The text of an inline string body b[start, end) that is one plain run (<is><t>…</t></is>, with or
 * without xml:space="preserve"), read from the bytes; null for anything else (rich runs, phonetic runs),
 * which the general path reads.
 */
function plainInlineAt(b: Uint8Array, start: number, end: number): string | null {
  // Budget of issue 17 (indicators ≤ 2 s on an inline-string file): the element walk and its substrings
  // per cell took a third of the run.
  if (!bytesAt(b, start, IS_T)) return null;
  let i = start + IS_T.length;
  if (b[i] === 62 /* > */) i++;
  else if (bytesAt(b, i, PRESERVE)) i += PRESERVE.length;
  else return null;
  const text = i;
  while (i < end && b[i] !== 60) i++;
  if (i + T_IS_CLOSE.length !== end || !bytesAt(b, i, T_IS_CLOSE)) return null;
  return unescapeOoxml(unescapeXml(textAt(b, text, i)));
}

/** Non-negative integer written in b[start, end) with digits only (at most 9), else -1. */
function smallIntAt(b: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 9) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = b[i] - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The number written in b[start, end) when it is a plain decimal of at most 15 digits (what spreadsheets
 * write for counts, hours and date serials), else NaN. Exact: an integer below 2^53 divided by an exact
 * power of ten is the correctly rounded double, as Number() gives.
 */
function plainNumberAt(b: Uint8Array, start: number, end: number): number {
  let i = start;
  const negative = b[i] === 45; /* - */
  if (negative) i++;
  let n = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < end; i++) {
    const c = b[i];
    if (c === 46 /* . */ && decimals < 0) {
      decimals = 0;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
    digits++;
    if (decimals >= 0) decimals++;
  }
  if (digits === 0 || digits > MAX_EXACT_DIGITS) return NaN;
  if (decimals > 0) n /= POW10[decimals];
  return negative ? -n : n;
}

/** A character that can be part of an attribute name here (not space, =, >, /, quotes). */
function isAttrNameChar(c: number): boolean {
  return c > 32 && c !== 61 && c !== 62 && c !== 47 && c !== 34 && c !== 39;
}

const GENERAL_TAG = -0x7fffffff;

/**
 * Reads the attributes of the cell tag starting at `i` (just after "<c") up to its ">" or "/>": sets
 * hasRef/refCol, cellType and cellStyle. Returns the index after the tag, negated minus one when the
 * tag is self-closing; GENERAL_TAG when the tag needs the general parser.
 */
function readCellTag(b: Uint8Array, i: number, end: number): number {
  hasRef = false;
  refCol = -1;
  cellType = CellType.Number;
  cellStyle = -1;
  for (;;) {
    while (i < end && isSpace(b[i])) i++;
    if (i >= end) return GENERAL_TAG;
    const c = b[i];
    if (c === 62 /* > */) return i + 1;
    if (c === 47 /* / */) return b[i + 1] === 62 ? -(i + 2) - 1 : GENERAL_TAG;
    const name = i;
    while (i < end && isAttrNameChar(b[i])) i++;
    if (b[i] !== 61 /* = */ || b[i + 1] !== 34 /* " */) return GENERAL_TAG;
    const value = i + 2;
    let close = value;
    while (close < end && b[close] !== 34) close++;
    if (close >= end) return GENERAL_TAG;
    if (i - name === 1) {
      const n = b[name];
      if (n === 114 /* r */) {
        hasRef = true;
        refCol = columnAt(b, value, close);
      } else if (n === 116 /* t */) cellType = typeAt(b, value, close);
      else if (n === 115 /* s */) {
        const s = smallIntAt(b, value, close);
        cellStyle = s >= 0 ? s : Number(textAt(b, value, close));
      }
    }
    i = close + 1;
  }
}

/** Value of a <v> element's text b[start, end) for the cell's type and style. */
function valueAt(b: Uint8Array, start: number, end: number, ctx: ValueContext): CellValue {
  if (cellType === CellType.Shared) {
    const k = smallIntAt(b, start, end);
    if (k >= 0) return ctx.sharedStrings[k] ?? "";
  } else if (cellType === CellType.Number) {
    const n = plainNumberAt(b, start, end);
    if (n === n) return numberValue(n, cellStyle, ctx);
  }
  return valueOfRaw(cellType, cellStyle, textAt(b, start, end), ctx);
}

/**
 * Value of a cell whose body b[start, end) is not a bare <v> (formula, inline string, spaces…). A formula
 * is recorded in state.formulas; without a stored value its cell is null (not "": it is not empty).
 */
function bodyValue(
  b: Uint8Array,
  start: number,
  end: number,
  ctx: ValueContext,
  col: number,
  state: ScanState,
): CellValue {
  return cellBodyValue(textAt(b, start, end), cellType, cellStyle, ctx, col, state);
}

/** The value of a cell body (text) of the given type and style; records its formula, if any, in state. */
export function cellBodyValue(
  body: string,
  type: CellType,
  style: number,
  ctx: ValueContext,
  col: number,
  state: ScanState,
): CellValue {
  let value: CellValue;
  if (type === CellType.InlineStr) value = inlineString(body);
  else {
    const raw = rawValueOf(body);
    value = raw === null ? "" : valueOfRaw(type, style, raw, ctx);
  }
  const formula = formulaOf(body);
  if (formula === null) return value;
  state.formulas.push({ row: state.row, col, formula });
  return value === "" ? null : value;
}

/** Index of the "</c>" closing a cell body that starts at `i`, or -1. */
function cellClose(b: Uint8Array, i: number, end: number): number {
  for (; i + 3 < end; i++) {
    if (b[i] === 60 && b[i + 1] === 47 && b[i + 2] === 99 && b[i + 3] === 62) return i;
  }
  return -1;
}

/** True when b at `i` is "</row>". */
function isRowClose(b: Uint8Array, i: number): boolean {
  return b[i + 1] === 47 && b[i + 2] === 114 && b[i + 3] === 111 && b[i + 4] === 119 && b[i + 5] === 62;
}

/** What scanCells keeps across rows: the used columns so far, and where the last row ended. */
export interface ScanState {
  minCol: number;
  maxCol: number;
  /** Index just past the </row> that ended the last scanned row, -1 when it had no end. */
  rowEnd: number;
  /** 0-based sheet row of the row being scanned (for its formula cells). */
  row: number;
  /** Formula cells so far, in sheet coordinates. */
  formulas: FormulaCell[];
}

/**
 * The values of an unprefixed row whose body starts at `start`, up to its </row> (before `end`), indexed
 * from column A with holes for empty cells (null for a formula without a stored value); null when the row has no value (or no end: state.rowEnd is
 * then -1); GENERAL when the row needs the general parser. Reads the bytes in place, so a cell costs nothing
 * but its value: a shared string is looked up, a plain number parsed from its digits.
 */
export function scanCells(
  b: Uint8Array,
  start: number,
  end: number,
  ctx: ValueContext,
  state: ScanState,
): CellValue[] | null | typeof GENERAL {
  let out: CellValue[] | null = null;
  let nextCol = 0;
  let pos = start;
  state.rowEnd = -1;
  for (;;) {
    while (pos < end && b[pos] !== 60) pos++;
    if (pos >= end) return null;
    const lt = pos;
    if (b[lt + 1] !== 99 /* c */ || !isNameEnd(b[lt + 2])) {
      if (isRowClose(b, lt)) {
        state.rowEnd = lt + 6;
        return out;
      }
      // Another element (<extLst>…), or a prefixed cell (<x:c …>) that the general parser reads.
      let i = b[lt + 1] === 47 ? lt + 2 : lt + 1;
      for (; i < end; i++) {
        const c = b[i];
        if (c === 58 /* : */) return GENERAL;
        if (!(c > 32 && c !== 62 && c !== 47)) break;
      }
      while (i < end && b[i] !== 62) i++;
      pos = i + 1;
      continue;
    }
    let body = readCellTag(b, lt + 2, end);
    if (body === GENERAL_TAG) return GENERAL;
    const col = hasRef ? refCol : nextCol;
    nextCol = col + 1;
    if (body < 0) {
      pos = -body - 1; // self-closing: no value
      continue;
    }
    let value: CellValue;
    if (b[body] === 60 && b[body + 1] === 118 && b[body + 2] === 62) {
      // <v>…</v></c>, what every writer puts in a plain cell.
      body += 3;
      let ve = body;
      while (ve < end && b[ve] !== 60) ve++;
      if (
        b[ve + 1] === 47 &&
        b[ve + 2] === 118 &&
        b[ve + 3] === 62 &&
        b[ve + 4] === 60 &&
        b[ve + 5] === 47 &&
        b[ve + 6] === 99 &&
        b[ve + 7] === 62
      ) {
        pos = ve + 8;
        if (col < 0 || col > MAX_COL) continue;
        value = valueAt(b, body, ve, ctx);
      } else {
        const close = cellClose(b, body, end);
        if (close < 0) return GENERAL;
        pos = close + 4;
        if (col < 0 || col > MAX_COL) continue;
        value = bodyValue(b, body - 3, close, ctx, col, state);
      }
    } else {
      const close = cellClose(b, body, end);
      if (close < 0) return GENERAL;
      pos = close + 4;
      if (close === body || col < 0 || col > MAX_COL) continue;
      const inline = cellType === CellType.InlineStr ? plainInlineAt(b, body, close) : null;
      value = inline !== null ? inline : bodyValue(b, body, close, ctx, col, state);
    }
    // null stays: a formula without a stored value is not an empty cell.
    if (value === "") continue;
    // Sized for the widest row so far (most rows are as wide): the array does not grow cell by cell. Not
    // past MAX_PREALLOCATED: one stray cell far right must not make every row that wide while reading.
    if (out === null) out = state.maxCol < MAX_PREALLOCATED ? new Array<CellValue>(state.maxCol + 1) : [];
    out[col] = value;
    if (col < state.minCol) state.minCol = col;
    if (col > state.maxCol) state.maxCol = col;
  }
}
