/**
 * First-occurrence table for integer keys (0 ≤ key < 2^53): open addressing over one typed array where
 * each slot holds [key, row] side by side. Duplicate detection over 100 000 rows is the hottest loop of
 * the rules: a Map keyed by strings costs several cache misses per row, this costs about one.
 */
export class FirstRowTable {
  private bits: number;
  /** slots[2i] = key, slots[2i + 1] = Excel row of its first occurrence; row 0 = empty (Excel rows start at 1). */
  private slots: Float64Array;
  private size = 0;

  constructor(expected = 1024) {
    this.bits = Math.max(10, Math.ceil(Math.log2(Math.max(1, expected) * 1.5)));
    this.slots = new Float64Array(2 << this.bits);
  }

  /** The row first seen with this key, or 0 after recording `row` (≥ 1) as the first. */
  firstOrAdd(key: number, row: number): number {
    const mask = (1 << this.bits) - 1;
    const slots = this.slots;
    const lo = key >>> 0;
    const hi = (key / 4294967296) | 0;
    let i = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) >>> (32 - this.bits);
    for (;;) {
      const found = slots[2 * i + 1];
      if (found === 0) {
        slots[2 * i] = key;
        slots[2 * i + 1] = row;
        // Keep at most 3/4 full: linear probing stays short.
        if (++this.size * 4 > mask * 3) this.grow();
        return 0;
      }
      if (slots[2 * i] === key) return found;
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.bits++;
    this.slots = new Float64Array(2 << this.bits);
    this.size = 0;
    for (let i = 1; i < old.length; i += 2) if (old[i] !== 0) this.firstOrAdd(old[i - 1], old[i]);
  }
}
