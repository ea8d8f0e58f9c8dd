import { EXCEL_ERRORS, excelErrorOf, isExcelError } from "../../../src/core/parse/excel-error";

describe("Excel error values", () => {
  it.each([
    "#N/A",
    "#REF!",
    "#VALUE!",
    "#DIV/0!",
    "#NAME?",
    "#NUM!",
    "#NULL!",
    "#SPILL!",
    "#CALC!",
    "#GETTING_DATA",
  ])("%p is an error", (e) => {
    expect(isExcelError(e)).toBe(true);
    expect(EXCEL_ERRORS.has(e)).toBe(true);
  });
  it.each(["#", "#1", "# N/A", "N/A", "#hashtag", "#N/A#N/A", "", 0, null, "#N/A and text"])(
    "%p is not an error",
    (v) => {
      expect(isExcelError(v)).toBe(false);
    },
  );
  it("lower-case forms are recognised and normalised", () => {
    expect(excelErrorOf("#n/a")).toBe("#N/A");
    expect(excelErrorOf("#div/0!")).toBe("#DIV/0!");
  });
  it("ExcelJS error objects are recognised", () => {
    expect(excelErrorOf({ error: "#REF!" })).toBe("#REF!");
    expect(excelErrorOf({ error: "nope" })).toBeNull();
  });
  it("a hostile getter does not throw", () => {
    const o = Object.defineProperty({}, "error", {
      get() {
        throw new Error("boom");
      },
    });
    expect(excelErrorOf(o)).toBeNull();
  });
});
