import { Spares } from "./spares";
import { widen } from "./widen";

/**
 * The names, row and name key of each row the duplicate-person rule compares by name (earlierEqual runs
 * over `keys` after the pass, and confirms a key match with the names). Columns
 * that are emptied and kept for the next analysis (see Spares): three arrays growing by push to 100 000
 * entries cost more than the whole name check.
 */
export class NameEntries {
  size = 0;
  private last: (string | null)[];
  private first: (string | null)[];
  private excelRows: Int32Array;
  /** The name key of each entry (entries 0…size-1). */
  keys: Float64Array;

  private constructor(capacity: number) {
    this.last = new Array<string | null>(capacity).fill(null);
    this.first = new Array<string | null>(capacity).fill(null);
    this.excelRows = new Int32Array(capacity);
    this.keys = new Float64Array(capacity);
  }

  /** Empty entries for about `expected` names. */
  static take(expected: number): NameEntries {
    const capacity = Math.max(1024, Math.ceil(expected));
    return SPARE.take((e) => e.excelRows.length >= capacity && e.excelRows.length <= 2 * capacity) ?? new NameEntries(capacity);
  }

  /** Adds entry number `size` (from 0). */
  add(last: string, first: string, excelRow: number, key: number): void {
    const i = this.size++;
    if (i === this.excelRows.length) this.grow();
    this.last[i] = last;
    this.first[i] = first;
    this.excelRows[i] = excelRow;
    this.keys[i] = key;
  }

  lastName(entry: number): string {
    return this.last[entry] as string;
  }

  firstName(entry: number): string {
    return this.first[entry] as string;
  }

  excelRow(entry: number): number {
    return this.excelRows[entry];
  }

  /** Drops the names and keys (personal data is not kept past the analysis) and keeps the columns for reuse. */
  release(): void {
    this.last.fill(null, 0, this.size);
    this.first.fill(null, 0, this.size);
    this.keys.fill(0, 0, this.size);
    this.size = 0;
    if (this.excelRows.length <= SPARE_MAX_CAPACITY) SPARE.give(this);
  }

  private grow(): void {
    const n = this.excelRows.length * 2;
    this.excelRows = widen(this.excelRows, n);
    this.keys = widen(this.keys, n);
    const last = new Array<string | null>(n).fill(null);
    const first = new Array<string | null>(n).fill(null);
    for (let i = 0; i < this.size; i++) {
      last[i] = this.last[i];
      first[i] = this.first[i];
    }
    this.last = last;
    this.first = first;
  }
}

const SPARE = new Spares<NameEntries>(2);
const SPARE_MAX_CAPACITY = 1 << 21;

/** Keeps the NameEntries shape alive between analyses (see KEEP_ROW_SHAPE in read/empty-row.ts). */
export const KEEP_NAMES_SHAPE = NameEntries.take(1);
