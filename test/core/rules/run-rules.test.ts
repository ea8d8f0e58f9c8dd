import fc from "fast-check";
import { FINDING_CODES } from "../../../src/core/model/findings";
import { PERSON_FIELDS, type MappedField } from "../../../src/core/model/fields";
import type { PersonRow } from "../../../src/core/model/person";
import { DEFAULT_CONFIG } from "../../../src/core/config/defaults";
import { createMotifIndex } from "../../../src/core/config/motifs";
import { FindingCollector } from "../../../src/core/findings/collector";
import { parseA1 } from "../../../src/core/findings/a1";
import { runRules } from "../../../src/core/rules/run-rules";
import { count, d, issues, row, rows, run, structure, table } from "./row-factory";

describe("runRules", () => {
  it("reports every problem of a row, each on its own cell, with the table's column offset", () => {
    // Table starting in column C (firstColumn 3): hire date in C, exit date in D, weekly hours in E.
    const report = run({
      fields: ["hireDate", "exitDate", "weeklyHours"],
      rows: rows({ hireDate: d("2025-02-03"), exitDate: d("2025-01-12"), weeklyHours: 50 }),
    });
    expect(issues(report, "exit-before-hire")[0]).toMatchObject({ cell: "B2", column: 2 });
    expect(issues(report, "weekly-hours-max")[0]).toMatchObject({ cell: "C2", column: 3 });

    const config = DEFAULT_CONFIG;
    const findings = new FindingCollector(config.findingsCapPerRule);
    runRules({
      structure: structure(),
      structureLocations: {},
      tables: [table(["hireDate", "exitDate", "weeklyHours"], 3)],
      rows: rows({ hireDate: d("2025-02-03"), exitDate: d("2025-01-12"), weeklyHours: 50 }),
      config,
      motifs: createMotifIndex(config.exitMotifs),
      findings,
    });
    const shifted = findings.report().issues;
    expect(shifted.find((f) => f.code === "exit-before-hire")).toMatchObject({ cell: "D2", column: 4 });
    expect(shifted.find((f) => f.code === "weekly-hours-max")).toMatchObject({ cell: "E2", column: 5 });
  });

  it("a clean row raises nothing", () => {
    const report = run({
      fields: [
        "passNumber",
        "lastName",
        "firstName",
        "birthDate",
        "qpv",
        "qpvCode",
        "hireDate",
        "contractEndDate",
        "weeklyHours",
        "hoursWorked",
        "exitDate",
        "exitReason",
      ],
      rows: rows({
        passNumber: "999990012345",
        lastName: "Exemple",
        firstName: "Camille",
        birthDate: d("1988-07-01"),
        qpv: true,
        qpvCode: "QP038001",
        hireDate: d("2024-11-04"),
        contractEndDate: d("2025-05-03"),
        weeklyHours: 26,
        hoursWorked: 520,
        exitDate: d("2025-05-03"),
        exitMotif: "3",
        exitReasonRaw: "CDI",
      }),
    });
    expect(report.issues).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it("rows without a table: only structure rules run", () => {
    expect(count(run({ fields: null, rows: [row({ weeklyHours: 90 })] }), "weekly-hours-max")).toBe(0);
  });

  it("never throws on hostile rows, and every finding points at a real cell of its row", () => {
    const day = fc.oneof(
      fc.constant(null),
      fc.integer({ min: -80000, max: 80000 }),
      fc.constantFrom(Number.NaN, -0),
    );
    const num = fc.oneof(fc.constant(null), fc.double(), fc.integer({ min: -1000, max: 5000 }));
    const text = fc.oneof(
      fc.constant(null),
      fc.string({ maxLength: 40 }),
      fc.constantFrom("QP038001", "999990012345", "Sans nouvelle", "#N/A", "x".repeat(5000)),
    );
    const personRow = fc.record({
      passNumber: text,
      lastName: text,
      firstName: text,
      birthDate: day,
      birthYear: fc.oneof(fc.constant(null), fc.integer({ min: 1800, max: 2200 })),
      qpv: fc.oneof(fc.constant(null), fc.boolean()),
      qpvCode: text,
      hireDate: day,
      contractEndDate: day,
      weeklyHours: num,
      hoursWorked: num,
      hoursSinceHire: num,
      exitDate: day,
      exitMotif: fc.oneof(fc.constant(null), fc.constantFrom("3", "8", "17", "unknown-key")),
      exitReasonRaw: text,
      derogation: fc.boolean(),
    });
    const iso = fc.oneof(
      fc.constant(null),
      fc.constantFrom("2025-01-01", "2025-12-31", "2024-02-29", "2031-13-01", "hier"),
    );
    fc.assert(
      fc.property(
        fc.array(personRow, { maxLength: 30 }),
        fc.subarray([...PERSON_FIELDS] as MappedField[]),
        fc.integer({ min: 1, max: 16000 }),
        iso,
        iso,
        fc.constantFrom("ACI", "AI", "EI", "ETTI", "EITI", null),
        (partials, fields, firstColumn, periodStart, periodEnd, kind) => {
          const data: PersonRow[] = partials.map((p, i) => row({ ...p, excelRow: i + 2 }));
          const findings = new FindingCollector(DEFAULT_CONFIG.findingsCapPerRule);
          const t = table(fields, firstColumn);
          runRules({
            structure: structure({ periodStart, periodEnd, kind: kind as never, siret: "x", afNumber: "y" }),
            structureLocations: { siret: { sheet: "Structure", row: 3, column: 2 } },
            tables: [t],
            rows: data,
            config: DEFAULT_CONFIG,
            motifs: createMotifIndex(DEFAULT_CONFIG.exitMotifs),
            findings,
          });
          const rowNumbers = new Set(data.map((r) => r.excelRow));
          for (const f of findings.report().issues) {
            expect(FINDING_CODES).toContain(f.code);
            expect(f.message.length).toBeGreaterThan(20);
            if (f.cell === null) continue;
            expect(parseA1(f.cell)).toEqual({ row: f.row, column: f.column });
            expect(f.column).toBeLessThanOrEqual(16384);
            if (f.sheet === "Salariés") expect(rowNumbers.has(f.row!) || f.row === t.headerRow).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
