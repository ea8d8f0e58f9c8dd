import type { MappedField } from "../../../src/core/model/fields";
import { count, d, issues, rows, run } from "./row-factory";

// Column A: hire date, B: exit date. Period: calendar year 2025 (row-factory default).
const FIELDS: MappedField[] = ["hireDate", "exitDate"];

describe("hire-after-period", () => {
  it("accepts a hire on the last day of the period", () => {
    expect(
      count(run({ fields: FIELDS, rows: rows({ hireDate: d("2025-12-31") }) }), "hire-after-period"),
    ).toBe(0);
  });

  it("errors on a hire after the period end", () => {
    const report = run({
      fields: FIELDS,
      rows: rows({ hireDate: d("2025-06-01") }, { hireDate: d("2026-01-01") }),
    });
    const found = issues(report, "hire-after-period");
    expect(found).toEqual([
      expect.objectContaining({
        severity: "error",
        cell: "A3",
        row: 3,
        column: 1,
        field: "hireDate",
        value: "01/01/2026",
      }),
    ]);
    expect(found[0].message).toContain("31/12/2025");
  });

  it("does not run when the period is unknown or inverted", () => {
    const late = rows({ hireDate: d("2026-01-01") });
    expect(
      count(run({ fields: FIELDS, rows: late, structure: { periodEnd: null } }), "hire-after-period"),
    ).toBe(0);
    expect(
      count(
        run({
          fields: FIELDS,
          rows: late,
          structure: { periodStart: "2026-12-31", periodEnd: "2025-12-31" },
        }),
        "hire-after-period",
      ),
    ).toBe(0);
  });
});

describe("exit-before-hire", () => {
  it("accepts an exit on the hire day", () => {
    expect(
      count(
        run({ fields: FIELDS, rows: rows({ hireDate: d("2025-02-03"), exitDate: d("2025-02-03") }) }),
        "exit-before-hire",
      ),
    ).toBe(0);
  });

  it("errors on an exit before the hire, on the exit cell", () => {
    const report = run({
      fields: FIELDS,
      rows: rows({ hireDate: d("2025-02-03"), exitDate: d("2025-01-12") }),
    });
    const [f] = issues(report, "exit-before-hire");
    expect(f).toMatchObject({
      severity: "error",
      cell: "B2",
      row: 2,
      column: 2,
      field: "exitDate",
      value: "12/01/2025",
    });
    expect(f.message).toBe(
      "La date de sortie (12/01/2025) est antérieure à la date d'embauche (03/02/2025). Corrigez l'une des deux dates.",
    );
  });

  it("skips rows with an unreadable hire date", () => {
    expect(
      count(
        run({ fields: FIELDS, rows: rows({ hireDate: null, exitDate: d("2025-01-12") }) }),
        "exit-before-hire",
      ),
    ).toBe(0);
  });
});

describe("exit-outside-period", () => {
  it("accepts exits on the first and last day of the period", () => {
    const report = run({
      fields: FIELDS,
      rows: rows(
        { hireDate: d("2024-01-01"), exitDate: d("2025-01-01") },
        { hireDate: d("2024-01-01"), exitDate: d("2025-12-31") },
      ),
    });
    expect(count(report, "exit-outside-period")).toBe(0);
  });

  it("warns on exits before or after the period", () => {
    const report = run({
      fields: FIELDS,
      rows: rows(
        { hireDate: d("2024-01-01"), exitDate: d("2024-12-31") },
        { hireDate: d("2024-01-01"), exitDate: d("2026-01-01") },
      ),
    });
    expect(issues(report, "exit-outside-period")).toEqual([
      expect.objectContaining({ severity: "warning", cell: "B2", value: "31/12/2024" }),
      expect.objectContaining({ severity: "warning", cell: "B3", value: "01/01/2026" }),
    ]);
    expect(report.valid).toBe(true);
  });

  it("does not add a warning to a row already outside the report", () => {
    const report = run({
      fields: FIELDS,
      rows: rows({ hireDate: d("2026-02-01"), exitDate: d("2026-03-01") }),
    });
    expect(count(report, "hire-after-period")).toBe(1);
    expect(count(report, "exit-outside-period")).toBe(0);
  });
});
