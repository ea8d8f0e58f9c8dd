import type { MappedField } from "../../../src/core/model/fields";
import type { PersonRow } from "../../../src/core/model/person";
import { count, d, issues, rows, run } from "./row-factory";

// A: hire date, B: exit date, C: exit reason, D: hours worked, E: hours since hire. Period 2025, kind ACI.
const FIELDS: MappedField[] = ["hireDate", "exitDate", "exitReason", "hoursWorked", "hoursSinceHire"];
const HIRE = d("2025-01-10");

/** An exit as the reader gives it: motif key (code) and the raw text. */
function exit(
  date: string,
  motif: string | null,
  raw: string | null = motif,
  more: Partial<PersonRow> = {},
): Partial<PersonRow> {
  return {
    hireDate: HIRE,
    exitDate: d(date),
    exitMotif: motif,
    exitReasonRaw: raw,
    hoursWorked: 600,
    ...more,
  };
}

describe("exit-reason-missing", () => {
  it("is silent when date and reason go together, or neither is given", () => {
    const report = run({
      fields: FIELDS,
      rows: rows(exit("2025-06-30", "3", "CDI"), { hireDate: HIRE, hoursWorked: 100 }),
    });
    expect(count(report, "exit-reason-missing")).toBe(0);
  });

  it("errors on an exit date without a reason, on the reason cell", () => {
    const report = run({ fields: FIELDS, rows: rows(exit("2025-06-30", null, null)) });
    const [f] = issues(report, "exit-reason-missing");
    expect(f).toMatchObject({
      severity: "error",
      cell: "C2",
      row: 2,
      column: 3,
      field: "exitReason",
      value: null,
    });
    expect(f.message).toContain("30/06/2025");
  });

  it("errors on a reason without an exit date, on the date cell", () => {
    const report = run({
      fields: FIELDS,
      rows: rows({ hireDate: HIRE, exitMotif: "3", exitReasonRaw: "CDI" }),
    });
    expect(issues(report, "exit-reason-missing")).toEqual([
      expect.objectContaining({ severity: "error", cell: "B2", field: "exitDate", value: "CDI" }),
    ]);
  });

  it("does not run when the reason column is absent", () => {
    const report = run({ fields: ["hireDate", "exitDate"], rows: rows(exit("2025-06-30", null, null)) });
    expect(count(report, "exit-reason-missing")).toBe(0);
  });
});

describe("exit-reason-unknown", () => {
  it("is silent for a recognised reason", () => {
    expect(
      count(run({ fields: FIELDS, rows: rows(exit("2025-06-30", "7", "Chômage")) }), "exit-reason-unknown"),
    ).toBe(0);
  });

  it("errors on an unrecognised reason and suggests close labels", () => {
    const report = run({
      fields: FIELDS,
      rows: rows(
        exit("2025-06-30", null, "chomge"),
        exit("2025-06-30", null, "CDD 3 mois"),
        exit("2025-06-30", null, "zzz"),
      ),
    });
    const found = issues(report, "exit-reason-unknown");
    expect(found.map((f) => [f.cell, f.value, f.severity])).toEqual([
      ["C2", "chomge", "error"],
      ["C3", "CDD 3 mois", "error"],
      ["C4", "zzz", "error"],
    ]);
    // "chomge" is one letter from the alias "Chômage" of motif 7.
    expect(found[0].message).toContain("Motifs proches : « 7 - Au chômage »");
    // "cdd 3 mois" is one character from the aliases "CDD < 6 mois" (10) and "CDD >= 6 mois" (9).
    expect(found[1].message).toMatch(/« 9 - Embauche en CDD/);
    expect(found[1].message).toMatch(/« 10 - Embauche en CDD/);
    expect(found[2].message).not.toContain("Motifs proches");
    expect(found[2].message).toContain("n'est pas reconnu");
    // An unknown reason is still a reason: not "missing".
    expect(count(report, "exit-reason-missing")).toBe(0);
  });
});

describe("exit-withdrawn", () => {
  it("informs on a withdrawn exit, whatever its length", () => {
    // Motif 17 "Décès" is in the withdrawn category; 20 days after hire would otherwise be too short.
    const report = run({ fields: FIELDS, rows: rows(exit("2025-01-30", "17", "Décès")) });
    expect(issues(report, "exit-withdrawn")).toEqual([
      expect.objectContaining({ severity: "info", cell: "C2", field: "exitReason", value: "Décès" }),
    ]);
    expect(count(report, "exit-too-short")).toBe(0);
    expect(report.valid).toBe(true);
  });

  it("is silent for other categories and for exits outside the period", () => {
    const report = run({
      fields: FIELDS,
      rows: rows(exit("2025-06-30", "3"), exit("2026-02-01", "17", "Décès")),
    });
    expect(count(report, "exit-withdrawn")).toBe(0);
  });
});

describe("exit-too-short", () => {
  it("ACI: exactly 3 calendar months after hire is examined, one day less is not", () => {
    const hire = d("2025-03-15");
    const report = run({
      fields: FIELDS,
      rows: rows(
        exit("2025-06-14", "3", "CDI", { hireDate: hire }),
        exit("2025-06-15", "3", "CDI", { hireDate: hire }),
      ),
    });
    expect(issues(report, "exit-too-short")).toEqual([
      expect.objectContaining({ severity: "info", cell: "B2", field: "exitDate", value: "14/06/2025" }),
    ]);
    expect(issues(report, "exit-too-short")[0].message).toContain("moins de 3 mois");
  });

  it("AI: under 150 hours since hire (else the period's hours)", () => {
    const report = run({
      fields: FIELDS,
      structure: { kind: "AI" },
      rows: rows(
        exit("2025-06-30", "3", "CDI", { hoursSinceHire: 149 }),
        exit("2025-06-30", "3", "CDI", { hoursSinceHire: 150 }),
        exit("2025-06-30", "3", "CDI", { hoursSinceHire: null, hoursWorked: 149 }),
      ),
    });
    expect(issues(report, "exit-too-short").map((f) => f.row)).toEqual([2, 4]);
    expect(issues(report, "exit-too-short")[0].message).toContain("149 heures");
  });

  it("EITI has no minimum stay", () => {
    const report = run({ fields: FIELDS, structure: { kind: "EITI" }, rows: rows(exit("2025-01-11", "3")) });
    expect(count(report, "exit-too-short")).toBe(0);
  });

  it("follows config.minimumStay", () => {
    const twoMonths = rows(exit("2025-05-15", "3", "CDI", { hireDate: d("2025-03-15") }));
    expect(count(run({ fields: FIELDS, rows: twoMonths }), "exit-too-short")).toBe(1);
    expect(
      count(
        run({ fields: FIELDS, rows: twoMonths, config: { minimumStay: { ACI: { months: 2 } } } }),
        "exit-too-short",
      ),
    ).toBe(0);
  });
});

describe("rows outside the report", () => {
  it("a row hired after the period end is not classified (as in the indicators)", () => {
    // Hired 2026, "exit" in 2025 with a withdrawn motif: exit-before-hire and hire-after-period, nothing else.
    const report = run({
      fields: FIELDS,
      rows: rows(exit("2025-06-30", "17", "Décès", { hireDate: d("2026-02-01") })),
    });
    expect(count(report, "exit-withdrawn")).toBe(0);
    expect(count(report, "unknown-share-high")).toBe(0);
    expect(count(report, "hire-after-period")).toBe(1);
    expect(count(report, "exit-before-hire")).toBe(1);
  });
});

describe("unknown-share-high", () => {
  const known = (n: number) => Array.from({ length: n }, () => exit("2025-06-30", "3", "CDI"));

  it("is silent at exactly the threshold (1 of 5 = 20 %)", () => {
    const report = run({ fields: FIELDS, rows: rows(...known(4), exit("2025-06-30", "8", "Sans nouvelle")) });
    expect(count(report, "unknown-share-high")).toBe(0);
  });

  it("warns once above it, counting no-news, unknown and missing reasons", () => {
    // 2 of 5 exits of the period: one "Sans nouvelle", one unknown reason → 40 %.
    // Exits outside the period (a no-news one in 2026) are not exits of this period.
    const report = run({
      fields: FIELDS,
      rows: rows(
        ...known(3),
        exit("2025-06-30", "8", "Sans nouvelle"),
        exit("2025-06-30", null, "parti"),
        exit("2026-02-01", "8", "Sans nouvelle"),
      ),
    });
    const found = issues(report, "unknown-share-high");
    expect(found).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "Salariés",
        cell: "C1",
        row: 1,
        column: 3,
        field: "exitReason",
        value: "40 % (2 sur 5)",
      }),
    ]);
    expect(found[0].message).toContain("20 %");
    const missing = run({
      fields: FIELDS,
      rows: rows(...known(3), exit("2025-06-30", null, null), exit("2025-06-30", null, null)),
    });
    expect(count(missing, "unknown-share-high", "warning")).toBe(1);
  });

  it("counts withdrawn and too-short exits in the denominator", () => {
    // 1 no-news out of 5 exits, 4 of which are withdrawn or too short: 20 % → silent; with 4 exits, 25 % → warning.
    const others = [
      exit("2025-06-30", "17", "Décès"),
      exit("2025-01-20", "3"),
      exit("2025-01-21", "3"),
      exit("2025-06-30", "3"),
    ];
    expect(
      count(run({ fields: FIELDS, rows: rows(...others, exit("2025-06-30", "8")) }), "unknown-share-high"),
    ).toBe(0);
    expect(
      count(
        run({ fields: FIELDS, rows: rows(...others.slice(1), exit("2025-06-30", "8")) }),
        "unknown-share-high",
      ),
    ).toBe(1);
  });

  it("follows config.unknownExitShareMax and config.noNewsMotifCodes", () => {
    const forty = rows(...known(3), exit("2025-06-30", "8"), exit("2025-06-30", "8"));
    expect(
      count(run({ fields: FIELDS, rows: forty, config: { unknownExitShareMax: 0.5 } }), "unknown-share-high"),
    ).toBe(0);
    const unemployed = rows(...known(3), exit("2025-06-30", "7"), exit("2025-06-30", "7"));
    expect(count(run({ fields: FIELDS, rows: unemployed }), "unknown-share-high")).toBe(0);
    expect(
      count(
        run({ fields: FIELDS, rows: unemployed, config: { noNewsMotifCodes: ["7"] } }),
        "unknown-share-high",
      ),
    ).toBe(1);
  });

  it("says to add the reason column when it is absent", () => {
    const report = run({ fields: ["hireDate", "exitDate"], rows: rows(exit("2025-06-30", null, null)) });
    const [f] = issues(report, "unknown-share-high");
    expect(f).toMatchObject({ cell: "B1", field: "exitDate", value: "100 % (1 sur 1)" });
    expect(f.message).toContain("Motif de sortie");
  });

  it("is silent without exits in the period", () => {
    expect(
      count(run({ fields: FIELDS, rows: rows({ hireDate: HIRE, hoursWorked: 10 }) }), "unknown-share-high"),
    ).toBe(0);
  });
});
