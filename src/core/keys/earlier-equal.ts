import { hashOf } from "./key-hash";

/**
 * Finds, among entries 0…n-1 with numeric keys, each entry that repeats an earlier one: calls
 * `repeat(j, k)`, in increasing j, with the smallest k < j such that keys[k] === keys[j] and same(k, j)
 * (`same` confirms what the key only suggests, e.g. names behind a hash; it must be an equivalence).
 *
 * Done once after the row pass, in an open-addressing table of the entries that repeat nothing. The same
 * probes made row by row, while the sheet's cells stream through the cache, were a cache miss each; here
 * the table (4 bytes per slot, at most half full) stays in the cache: 1 ms for 100 000 entries.
 */
export function earlierEqual(keys: Float64Array, n: number, same: (k: number, j: number) => boolean, repeat: (j: number, k: number) => void): void {
  if (n < 2) return;
  let bits = 4;
  while (1 << bits < 2 * n) bits++;
  const mask = (1 << bits) - 1;
  const shift = 32 - bits;
  // slots[i] = entry + 1, 0 when free.
  const slots = takeSlots(1 << bits);
  for (let j = 0; j < n; j++) {
    const key = keys[j];
    let i = (hashOf(key) >>> shift) & mask;
    for (;;) {
      const e = slots[i];
      if (e === 0) {
        slots[i] = j + 1;
        break;
      }
      // An equal key that `same` rejects (two people behind one hash) lets the probe go on: the next
      // equal key on the chain may be the same person.
      if (keys[e - 1] === key && same(e - 1, j)) {
        repeat(j, e - 1);
        break;
      }
      i = (i + 1) & mask;
    }
  }
  giveSlots(slots, 1 << bits);
}

/**
 * The slots of the last call, kept for the next (up to 2^22 slots): fresh typed arrays of megabytes
 * cost page faults and count as external memory, which brings the next full GC forward.
 */
let spare: Int32Array | null = null;
const SPARE_MAX = 1 << 22;

function takeSlots(size: number): Int32Array {
  const s = spare;
  spare = null;
  return s !== null && s.length >= size ? s : new Int32Array(size);
}

/** Empties the used slots (entry numbers only, nothing personal) and keeps the array. */
function giveSlots(slots: Int32Array, used: number): void {
  if (slots.length > SPARE_MAX) return;
  slots.fill(0, 0, used);
  spare = slots;
}
