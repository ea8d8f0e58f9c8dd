import { FirstRowTable } from "./key-table";
import { Spares } from "./spares";
import { passDigits } from "./pass-digits";

/**
 * 12-digit PASS values → dense entry numbers (0, 1, 2… in order of first sight), which the duplicate-person
 * rule and the indicators' grouping of persons share in analyzeWorkbook's single pass. Both look up the
 * same PASS on the same row, one after the other: the second lookup is answered from the last one instead
 * of probing the table again (each probe is a cache miss at random in a table of megabytes). Each user
 * keeps what it knows per entry in its own EntryInts.
 */
export class PassEntries {
  private readonly table: FirstRowTable;
  private count = 0;
  // NaN (a double from the start, and equal to nothing): PASS values exceed small integers, and a field
  // that starts as one changes the object's shape at its first large value (see KEEP_TABLE_SHAPE).
  private lastValue = NaN;
  private lastEntry = -1;
  /** The text lastValue was read from, when the caller gave it (see entryOfText). */
  private lastText: string | null = null;

  constructor(expected: number) {
    this.table = FirstRowTable.take(expected);
  }

  /** The entry of a PASS value (passDigits of `text`), a new one the first time. */
  entryOf(value: number, text: string | null = null): number {
    this.lastText = text;
    if (value === this.lastValue) return this.lastEntry;
    const hit = this.table.firstOrAdd(value, this.count + 1);
    const entry = hit === 0 ? this.count++ : hit - 1;
    this.lastValue = value;
    this.lastEntry = entry;
    return entry;
  }

  /**
   * The entry of a PASS text, or -1 when it is not 12 digits. The second user of a row's PASS gets the
   * same string object as the first: answered by one comparison, without reading the digits again.
   */
  entryOfText(text: string): number {
    if (text === this.lastText) return this.lastEntry;
    const value = passDigits(text);
    return value < 0 ? -1 : this.entryOf(value, text);
  }

  /** See FirstRowTable.warm. */
  warm(value: number): number {
    return this.table.warm(value);
  }

  /** Hands the table back for reuse (see FirstRowTable.take). Must not be used afterwards. */
  release(): void {
    this.table.release();
  }
}

/**
 * One integer per entry of a PassEntries, 0 until set: what one user knows of each PASS (the first row
 * with it, the person it is). Grows with the entries; kept for the next analysis when released.
 */
export class EntryInts {
  private values: Int32Array;

  private constructor(capacity: number) {
    this.values = new Int32Array(capacity);
  }

  static take(expected: number): EntryInts {
    const n = Math.max(1024, Math.ceil(expected));
    return SPARE.take((e) => e.values.length >= n && e.values.length <= 2 * n) ?? new EntryInts(n);
  }

  get(entry: number): number {
    return entry < this.values.length ? this.values[entry] : 0;
  }

  set(entry: number, value: number): void {
    if (entry >= this.values.length) {
      const wider = new Int32Array(Math.max(entry + 1, this.values.length * 2));
      wider.set(this.values);
      this.values = wider;
    }
    this.values[entry] = value;
  }

  /** Zeroes the values and keeps them for a later take(); must not be used afterwards. */
  release(): void {
    this.values.fill(0);
    if (this.values.length <= SPARE_MAX) SPARE.give(this);
  }
}

const SPARE = new Spares<EntryInts>(4);
const SPARE_MAX = 1 << 22;

/** Keep the shapes alive between analyses (see KEEP_TABLE_SHAPE in key-table.ts). */
export const KEEP_ENTRIES_SHAPE = new PassEntries(1);
export const KEEP_INTS_SHAPE = EntryInts.take(1);
