import { ageOn } from "../../../src/core/rules/age-rules";
import { count, d, issues, rows, run } from "./row-factory";

const HIRE = d("2025-03-15");

describe("ageOn", () => {
  it("counts whole years, birthday included", () => {
    expect(ageOn(d("2009-03-15"), HIRE)).toBe(16);
    expect(ageOn(d("2009-03-16"), HIRE)).toBe(15);
    // Born 29 February: on 28 February of a leap year, not yet 16; on 29 February, 16.
    expect(ageOn(d("2008-02-29"), d("2024-02-28"))).toBe(15);
    expect(ageOn(d("2008-02-29"), d("2024-02-29"))).toBe(16);
    // In a non-leap year the birthday is reached on 1 March.
    expect(ageOn(d("2008-02-29"), d("2025-02-28"))).toBe(16);
    expect(ageOn(d("2008-02-29"), d("2025-03-01"))).toBe(17);
  });
});

describe("age-range (birth date in column A, hire date in column B)", () => {
  const fields = ["birthDate", "hireDate"] as const;

  it("accepts exactly 16 and 99 years at hire", () => {
    const report = run({
      fields: [...fields],
      rows: rows(
        { birthDate: d("2009-03-15"), hireDate: HIRE },
        { birthDate: d("1925-03-16"), hireDate: HIRE },
      ),
    });
    expect(count(report, "age-range")).toBe(0);
  });

  it("errors one day before 16 and at 100", () => {
    const report = run({
      fields: [...fields],
      rows: rows(
        { birthDate: d("2009-03-16"), hireDate: HIRE },
        { birthDate: d("1925-03-15"), hireDate: HIRE },
      ),
    });
    const found = issues(report, "age-range");
    expect(found).toEqual([
      expect.objectContaining({
        severity: "error",
        sheet: "Salariés",
        cell: "A2",
        row: 2,
        column: 1,
        field: "birthDate",
        value: "16/03/2009",
      }),
      expect.objectContaining({ cell: "A3", value: "15/03/1925" }),
    ]);
    expect(found[0].message).toContain("15 ans");
    expect(found[0].message).toContain("16 à 99 ans");
    expect(found[1].message).toContain("100 ans");
  });

  it("follows config.age", () => {
    const sixteen = rows({ birthDate: d("2009-03-15"), hireDate: HIRE });
    expect(
      count(run({ fields: [...fields], rows: sixteen, config: { age: { min: 18 } } }), "age-range"),
    ).toBe(1);
    const seventy = rows({ birthDate: d("1955-01-01"), hireDate: HIRE });
    expect(count(run({ fields: [...fields], rows: seventy }), "age-range")).toBe(0);
    expect(
      count(run({ fields: [...fields], rows: seventy, config: { age: { max: 70 } } }), "age-range"),
    ).toBe(1);
  });

  it("skips rows without a hire date and tables without the column", () => {
    expect(
      count(
        run({ fields: [...fields], rows: rows({ birthDate: d("2020-01-01"), hireDate: null }) }),
        "age-range",
      ),
    ).toBe(0);
    expect(
      count(
        run({ fields: ["birthDate"], rows: rows({ birthDate: d("2020-01-01"), hireDate: HIRE }) }),
        "age-range",
      ),
    ).toBe(0);
  });

  it("with a birth year only, reports only ages out of range whatever the birthday", () => {
    // Hire in 2025: born 2009 → 15 or 16 (may be 16: fine); born 2010 → 14 or 15 (too young);
    // born 1925 → 99 or 100 (may be 99: fine); born 1924 → 100 or 101 (too old).
    const report = run({
      fields: ["birthYear", "hireDate"],
      rows: rows(
        { birthYear: 2009, hireDate: HIRE },
        { birthYear: 2010, hireDate: HIRE },
        { birthYear: 1925, hireDate: HIRE },
        { birthYear: 1924, hireDate: HIRE },
      ),
    });
    expect(issues(report, "age-range")).toEqual([
      expect.objectContaining({ cell: "A3", field: "birthYear", value: "2010" }),
      expect.objectContaining({ cell: "A5", field: "birthYear", value: "1924" }),
    ]);
  });
});

describe("age-range with both birth columns", () => {
  it("points at the birth-year column when the year came from it", () => {
    // A: birth date (empty on this row), B: birth year, C: hire date.
    const report = run({
      fields: ["birthDate", "birthYear", "hireDate"],
      rows: rows({ birthDate: null, birthYear: 2012, hireDate: d("2025-03-15") }),
    });
    expect(issues(report, "age-range")).toEqual([
      expect.objectContaining({ cell: "B2", field: "birthYear", value: "2012" }),
    ]);
  });
});
