import { IdentityIndex } from "../../../src/core/keys/identity-index";
import { PassEntries } from "../../../src/core/keys/pass-entries";

describe("IdentityIndex", () => {
  it("returns the first person of a 12-digit identity, -1 when new", () => {
    const index = new IdentityIndex(4);
    expect(index.personOrAdd("999990000001", 0)).toBe(-1);
    expect(index.personOrAdd("999990000002", 1)).toBe(-1);
    expect(index.personOrAdd("999990000001", 2)).toBe(0);
    expect(index.personOrAdd("999990000002", 3)).toBe(1);
  });

  it("keeps lettered PASS and name identities apart from digit ones", () => {
    const index = new IdentityIndex(4);
    expect(index.personOrAdd("000000000012", 0)).toBe(-1);
    // Same digits in another text form: not the same identity.
    expect(index.personOrAdd("12", 1)).toBe(-1);
    expect(index.personOrAdd("DUPONT|MARIE|12000", 2)).toBe(-1);
    expect(index.personOrAdd("DUPONT|MARIE|12000", 3)).toBe(2);
    expect(index.personOrAdd("12", 4)).toBe(1);
    expect(index.personOrAdd("000000000012", 5)).toBe(0);
  });

  it("grows past its expected size", () => {
    const index = new IdentityIndex(1);
    for (let i = 0; i < 5000; i++) expect(index.personOrAdd(String(100000000000 + i), i)).toBe(-1);
    for (let i = 0; i < 5000; i++) expect(index.personOrAdd(String(100000000000 + i), 9999)).toBe(i);
  });

  it("shares PASS entries with another user without mixing up whose text was read last", () => {
    const passes = new PassEntries(4);
    const index = new IdentityIndex(4, passes);
    // The duplicate-person rule reads row 1's PASS, then the index gets the same text.
    const first = "999990000001";
    passes.entryOf(999990000001, first);
    expect(index.personOrAdd(first, 0)).toBe(-1);
    // The rule then reads another value without giving its text: the index must not take the last
    // entry for the first text again.
    passes.entryOf(999990000002);
    expect(index.personOrAdd(first, 1)).toBe(0);
    expect(index.personOrAdd("999990000002", 2)).toBe(-1);
    expect(index.personOrAdd("999990000002", 3)).toBe(2);
    passes.release();
  });
});
