import type { CellValue } from "../core";
import { dayFromSerial } from "../core";
import { attr, textOfRuns, unescapeOoxml, unescapeXml } from "./xml";

export interface SheetParseContext {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
  /** Stop when a non-empty row lies beyond this 1-based row number. */
  maxRows: number;
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
export class SheetParser {
  /** Sparse rows: [0-based row index, sparse cells [col, value]]. */
  private readonly rows: { r: number; cells: [number, CellValue][] }[] = [];
  private buffer = "";
  private nextRow = 0;
  private minCol = Number.POSITIVE_INFINITY;
  private maxCol = -1;

  constructor(private readonly ctx: SheetParseContext) {}

  push(chunk: string): void {
    this.buffer += chunk;
    const lastEnd = this.buffer.lastIndexOf("</row>");
    if (lastEnd < 0) {
      // Self-closing rows only (no cells) or not there yet; keep the tail bounded.
      if (this.buffer.length > 1 << 20) this.buffer = this.buffer.slice(this.buffer.lastIndexOf("<row"));
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
      if (cells.length === 0) continue;
      if (r + 1 > this.ctx.maxRows) throw new TooManyRows(r + 1);
      this.rows.push({ r, cells });
    }
  }

  private parseCells(xml: string): [number, CellValue][] {
    const out: [number, CellValue][] = [];
    let nextCol = 0;
    CELL_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CELL_RE.exec(xml)) !== null) {
      const attrs = m[1];
      const ref = attr(attrs, "r");
      const col = ref ? columnIndex(ref) : nextCol;
      nextCol = col + 1;
      const body = m[2];
      if (body === undefined || body.length === 0) continue;
      const value = this.cellValue(attrs, body);
      if (value === "" || value === null) continue;
      out.push([col, value]);
      if (col < this.minCol) this.minCol = col;
      if (col > this.maxCol) this.maxCol = col;
    }
    return out;
  }

  private cellValue(attrs: string, body: string): CellValue {
    const t = attr(attrs, "t") ?? "n";
    if (t === "inlineStr") {
      const is = IS_RE.exec(body);
      return is ? textOfRuns(is[1]) : "";
    }
    const v = V_RE.exec(body);
    if (!v) return "";
    const raw = v[1];
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
        const s = attr(attrs, "s");
        if (s !== null && this.ctx.dateStyles[Number(s)]) return serialToDate(n, this.ctx.date1904);
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
    this.rows.sort((a, b) => a.r - b.r);
    const first = this.rows[0].r;
    const last = this.rows[this.rows.length - 1].r;
    const minCol = this.minCol;
    const width = this.maxCol - minCol + 1;
    const dense: CellValue[][] = new Array(last - first + 1);
    let k = 0;
    for (let r = first; r <= last; r++) {
      const row: CellValue[] = new Array(width).fill("");
      while (k < this.rows.length && this.rows[k].r === r) {
        for (const [c, v] of this.rows[k].cells) row[c - minCol] = v;
        k++;
      }
      dense[r - first] = row;
    }
    return { name, rows: dense, origin: { row: first, col: minCol } };
  }
}
