import type { MappedField } from "../../../src/core/model/fields";
import type { PersonRow } from "../../../src/core/model/person";
import { count, d, issues, rows, run } from "./row-factory";

// A: hire date, B: contract end, C: weekly hours, D: exit date, E: derogation. Period 2025, kind ACI.
const FIELDS: MappedField[] = ["hireDate", "contractEndDate", "weeklyHours", "exitDate", "derogation"];
const HIRE = d("2025-02-01");
const weekly = (h: number, more: Partial<PersonRow> = {}): Partial<PersonRow> => ({
  hireDate: HIRE,
  weeklyHours: h,
  ...more,
});

describe("weekly-hours-low", () => {
  it("ACI: exactly 20 h is fine, 19.5 h warns on the weekly hours cell", () => {
    const report = run({ fields: FIELDS, rows: rows(weekly(20), weekly(19.5)) });
    const found = issues(report, "weekly-hours-low");
    expect(found).toEqual([
      expect.objectContaining({
        severity: "warning",
        cell: "C3",
        row: 3,
        column: 3,
        field: "weeklyHours",
        value: "19,5",
      }),
    ]);
    expect(found[0].message).toContain("Dérogation");
  });

  it("a derogation silences it", () => {
    expect(
      count(run({ fields: FIELDS, rows: rows(weekly(12, { derogation: true })) }), "weekly-hours-low"),
    ).toBe(0);
  });

  it("applies to config.weeklyHours.minKinds only", () => {
    const low = rows(weekly(12));
    expect(count(run({ fields: FIELDS, rows: low, structure: { kind: "EI" } }), "weekly-hours-low")).toBe(1);
    expect(count(run({ fields: FIELDS, rows: low, structure: { kind: "AI" } }), "weekly-hours-low")).toBe(0);
    expect(count(run({ fields: FIELDS, rows: low, structure: { kind: null } }), "weekly-hours-low")).toBe(0);
    const aiToo = { weeklyHours: { minKinds: ["ACI" as const, "EI" as const, "AI" as const] } };
    expect(
      count(run({ fields: FIELDS, rows: low, structure: { kind: "AI" }, config: aiToo }), "weekly-hours-low"),
    ).toBe(1);
  });

  it("follows config.weeklyHours.min", () => {
    expect(
      count(
        run({ fields: FIELDS, rows: rows(weekly(20)), config: { weeklyHours: { min: 24 } } }),
        "weekly-hours-low",
      ),
    ).toBe(1);
  });
});

describe("weekly-hours-max", () => {
  it("48 h is fine, 48.5 h is an error, for every kind", () => {
    for (const kind of ["ACI", "AI"] as const) {
      const report = run({ fields: FIELDS, structure: { kind }, rows: rows(weekly(48), weekly(48.5)) });
      expect(issues(report, "weekly-hours-max")).toEqual([
        expect.objectContaining({ severity: "error", cell: "C3", value: "48,5" }),
      ]);
    }
  });

  it("follows config.weeklyHours.max", () => {
    expect(
      count(
        run({ fields: FIELDS, rows: rows(weekly(45)), config: { weeklyHours: { max: 44 } } }),
        "weekly-hours-max",
      ),
    ).toBe(1);
  });

  it("does not run without the column", () => {
    expect(count(run({ fields: ["hireDate"], rows: rows(weekly(90)) }), "weekly-hours-max")).toBe(0);
  });
});

describe("contract-too-short", () => {
  const contract = (hire: string, end: string): Partial<PersonRow> => ({
    hireDate: d(hire),
    contractEndDate: d(end),
  });

  it("exactly 4 months (both ends counted) is fine; one day less warns", () => {
    const report = run({
      fields: FIELDS,
      rows: rows(
        contract("2025-02-01", "2025-05-31"),
        contract("2025-02-01", "2025-05-30"),
        contract("2025-01-15", "2025-05-14"),
        contract("2025-01-15", "2025-05-13"),
      ),
    });
    const found = issues(report, "contract-too-short");
    expect(found.map((f) => [f.cell, f.value, f.severity])).toEqual([
      ["B3", "30/05/2025", "warning"],
      ["B5", "13/05/2025", "warning"],
    ]);
    expect(found[0].message).toContain("moins de 4 mois");
  });

  it("applies to config.contract.minKinds (not ETTI by default)", () => {
    const short = rows(contract("2025-02-01", "2025-03-31"));
    expect(count(run({ fields: FIELDS, rows: short, structure: { kind: "AI" } }), "contract-too-short")).toBe(
      1,
    );
    expect(
      count(run({ fields: FIELDS, rows: short, structure: { kind: "ETTI" } }), "contract-too-short"),
    ).toBe(0);
  });

  it("follows config.contract.minMonths", () => {
    const four = rows(contract("2025-02-01", "2025-05-31"));
    expect(
      count(
        run({ fields: FIELDS, rows: four, config: { contract: { minMonths: 6 } } }),
        "contract-too-short",
      ),
    ).toBe(1);
  });

  it("skips rows with a missing end or hire date", () => {
    expect(
      count(
        run({ fields: FIELDS, rows: rows({ hireDate: HIRE }, { contractEndDate: d("2025-02-10") }) }),
        "contract-too-short",
      ),
    ).toBe(0);
  });
});

describe("path-too-long", () => {
  it("without exit, measured to the period end (31/12/2025): exactly 24 months is fine, one day more warns", () => {
    const report = run({
      fields: FIELDS,
      rows: rows({ hireDate: d("2024-01-01") }, { hireDate: d("2023-12-31") }),
    });
    const found = issues(report, "path-too-long");
    expect(found).toEqual([
      expect.objectContaining({ severity: "warning", cell: "A3", field: "hireDate", value: "31/12/2023" }),
    ]);
    expect(found[0].message).toContain("fin de période");
  });

  it("with an exit, measured to the exit", () => {
    const hire = d("2023-03-15");
    const report = run({
      fields: FIELDS,
      rows: rows(
        { hireDate: hire, exitDate: d("2025-03-14") },
        { hireDate: hire, exitDate: d("2025-03-15") },
      ),
    });
    expect(issues(report, "path-too-long").map((f) => [f.row, f.severity])).toEqual([[3, "warning"]]);
  });

  it("a derogation allows up to 60 months; beyond is an error even with one", () => {
    const report = run({
      fields: FIELDS,
      rows: rows(
        { hireDate: d("2023-12-31"), derogation: true },
        { hireDate: d("2021-01-01"), derogation: true }, // exactly 60 months to 31/12/2025
        { hireDate: d("2021-01-01") }, // 60 months without derogation: warning
        { hireDate: d("2020-12-31"), derogation: true }, // 60 months + 1 day
        { hireDate: d("2020-12-31") },
      ),
    });
    expect(issues(report, "path-too-long").map((f) => [f.row, f.severity])).toEqual([
      [4, "warning"],
      [5, "error"],
      [6, "error"],
    ]);
  });

  it("follows config.contract.maxMonths and maxMonthsWithDerogation", () => {
    const nineteen = rows({ hireDate: d("2024-06-01") });
    expect(count(run({ fields: FIELDS, rows: nineteen }), "path-too-long")).toBe(0);
    expect(
      count(
        run({ fields: FIELDS, rows: nineteen, config: { contract: { maxMonths: 12 } } }),
        "path-too-long",
        "warning",
      ),
    ).toBe(1);
    expect(
      count(
        run({ fields: FIELDS, rows: nineteen, config: { contract: { maxMonthsWithDerogation: 18 } } }),
        "path-too-long",
        "error",
      ),
    ).toBe(1);
  });

  it("skips paths whose end precedes the hire (reported by the date rules)", () => {
    expect(
      count(
        run({ fields: FIELDS, rows: rows({ hireDate: d("2019-01-01"), exitDate: d("2018-01-01") }) }),
        "path-too-long",
      ),
    ).toBe(0);
  });
});
