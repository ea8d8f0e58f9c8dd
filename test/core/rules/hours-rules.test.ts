import type { MappedField } from "../../../src/core/model/fields";
import { count, d, issues, rows, run } from "./row-factory";

// A: hire date, B: exit date, C: hours worked. Period: 2025 (365 days).
const FIELDS: MappedField[] = ["hireDate", "exitDate", "hoursWorked"];
const BEFORE = d("2024-01-01");

describe("hours-negative", () => {
  it("accepts positive hours", () => {
    expect(
      count(run({ fields: FIELDS, rows: rows({ hireDate: BEFORE, hoursWorked: 12.5 }) }), "hours-negative"),
    ).toBe(0);
  });

  it("errors on negative hours", () => {
    const report = run({ fields: FIELDS, rows: rows({ hireDate: BEFORE, hoursWorked: -5 }) });
    expect(issues(report, "hours-negative")).toEqual([
      expect.objectContaining({
        severity: "error",
        cell: "C2",
        row: 2,
        column: 3,
        field: "hoursWorked",
        value: "-5",
      }),
    ]);
    expect(count(report, "no-hours")).toBe(0);
  });
});

describe("no-hours", () => {
  it("informs under 1 hour (the employees threshold), not from 1 hour", () => {
    const report = run({
      fields: FIELDS,
      rows: rows({ hoursWorked: 0 }, { hoursWorked: 0.5 }, { hoursWorked: 1 }, { hoursWorked: null }),
    });
    expect(issues(report, "no-hours")).toEqual([
      expect.objectContaining({ severity: "info", cell: "C2", value: "0" }),
      expect.objectContaining({ severity: "info", cell: "C3", value: "0,5" }),
    ]);
    expect(issues(report, "no-hours")[0].message).toContain("pas comptée parmi les salariés");
  });
});

describe("hours-implausible", () => {
  it("full year: 48 h × 365/7 weeks = 2502.86 h is the limit", () => {
    const report = run({
      fields: FIELDS,
      rows: rows({ hireDate: BEFORE, hoursWorked: 2502 }, { hireDate: BEFORE, hoursWorked: 2503 }),
    });
    expect(issues(report, "hours-implausible")).toEqual([
      expect.objectContaining({ severity: "warning", cell: "C3", value: "2503" }),
    ]);
  });

  it("counts only the weeks of presence: hired 1 July → 184 days → 1261.71 h", () => {
    const july = d("2025-07-01");
    const report = run({
      fields: FIELDS,
      rows: rows({ hireDate: july, hoursWorked: 1261 }, { hireDate: july, hoursWorked: 1262 }),
    });
    expect(issues(report, "hours-implausible").map((f) => f.row)).toEqual([3]);
  });

  it("exit on 7 January: one week of presence → 48 h exactly is fine", () => {
    const report = run({
      fields: FIELDS,
      rows: rows(
        { hireDate: d("2024-06-01"), exitDate: d("2025-01-07"), hoursWorked: 48 },
        { hireDate: d("2024-06-01"), exitDate: d("2025-01-07"), hoursWorked: 48.5 },
      ),
    });
    expect(issues(report, "hours-implausible").map((f) => f.row)).toEqual([3]);
    expect(issues(report, "hours-implausible")[0].message).toContain("du 01/01/2025 au 07/01/2025 (7 jours)");
  });

  it("follows config.maxHoursPerWeek", () => {
    const week = rows({ hireDate: d("2024-06-01"), exitDate: d("2025-01-07"), hoursWorked: 36 });
    expect(count(run({ fields: FIELDS, rows: week }), "hours-implausible")).toBe(0);
    expect(
      count(run({ fields: FIELDS, rows: week, config: { maxHoursPerWeek: 35 } }), "hours-implausible"),
    ).toBe(1);
  });

  it("leaves rows without presence in the period to the date rules", () => {
    const report = run({
      fields: FIELDS,
      rows: rows({ hireDate: d("2024-01-01"), exitDate: d("2024-06-30"), hoursWorked: 500 }),
    });
    expect(count(report, "hours-implausible")).toBe(0);
  });

  it("points at the first monthly column when hours are summed from months", () => {
    const report = run({
      fields: ["hireDate", "hoursMonth", "hoursMonth"],
      rows: rows({ hireDate: BEFORE, hoursWorked: 9000 }),
    });
    expect(issues(report, "hours-implausible")).toEqual([
      expect.objectContaining({ cell: "B2", column: 2, field: "hoursWorked" }),
    ]);
  });

  it("does not run without a usable period", () => {
    const big = rows({ hireDate: BEFORE, hoursWorked: 9000 });
    expect(
      count(run({ fields: FIELDS, rows: big, structure: { periodStart: null } }), "hours-implausible"),
    ).toBe(0);
  });
});
