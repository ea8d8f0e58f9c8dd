import type { CellRange } from "../core";
import { attr } from "./xml";
import { concatBytes, isWordChar, textAt } from "./xml-bytes";

/** Longest tag kept across chunks: a <mergeCell> or <tablePart> is tens of bytes; a longer tag is not one we read. */
const MAX_TAG_BYTES = 64 * 1024;

/** Parses "A1:C3" (or "B2", one cell) to 0-based inclusive coordinates; null when it is not a range. */
export function parseRange(ref: string): CellRange | null {
  const colon = ref.indexOf(":");
  const a = parseCell(colon < 0 ? ref : ref.slice(0, colon));
  const b = colon < 0 ? a : parseCell(ref.slice(colon + 1));
  if (a === null || b === null) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** "$C$12" → { row: 11, col: 2 }; null unless letters then digits, within Excel's grid. */
function parseCell(ref: string): { row: number; col: number } | null {
  let i = 0;
  let col = 0;
  if (ref[i] === "$") i++;
  const letters = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === letters || i - letters > 3) return null;
  if (ref[i] === "$") i++;
  const digits = ref.slice(i);
  if (!/^[0-9]{1,7}$/.test(digits)) return null;
  const row = Number(digits);
  if (row < 1 || row > 1_048_576 || col > 16_384) return null;
  return { row: row - 1, col: col - 1 };
}

/**
 * Scans what follows <sheetData> in a worksheet part, chunk by chunk: the merged ranges (<mergeCell
 * ref="A1:C1"/>) and the relationship ids of the table parts (<tablePart r:id="rId1"/>). Keeps at most one
 * incomplete tag between chunks, so a long tail costs no memory beyond what it finds.
 */
export class SheetTail {
  readonly merges: CellRange[] = [];
  readonly tableRelIds: string[] = [];
  private rest: Uint8Array | null = null;

  constructor(
    private readonly maxMerges: number,
    private readonly tooMany: (count: number) => Error,
  ) {}

  push(chunk: Uint8Array): void {
    const b = this.rest ? concatBytes([this.rest, chunk]) : chunk;
    this.rest = null;
    let pos = 0;
    for (;;) {
      const lt = b.indexOf(60 /* < */, pos);
      if (lt < 0) return;
      let i = lt + 1;
      let colon = -1;
      while (i < b.length && (isWordChar(b[i]) || b[i] === 58)) {
        if (b[i] === 58) colon = i;
        i++;
      }
      if (i >= b.length) return this.keep(b, lt);
      const local = i - lt <= 32 ? textAt(b, colon >= 0 ? colon + 1 : lt + 1, i) : "";
      if (local !== "mergeCell" && local !== "tablePart") {
        pos = i > lt + 1 ? i : lt + 1;
        continue;
      }
      const gt = b.indexOf(62 /* > */, i);
      if (gt < 0) return this.keep(b, lt);
      this.element(local, textAt(b, i, gt));
      pos = gt + 1;
    }
  }

  private keep(b: Uint8Array, from: number): void {
    // Dropped when absurdly long: the scan goes on from the next chunk, a damaged tag is not read.
    if (b.length - from <= MAX_TAG_BYTES) this.rest = b.slice(from);
  }

  private element(local: string, attrs: string): void {
    if (local === "tablePart") {
      const id = attr(attrs, "id");
      if (id !== null) this.tableRelIds.push(id);
      return;
    }
    const ref = attr(attrs, "ref");
    const range = ref === null ? null : parseRange(ref);
    if (range === null) return;
    this.merges.push(range);
    if (this.merges.length > this.maxMerges) throw this.tooMany(this.merges.length);
  }
}
