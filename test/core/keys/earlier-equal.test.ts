import fc from "fast-check";
import { earlierEqual } from "../../../src/core/keys/earlier-equal";

/** The repeats earlierEqual must find, by the definition: for each j, the smallest k < j with an equal key and same(k, j). */
function naive(keys: readonly number[], same: (k: number, j: number) => boolean): Map<number, number> {
  const out = new Map<number, number>();
  keys.forEach((key, j) => {
    for (let k = 0; k < j; k++)
      if (keys[k] === key && same(k, j)) {
        out.set(j, k);
        return;
      }
  });
  return out;
}

function found(keys: readonly number[], same: (k: number, j: number) => boolean): Map<number, number> {
  const out = new Map<number, number>();
  let last = -1;
  earlierEqual(Float64Array.from(keys), keys.length, same, (j, k) => {
    // Once per repeat, in entry order.
    expect(j).toBeGreaterThan(last);
    last = j;
    out.set(j, k);
  });
  return out;
}

describe("earlierEqual", () => {
  it("names, for each repeat, the first entry with the same key", () => {
    const keys = [5, 2 ** 52 + 1, 5, 7, 5, 2 ** 52 + 1];
    expect(found(keys, () => true)).toEqual(new Map([[2, 0], [4, 0], [5, 1]]));
  });

  it("skips an equal key that `same` does not confirm, and finds the next one that it does", () => {
    // Entries 0 and 1 share a key but are different people (a hash collision); 2 is the same as 1.
    const person = [10, 20, 20];
    expect(found([3, 3, 3], (k, j) => person[k] === person[j])).toEqual(new Map([[2, 1]]));
  });

  it("stays right with many entries under one key", () => {
    // 300 rows of three people sharing one key: each repeat names its own person's first row.
    const keys = Array.from({ length: 300 }, () => 42);
    const person = (i: number) => i % 3;
    const repeats = found(keys, (k, j) => person(k) === person(j));
    expect(repeats.size).toBe(297);
    for (const [j, k] of repeats) expect(k).toBe(person(j));
  });

  it("agrees with the definition on random keys, few or many alike", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 400 }),
        fc.integer({ min: 1, max: 3 }),
        (small, people) => {
          // Keys from a small set (many repeats) spread over the 53 bits the name keys use.
          const keys = small.map((x) => x * 2 ** 45 + x);
          const same = (k: number, j: number) => (k % people) === (j % people);
          expect(found(keys, same)).toEqual(naive(keys, same));
        },
      ),
    );
  });

  it("handles nothing and a single entry", () => {
    expect(found([], () => true).size).toBe(0);
    expect(found([1], () => true).size).toBe(0);
  });
});
