import type { CellValue } from "../core";
import { dayFromSerial } from "../core";
import { attr, textOfRuns, unescapeOoxml, unescapeXml } from "./xml";

export interface SheetParseContext {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
  /** Stop when a non-empty row lies beyond this 1-based row number. */
  maxRows: number;
  /** Longest row XML accepted, in characters (default 64 Mi). */
  maxRowChars?: number;
}

/** Longest row XML accepted (a real row is a few KB): past it the file is damaged or hostile. */
const MAX_ROW_CHARS = 64 * 1024 * 1024;

/** Thrown when one row's XML is absurdly long (never a real report). */
export class RowTooLong extends Error {
  constructor() {
    super("row too long");
  }
}

/** Thrown by the parser when the sheet goes past maxRows (turned into an XlsxReadError by the caller). */
export class TooManyRows extends Error {
  constructor(readonly row: number) {
    super(`row ${row}`);
  }
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

function serialToDate(serial: number, date1904: boolean): Date {
  const day = dayFromSerial(serial, date1904);
  const frac = serial - Math.floor(serial);
  return new Date(Math.round((day + frac) * 86400000));
}

const CELL_RE = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const V_RE = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/;
const IS_RE = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;

/**
 * Incremental parser of a worksheet part: feed it text chunks in order, it keeps the cells of
 * complete <row> elements. Values come out as Office.js Range.values would give them (errors as
 * "#N/A"…, formulas as their cached result), except that date-formatted numbers become Date objects.
 */
/** Last column Excel has (XFD): a reference beyond it is damage, its cell is ignored. */
const MAX_COL = 16383;

// Attributes of the current cell, set by readCellAttrs (module-level: no allocation per cell).
let attrR: string | null = null;
let attrT: string | null = null;
let attrS: string | null = null;

/** Reads r, t and s of a cell's attribute text in one pass; false when it needs the general parser. */
function readCellAttrs(attrs: string): boolean {
  attrR = attrT = attrS = null;
  let i = 0;
  const n = attrs.length;
  while (i < n) {
    const c = attrs.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const eq = attrs.indexOf("=", i);
    if (eq < 0) return true;
    const q = attrs.charCodeAt(eq + 1);
    if (q !== 34 /* " */) return false;
    const end = attrs.indexOf('"', eq + 2);
    if (end < 0) return false;
    if (eq - i === 1) {
      const name = attrs.charCodeAt(i);
      const value = attrs.slice(eq + 2, end);
      if (name === 114 /* r */) attrR = value;
      else if (name === 116 /* t */) attrT = value;
      else if (name === 115 /* s */) attrS = value;
    } else if (attrs.charCodeAt(eq - 1) === 32) return false;
    i = end + 1;
  }
  return true;
}

export class SheetParser {
  /** Rows indexed from column A (absolute), in order of appearance with their 0-based row index. */
  private readonly rows: { r: number; cells: CellValue[] }[] = [];
  private buffer = "";
  private nextRow = 0;
  private minCol = Number.POSITIVE_INFINITY;
  private maxCol = -1;
  private sorted = true;

  constructor(private readonly ctx: SheetParseContext) {}

  push(chunk: string): void {
    if (chunk.length === 0) return;
    this.buffer += chunk;
    const lastEnd = this.buffer.lastIndexOf("</row>");
    if (lastEnd < 0) {
      if (this.buffer.length > (this.ctx.maxRowChars ?? MAX_ROW_CHARS)) throw new RowTooLong();
      // Self-closing rows only (no cells) or not there yet; keep the tail bounded.
      if (this.buffer.length > 1 << 20) {
        const k = this.buffer.lastIndexOf("<row");
        this.buffer = k >= 0 ? this.buffer.slice(k) : this.buffer.slice(-64);
      }
      return;
    }
    const complete = this.buffer.slice(0, lastEnd + 6);
    this.buffer = this.buffer.slice(lastEnd + 6);
    this.parseRows(complete);
  }

  private parseRows(xml: string): void {
    const rowRe = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
    let m: RegExpExecArray | null;
    while ((m = rowRe.exec(xml)) !== null) {
      const rAttr = attr(m[1], "r");
      const r = rAttr !== null && /^\d+$/.test(rAttr) ? Number(rAttr) - 1 : this.nextRow;
      this.nextRow = r + 1;
      if (m[2] === undefined) continue;
      const cells = this.parseCells(m[2]);
      if (cells === null) continue;
      if (r + 1 > this.ctx.maxRows) throw new TooManyRows(r + 1);
      if (this.rows.length > 0 && this.rows[this.rows.length - 1].r >= r) this.sorted = false;
      this.rows.push({ r, cells });
    }
  }

  /** The row's values from column A (holes for empty cells), or null when it has no value. */
  private parseCells(xml: string): CellValue[] | null {
    let out: CellValue[] | null = null;
    let nextCol = 0;
    let pos = 0;
    const len = xml.length;
    while (pos < len) {
      const lt = xml.indexOf("<", pos);
      if (lt < 0) break;
      const after = xml.charCodeAt(lt + 1);
      if (after !== 99 /* c */) {
        // Another element, or a prefixed cell (<x:c …>) that the general path handles.
        const close = xml.indexOf(">", lt);
        const tag = xml.slice(lt + 1, close < 0 ? len : Math.min(close, lt + 24)).split(/[\s/>]/, 1)[0];
        if (tag.indexOf(":") >= 0) return this.parseCellsSlow(xml);
        pos = close < 0 ? len : close + 1;
        continue;
      }
      const next = xml.charCodeAt(lt + 2);
      if (next !== 32 && next !== 62 && next !== 47) {
        pos = lt + 2;
        continue;
      }
      const gt = xml.indexOf(">", lt);
      if (gt < 0) break;
      const selfClosing = xml.charCodeAt(gt - 1) === 47;
      const attrs = xml.slice(lt + 2, selfClosing ? gt - 1 : gt);
      if (!readCellAttrs(attrs)) return this.parseCellsSlow(xml);
      const col = attrR !== null ? columnIndex(attrR) : nextCol;
      nextCol = col + 1;
      if (selfClosing || col < 0 || col > MAX_COL) {
        pos = gt + 1;
        continue;
      }
      const end = xml.indexOf("</c>", gt);
      if (end < 0) return this.parseCellsSlow(xml);
      pos = end + 4;
      if (end === gt + 1) continue;
      const value = this.cellValue(attrT, attrS, xml.slice(gt + 1, end));
      if (value === "" || value === null) continue;
      if (out === null) out = [];
      out[col] = value;
      if (col < this.minCol) this.minCol = col;
      if (col > this.maxCol) this.maxCol = col;
    }
    return out;
  }

  /** General path: namespace prefixes, single quotes, spaces around "=" (rare writers). */
  private parseCellsSlow(xml: string): CellValue[] | null {
    let out: CellValue[] | null = null;
    let nextCol = 0;
    const re = new RegExp(CELL_RE.source, "g");
    let m: RegExpExecArray | null;
    while ((m = re.exec(xml)) !== null) {
      const attrs = m[1];
      const ref = attr(attrs, "r");
      const col = ref ? columnIndex(ref) : nextCol;
      nextCol = col + 1;
      const body = m[2];
      if (body === undefined || body.length === 0 || col < 0 || col > MAX_COL) continue;
      const value = this.cellValue(attr(attrs, "t"), attr(attrs, "s"), body);
      if (value === "" || value === null) continue;
      if (out === null) out = [];
      out[col] = value;
      if (col < this.minCol) this.minCol = col;
      if (col > this.maxCol) this.maxCol = col;
    }
    return out;
  }

  private cellValue(type: string | null, style: string | null, body: string): CellValue {
    const t = type ?? "n";
    if (t === "inlineStr") {
      const is = IS_RE.exec(body);
      return is ? textOfRuns(is[1]) : "";
    }
    let raw: string;
    const vs = body.indexOf("<v>");
    if (vs >= 0) {
      const ve = body.indexOf("</v>", vs + 3);
      if (ve < 0) return "";
      raw = body.slice(vs + 3, ve);
    } else {
      const v = V_RE.exec(body);
      if (!v) return "";
      raw = v[1];
    }
    switch (t) {
      case "s": {
        const s = this.ctx.sharedStrings[Number(raw)];
        return s ?? "";
      }
      case "str":
        return unescapeOoxml(unescapeXml(raw));
      case "e":
        return unescapeXml(raw).trim();
      case "b":
        return raw.trim() === "1" || raw.trim().toLowerCase() === "true";
      case "d": {
        const d = new Date(raw.trim().length === 10 ? `${raw.trim()}T00:00:00Z` : raw.trim());
        return Number.isFinite(d.getTime()) ? d : unescapeXml(raw);
      }
      default: {
        const n = Number(raw);
        if (raw.trim() === "" || !Number.isFinite(n)) return unescapeXml(raw);
        if (style !== null && this.ctx.dateStyles[Number(style)]) return serialToDate(n, this.ctx.date1904);
        return n;
      }
    }
  }

  /** Dense rows from the used range (first to last non-empty row and column), empty cells as "". */
  finish(name: string): { name: string; rows: CellValue[][]; origin: { row: number; col: number } } {
    if (this.buffer.length > 0) {
      this.parseRows(this.buffer);
      this.buffer = "";
    }
    if (this.rows.length === 0) return { name, rows: [], origin: { row: 0, col: 0 } };
    if (!this.sorted) this.rows.sort((a, b) => a.r - b.r);
    const first = this.rows[0].r;
    const last = this.rows[this.rows.length - 1].r;
    const minCol = this.minCol;
    const width = this.maxCol - minCol + 1;
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
    return { name, rows: dense, origin: { row: first, col: minCol } };
  }
}
