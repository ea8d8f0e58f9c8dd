import { Spares } from "./spares";

/**
 * First-occurrence table for integer keys (0 ≤ key < 2^53). Duplicate detection over 100 000 rows is the
 * hottest loop of the rules: a Map keyed by strings costs several cache misses per row. Here a probe reads
 * one 8-byte slot [32-bit hash, entry] of a compact open-addressing table; keys and rows are stored apart
 * in insertion order and read only when the hash matches.
 */
export class FirstRowTable {
  private bits: number;
  /** slots[2i] = hash of the key, slots[2i + 1] = entry index + 1 (0 = empty). */
  private slots: Int32Array;
  private keys: Float64Array;
  private rows: Int32Array;
  private size = 0;

  constructor(expected = 1024) {
    const capacity = Math.max(1024, Math.ceil(expected));
    this.bits = slotBitsFor(capacity);
    this.slots = new Int32Array(2 << this.bits);
    this.keys = new Float64Array(capacity);
    this.rows = new Int32Array(capacity);
  }

  /**
   * An empty table for about `expected` keys, reusing the memory of a released one when one is large
   * enough but not much larger. Fresh memory is not free: the system maps each page on its first touch,
   * and the probes touch the slots at random; a 100 000-row analysis needs three tables of 3 MB.
   */
  static take(expected: number): FirstRowTable {
    const bits = slotBitsFor(Math.max(1024, Math.ceil(expected)));
    const spare = SPARE.take((t) => t.bits >= bits && t.bits <= bits + 1 && t.keys.length >= expected);
    return spare ?? new FirstRowTable(expected);
  }

  /** Empties the table and keeps it for a later take(). The caller must not use it afterwards. */
  release(): void {
    if (this.bits > SPARE_MAX_BITS) return;
    // The slots need zeros (keys and rows are read only for entries written since); the keys are zeroed
    // too, as they may be PASS numbers: personal data is not kept past the analysis.
    this.slots.fill(0);
    this.keys.fill(0, 0, this.size);
    this.size = 0;
    SPARE.give(this);
  }

  /**
   * Reads the slot where `key` would be looked up, and nothing else: called for the keys of the next rows
   * before they are looked up, it lets their cache misses overlap (a lookup waits for its own miss, each
   * at random in megabytes). Returns the slot so that the read is not optimised away.
   */
  warm(key: number): number {
    return this.slots[2 * ((hashOf(key) >>> (32 - this.bits)) & ((1 << this.bits) - 1)) + 1];
  }

  /** The row first seen with this key, or 0 after recording `row` as the first. */
  firstOrAdd(key: number, row: number): number {
    const hash = hashOf(key);
    const mask = (1 << this.bits) - 1;
    const slots = this.slots;
    let i = (hash >>> (32 - this.bits)) & mask;
    for (;;) {
      const entry = slots[2 * i + 1];
      if (entry === 0) break;
      if (slots[2 * i] === hash && this.keys[entry - 1] === key) return this.rows[entry - 1];
      i = (i + 1) & mask;
    }
    const n = this.size++;
    if (n === this.keys.length) this.growEntries();
    this.keys[n] = key;
    this.rows[n] = row;
    slots[2 * i] = hash;
    slots[2 * i + 1] = n + 1;
    // Keep at most 2/3 full: linear probing stays short.
    if (this.size * 3 > mask * 2) this.growSlots();
    return 0;
  }

  private growEntries(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    const rows = new Int32Array(this.rows.length * 2);
    rows.set(this.rows);
    this.keys = keys;
    this.rows = rows;
  }

  private growSlots(): void {
    const old = this.slots;
    this.bits++;
    const mask = (1 << this.bits) - 1;
    const slots = new Int32Array(2 << this.bits);
    for (let j = 0; j < old.length; j += 2) {
      if (old[j + 1] === 0) continue;
      let i = (old[j] >>> (32 - this.bits)) & mask;
      while (slots[2 * i + 1] !== 0) i = (i + 1) & mask;
      slots[2 * i] = old[j];
      slots[2 * i + 1] = old[j + 1];
    }
    this.slots = slots;
  }
}

/** Mixes both 32-bit halves, then a murmur-style finaliser: sequential PASS numbers must not cluster. */
export function hashOf(key: number): number {
  let hash = Math.imul((key >>> 0) ^ Math.imul((key / 4294967296) | 0, 0x9e3779b1), 0x85ebca6b);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  hash ^= hash >>> 12;
  return hash;
}

/** Slot bits for a capacity: at most 2/3 full once every expected key is in. */
function slotBitsFor(capacity: number): number {
  return Math.max(11, Math.ceil(Math.log2(capacity * 1.5)));
}

/** Released tables, for the next analysis (one uses three); larger ones (over 16 MB of slots) are dropped. */
const SPARE = new Spares<FirstRowTable>(4);
const SPARE_MAX_BITS = 21;

/**
 * One table that lives as long as the module. V8 holds the maps (hidden classes) of an object shape
 * only weakly: once every table of a run is garbage, a full GC frees the shape, the optimised code of
 * firstOrAdd that depended on it is thrown away, and the next run pays for re-optimising it. Keeping one
 * instance alive keeps the shape, hence the code.
 */
export const KEEP_TABLE_SHAPE = new FirstRowTable(1);
