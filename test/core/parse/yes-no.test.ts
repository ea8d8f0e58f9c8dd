import { parseYesNo } from "../../../src/core/parse/yes-no";
import { INVALID } from "../../../src/core/parse/outcome";

describe("parseYesNo", () => {
  it.each([
    "Oui",
    "oui",
    "OUI",
    " Oui ",
    "O",
    "o",
    "Yes",
    "Y",
    "X",
    "x",
    "1",
    "Vrai",
    "VRAI",
    "True",
    "true",
  ])("%p → true", (v) => {
    expect(parseYesNo(v)).toBe(true);
  });
  it.each(["Non", "non", "NON", "N", "n", "No", "0", "Faux", "FAUX", "False", "-", " - ", "\u2013"])(
    "%p → false",
    (v) => {
      expect(parseYesNo(v)).toBe(false);
    },
  );
  it("numbers and booleans", () => {
    expect(parseYesNo(1)).toBe(true);
    expect(parseYesNo(0)).toBe(false);
    expect(parseYesNo(true)).toBe(true);
    expect(parseYesNo(false)).toBe(false);
  });
  it("empty is not filled, never silently no", () => {
    expect(parseYesNo("")).toBeNull();
    expect(parseYesNo("  ")).toBeNull();
    expect(parseYesNo(null)).toBeNull();
    expect(parseYesNo(undefined)).toBeNull();
  });
  it.each(["Peut-être", "?", "oui/non", "2", 2, 0.5, NaN, {}, "Ouii"])("%p is invalid", (v) => {
    expect(parseYesNo(v)).toBe(INVALID);
  });
  it("memoised answers stay right on repetition", () => {
    for (let i = 0; i < 3; i++) {
      expect(parseYesNo("Oui")).toBe(true);
      expect(parseYesNo("bof")).toBe(INVALID);
    }
  });
});
