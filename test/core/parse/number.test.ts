import { parseNumberCell } from "../../../src/core/parse/number";
import { INVALID } from "../../../src/core/parse/outcome";

describe("parseNumberCell", () => {
  it.each([
    [12, 12],
    [12.5, 12.5],
    [-3, -3],
  ])("number %p", (v, x) => expect(parseNumberCell(v)).toBe(x));

  it("-0 becomes 0", () => {
    expect(Object.is(parseNumberCell(-0), 0)).toBe(true);
    expect(Object.is(parseNumberCell("-0"), 0)).toBe(true);
  });

  it.each([
    ["1234,5", 1234.5],
    ["1234.5", 1234.5],
    ["1 234,5", 1234.5],
    ["1\u00a0234,5", 1234.5],
    ["1\u202f234,5", 1234.5],
    ["12\u202f345\u202f678", 12345678],
    ["  35 ", 35],
    ["35 h", 35],
    ["35h", 35],
    ["1 200 €", 1200],
    [",5", 0.5],
    ["-12,25", -12.25],
    ["+7", 7],
  ])("text %p", (v, x) => expect(parseNumberCell(v)).toBe(x));

  it.each([
    "1,234,5",
    "1.234,5",
    "1,234.5",
    "12,",
    "abc",
    "1 2 3,4,5",
    "12 ,5",
    "1e3",
    "- 5",
    "h",
    "€",
    "--5",
    "12,5,",
  ])("%p is invalid", (v) => {
    expect(parseNumberCell(v)).toBe(INVALID);
  });

  it.each([NaN, Infinity, -Infinity, true, {}, [], new Date(0)])("%p is invalid", (v) => {
    expect(parseNumberCell(v)).toBe(INVALID);
  });

  it("empty is not filled", () => {
    expect(parseNumberCell("")).toBeNull();
    expect(parseNumberCell(" \u00a0 ")).toBeNull();
    expect(parseNumberCell(null)).toBeNull();
  });

  it("very long text is invalid without scanning it", () => {
    expect(parseNumberCell("1".repeat(100000))).toBe(INVALID);
  });
});
