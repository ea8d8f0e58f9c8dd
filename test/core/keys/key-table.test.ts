import { FirstRowTable } from "../../../src/core/keys/key-table";

describe("FirstRowTable", () => {
  it("remembers the first row of each key, through growth, like a Map would", () => {
    const table = new FirstRowTable(4);
    const reference = new Map<number, number>();
    // Large 12-digit keys (PASS-like), small keys and packed name keys, with repeats.
    const keys: number[] = [];
    for (let i = 0; i < 5000; i++) keys.push(999990000000 + ((i * 7919) % 3001), i % 97, 2 ** 52 + i * 2 ** 20);
    keys.forEach((key, i) => {
      const row = i + 2;
      const expected = reference.get(key) ?? 0;
      if (expected === 0) reference.set(key, row);
      expect(table.firstOrAdd(key, row)).toBe(expected);
    });
    expect(reference.size).toBe(3001 + 97 + 5000);
  });

  it("tells keys apart that share their low 32 bits", () => {
    const table = new FirstRowTable();
    expect(table.firstOrAdd(5, 2)).toBe(0);
    expect(table.firstOrAdd(5 + 2 ** 32, 3)).toBe(0);
    expect(table.firstOrAdd(5 + 2 ** 33, 4)).toBe(0);
    expect(table.firstOrAdd(5 + 2 ** 32, 9)).toBe(3);
    expect(table.firstOrAdd(0, 10)).toBe(0);
    expect(table.firstOrAdd(0, 11)).toBe(10);
  });
});
