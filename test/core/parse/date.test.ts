import { parseDateCell, parseYearCell, expandTwoDigitYear, yearOfDay } from "../../../src/core/parse/date";
import { INVALID } from "../../../src/core/parse/outcome";

/** Expected day numbers computed with Date.UTC, independently of the parser's own arithmetic. */
const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86400000;

describe("parseDateCell: Excel serials, 1900 system", () => {
  it.each([
    [1, day(1900, 1, 1)],
    [59, day(1900, 2, 28)],
    [61, day(1900, 3, 1)],
    [45658, day(2025, 1, 1)],
    [45658.75, day(2025, 1, 1)], // time of day dropped
    [73415, day(2100, 12, 31)],
  ])("serial %p", (serial, expected) => {
    expect(parseDateCell(serial)).toBe(expected);
  });

  it("serial 60, Lotus's phantom 29/02/1900, is invalid", () => {
    expect(parseDateCell(60)).toBe(INVALID);
  });

  it.each([0, -5, 73416, 2958465, NaN, Infinity, -Infinity])(
    "serial %p is invalid (outside 1900–2100 or not a number)",
    (serial) => {
      expect(parseDateCell(serial)).toBe(INVALID);
    },
  );
});

describe("parseDateCell: 1904 system", () => {
  it("serial 0 is 1 January 1904", () => {
    expect(parseDateCell(0, true)).toBe(day(1904, 1, 1));
  });
  it("serial 44196 is 1 January 2025 (1900 serial 45658 − 1462)", () => {
    expect(parseDateCell(44196, true)).toBe(day(2025, 1, 1));
  });
  it("serial 60 is an ordinary day (1 March 1904)", () => {
    expect(parseDateCell(60, true)).toBe(day(1904, 3, 1));
  });
});

describe("parseDateCell: Date objects", () => {
  it("UTC midnight", () => {
    expect(parseDateCell(new Date(Date.UTC(2025, 2, 15)))).toBe(day(2025, 3, 15));
  });
  it("invalid Date", () => {
    expect(parseDateCell(new Date(NaN))).toBe(INVALID);
  });
  it("year 1850 is out of range", () => {
    expect(parseDateCell(new Date(Date.UTC(1850, 0, 1)))).toBe(INVALID);
  });
});

describe("parseDateCell: text", () => {
  it.each([
    ["15/03/2025", day(2025, 3, 15)],
    ["15-03-2025", day(2025, 3, 15)],
    ["15.03.2025", day(2025, 3, 15)],
    ["2025-03-15", day(2025, 3, 15)],
    ["5/3/2025", day(2025, 3, 5)],
    ["05/3/2025", day(2025, 3, 5)],
    ["  15/03/2025\u00a0", day(2025, 3, 15)],
    ["15/03/25", day(2025, 3, 15)],
    ["01/01/29", day(2029, 1, 1)],
    ["01/01/30", day(1930, 1, 1)],
    ["12/07/85", day(1985, 7, 12)],
    ["15/03/2025 00:00", day(2025, 3, 15)],
    ["2025-03-15T00:00:00Z", day(2025, 3, 15)],
    ["29/02/2024", day(2024, 2, 29)],
    ["03/04/2025", day(2025, 4, 3)], // day first, always
    ["15 mars 2025", day(2025, 3, 15)],
    ["15-mars-25", day(2025, 3, 15)],
    ["1er janvier 2025", day(2025, 1, 1)],
    ["3 févr. 2025", day(2025, 2, 3)],
    ["31 Décembre 1999", day(1999, 12, 31)],
  ])("%p", (text, expected) => {
    expect(parseDateCell(text)).toBe(expected);
  });

  it.each([
    "31/02/2025",
    "29/02/2025",
    "32/01/2025",
    "15/13/2025",
    "15/03/1899",
    "15/03/2101",
    "15/03-2025",
    "2025/03/15",
    "15/03/025",
    "31 février 2025",
    "15 brumaire 2025",
    "demain",
    "15/03/2025 abc",
    "1/1",
    "00/01/2025",
  ])("%p is invalid", (text) => {
    expect(parseDateCell(text)).toBe(INVALID);
  });

  it("empty and whitespace are not filled", () => {
    expect(parseDateCell("")).toBeNull();
    expect(parseDateCell("   ")).toBeNull();
    expect(parseDateCell(null)).toBeNull();
    expect(parseDateCell(undefined)).toBeNull();
  });

  it("booleans and objects are invalid", () => {
    expect(parseDateCell(true)).toBe(INVALID);
    expect(parseDateCell({})).toBe(INVALID);
    expect(parseDateCell([1])).toBe(INVALID);
  });
});

describe("two-digit years and birth years", () => {
  it("00–29 → 2000s, 30–99 → 1900s", () => {
    expect(expandTwoDigitYear(0)).toBe(2000);
    expect(expandTwoDigitYear(29)).toBe(2029);
    expect(expandTwoDigitYear(30)).toBe(1930);
    expect(expandTwoDigitYear(99)).toBe(1999);
  });
  it.each([
    [1985, 1985],
    ["1985", 1985],
    [" 1985 ", 1985],
    ["12/07/1985", 1985],
    [31241, 1985], // a full date serial (12/07/1985) typed in the year column
  ])("year %p", (v, y) => {
    expect(parseYearCell(v)).toBe(y);
  });
  it.each([1850, 2200, "85", "19a5", 1985.5, true])("year %p is invalid", (v) => {
    expect(parseYearCell(v)).toBe(INVALID);
  });
});

describe("yearOfDay", () => {
  it("matches the UTC calendar on year boundaries from 1899 to 2102", () => {
    for (let y = 1899; y <= 2102; y++) {
      expect(yearOfDay(day(y, 1, 1))).toBe(y);
      expect(yearOfDay(day(y, 12, 31))).toBe(y);
      expect(yearOfDay(day(y, 7, 1))).toBe(y);
    }
    expect(yearOfDay(day(1850, 6, 1))).toBe(1850);
    expect(yearOfDay(day(2500, 1, 1))).toBe(2500);
  });
});
