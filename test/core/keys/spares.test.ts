import { PassLog } from "../../../src/core/keys/pass-log";
import { NameEntries } from "../../../src/core/keys/name-entries";
import { PersonTable } from "../../../src/core/indicators/person-table";

describe("scratch tables kept from one analysis to the next", () => {
  it("a released PASS log comes back empty, its values zeroed, and groups again", () => {
    const a = PassLog.take(5000);
    for (let k = 0; k < 6000; k++) a.add(123456789000 + (k % 3000), k + 2);
    const repeats: number[][] = [];
    a.repeats((tag, first) => repeats.push([tag, first]));
    expect(repeats).toHaveLength(3000);
    expect(repeats[0]).toEqual([3002, 2]);
    a.release();
    const b = PassLog.take(5000);
    expect(b).toBe(a);
    expect(b.size).toBe(0);
    // PASS numbers are personal: nothing of the last analysis is left in the log.
    expect(Array.from({ length: 6000 }, (_, k) => b.value(k)).every((v) => v === 0)).toBe(true);
    b.add(123456789000, 7);
    b.add(123456789000, 8);
    const again: number[][] = [];
    b.repeats((tag, first) => again.push([tag, first]));
    expect(again).toEqual([[8, 7]]);
    b.release();
  });

  it("a log much larger than needed is not handed out for a small one", () => {
    const big = PassLog.take(100_000);
    big.release();
    const small = PassLog.take(2000);
    expect(small).not.toBe(big);
  });

  it("released name entries forget their names and grow past their size", () => {
    const e = NameEntries.take(10);
    for (let k = 0; k < 3000; k++) e.add(`N${k}`, `P${k}`, k + 2, k * 10);
    expect([e.lastName(2998), e.firstName(2998), e.excelRow(2998), e.keys[2998]]).toEqual(["N2998", "P2998", 3000, 29980]);
    e.release();
    const again = NameEntries.take(3000);
    expect(again).toBe(e);
    expect(again.size).toBe(0);
    // The keys were zeroed too: they are made from names and birth dates.
    expect(again.keys.slice(0, 3000).every((k) => k === 0)).toBe(true);
    again.add("A", "B", 7, 5);
    expect([again.lastName(0), again.firstName(0), again.excelRow(0), again.keys[0]]).toEqual(["A", "B", 7, 5]);
    again.release();
  });

  it("a released person table comes back with every attribute unfilled", () => {
    const row = {
      identity: "x", sex: "F", birthYear: 1990, qpv: true, zrr: false, rsa: "OUI-M", ass: true, aah: false, rqth: true,
      ftDuration: "04", educationLevel: "50", hireDate: null, exitDate: null, exitMotif: null, hoursWorked: 10, hoursSinceHire: null,
    } as const;
    const t = PersonTable.take(2000);
    for (let k = 0; k < 3000; k++) t.add(row, 10);
    t.release();
    const u = PersonTable.take(2000);
    expect(u.size).toBe(0);
    const blank = { ...row, sex: null, birthYear: null, qpv: null, zrr: null, rsa: null, ass: null, aah: null, rqth: null, ftDuration: null, educationLevel: null };
    const i = u.add(blank, 3);
    u.absorb(i, u.add(row, 4));
    expect([u.hours[i], u.sex[i], u.birthYear[i], u.qpv[i], u.rsa[i], u.ft[i], u.education[i]]).toEqual([7, 1, 1990, 2, 2, 3, "50"]);
    u.release();
  });
});
