import { Spares } from "./spares";
import { earlierEqual } from "./earlier-equal";
import { widen } from "./widen";

/**
 * 12-digit PASS values (passDigits) noted row by row, each with one integer its user keeps (an Excel row,
 * a person), and grouped once after the pass: the duplicate-person rule and the indicators' grouping of
 * persons each keep one. Noting is an append; looking each row up in a hash table while the cells
 * streamed through the cache was a cache miss per row (6 % of an analysis of 100 000 rows).
 */
export class PassLog {
  size = 0;
  private values: Float64Array;
  private tags: Int32Array;

  private constructor(capacity: number) {
    this.values = new Float64Array(capacity);
    this.tags = new Int32Array(capacity);
  }

  /** An empty log for about `expected` values, reusing a released one (see Spares). */
  static take(expected: number): PassLog {
    const n = Math.max(1024, Math.ceil(expected));
    return SPARE.take((l) => l.tags.length >= n && l.tags.length <= 2 * n) ?? new PassLog(n);
  }

  /** Notes `value` with `tag`, as entry number `size` (from 0). */
  add(value: number, tag: number): void {
    const i = this.size++;
    if (i === this.tags.length) this.grow();
    this.values[i] = value;
    this.tags[i] = tag;
  }

  value(entry: number): number {
    return this.values[entry];
  }

  /**
   * For each entry whose value was noted before, in entry order: repeat(its tag, the tag of the first
   * entry with that value, its entry number).
   */
  repeats(repeat: (tag: number, firstTag: number, entry: number) => void): void {
    const tags = this.tags;
    earlierEqual(this.values, this.size, alwaysSame, (j, k) => repeat(tags[j], tags[k], j));
  }

  /** Zeroes the values (PASS numbers are personal) and keeps the log for a later take(); must not be used afterwards. */
  release(): void {
    this.values.fill(0, 0, this.size);
    this.size = 0;
    if (this.tags.length <= SPARE_MAX) SPARE.give(this);
  }

  private grow(): void {
    const n = this.tags.length * 2;
    this.values = widen(this.values, n);
    this.tags = widen(this.tags, n);
  }
}

/** Equal PASS values are the same PASS: nothing to confirm. */
function alwaysSame(): boolean {
  return true;
}

const SPARE = new Spares<PassLog>(4);
const SPARE_MAX = 1 << 22;

/** Keeps the PassLog shape alive between analyses (see KEEP_ROW_SHAPE in read/empty-row.ts). */
export const KEEP_LOG_SHAPE = PassLog.take(1);
