import { consolidate } from "../../../src/core/consolidate/consolidate";
import { combineIndicators } from "../../../src/core/consolidate/combine";
import { consolidationInputFromRows } from "../../../src/core/consolidate/from-analysis";
import type { ConsolidationInput } from "../../../src/core/consolidate/types";
import { computeIndicators } from "../../../src/core/indicators/compute";
import { INDICATOR_KEYS, type Indicators } from "../../../src/core/model/indicators";
import type { Kind } from "../../../src/core/model/kinds";
import { PERSON_FIELDS } from "../../../src/core/model/fields";
import { context, d, row, structure } from "../indicators/fixtures";

/** Indicators with every key null, then the given values: only what a test states matters. */
function ind(values: Partial<Indicators>): Indicators {
  const out = {} as Indicators;
  for (const k of INDICATOR_KEYS) out[k] = null;
  return { ...out, ...values };
}

function report(partial: Partial<ConsolidationInput> & { indicators: Indicators }): ConsolidationInput {
  return {
    file: "bilan.xlsx",
    siret: "11111111111111",
    name: "Structure",
    kind: "ACI",
    valid: true,
    counts: { error: 0, warning: 0, info: 0 },
    personKeys: [],
    ...partial,
  };
}

describe("combineIndicators", () => {
  it("recomputes a share from summed counts: 1/2 and 3/4 give 4/6, not the mean 0.625", () => {
    const c = combineIndicators([
      ind({ employees: 2, women: 1, shareWomen: 0.5 }),
      ind({ employees: 4, women: 3, shareWomen: 0.75 }),
    ]);
    expect(c.employees).toBe(6);
    expect(c.women).toBe(4);
    expect(c.shareWomen).toBeCloseTo(4 / 6, 12);
    expect(c.shareWomen).not.toBeCloseTo(0.625, 3);
  });

  it("computes a share over the reports that have its column only", () => {
    const c = combineIndicators([
      ind({ employees: 10, qpv: 5, shareQpv: 0.5 }),
      ind({ employees: 30, qpv: null, shareQpv: null }), // no QPV column in this report
      ind({ employees: 10, qpv: 0, shareQpv: 0 }),
    ]);
    expect(c.employees).toBe(50);
    expect(c.qpv).toBe(5);
    expect(c.shareQpv).toBeCloseTo(5 / 20, 12);
  });

  it("keeps null when no report has the value", () => {
    const c = combineIndicators([ind({ employees: 3 }), ind({ employees: 4 })]);
    expect(c.qpv).toBeNull();
    expect(c.shareQpv).toBeNull();
    expect(c.rateDurable).toBeNull();
  });

  it("recomputes exit rates from summed categories and examined exits", () => {
    const c = combineIndicators([
      ind({
        exitsExamined: 4,
        exitsDurable: 1,
        exitsTransition: 1,
        exitsPositive: 0,
        rateDurable: 0.25,
        rateDynamic: 0.5,
      }),
      ind({
        exitsExamined: 6,
        exitsDurable: 3,
        exitsTransition: 0,
        exitsPositive: 2,
        rateDurable: 0.5,
        rateDynamic: 5 / 6,
      }),
    ]);
    expect(c.exitsExamined).toBe(10);
    expect(c.rateDurable).toBeCloseTo(4 / 10, 12);
    expect(c.rateTransition).toBeCloseTo(1 / 10, 12);
    expect(c.ratePositive).toBeCloseTo(2 / 10, 12);
    expect(c.rateDynamic).toBeCloseTo(7 / 10, 12);
  });

  it("rates are null when no exit is examined anywhere", () => {
    const c = combineIndicators([
      ind({ exitsExamined: 0, exitsDurable: 0 }),
      ind({ exitsExamined: 0, exitsDurable: 0 }),
    ]);
    expect(c.rateDurable).toBeNull();
  });

  it("adds ETP up and divides by the conventioned ETP of the reports that have one", () => {
    const c = combineIndicators([
      ind({ hoursWorked: 1820, fte: 1, fteRsa: 0.5, fteConventioned: 2 }),
      ind({ hoursWorked: 3010, fte: 2, fteRsa: 1, fteConventioned: 2 }),
      ind({ hoursWorked: 1607, fte: 1, fteRsa: 0, fteConventioned: null }),
    ]);
    expect(c.hoursWorked).toBe(6437);
    expect(c.fte).toBe(4);
    expect(c.fteRsa).toBe(1.5);
    expect(c.fteConventioned).toBe(4);
    expect(c.fteRealisationRate).toBeCloseTo(3 / 4, 12);
  });

  it("weights the average path by examined exits", () => {
    const c = combineIndicators([
      ind({ exitsExamined: 1, averagePathMonths: 6 }),
      ind({ exitsExamined: 3, averagePathMonths: 10 }),
      ind({ exitsExamined: 0, averagePathMonths: null }),
    ]);
    expect(c.averagePathMonths).toBeCloseTo((6 + 30) / 4, 12);
  });

  it("of a single report gives back its indicators", () => {
    const rows = [
      row({
        identity: "a",
        sex: "F",
        qpv: true,
        rsa: "OUI",
        birthYear: 1990,
        hoursWorked: 900,
        hireDate: d("2024-01-01"),
        exitDate: d("2025-05-01"),
        exitMotif: "3",
      }),
      row({
        identity: "b",
        sex: "H",
        qpv: null,
        rsa: "NON",
        birthYear: 1960,
        hoursWorked: 400,
        hireDate: d("2024-01-01"),
        exitDate: d("2025-05-01"),
        exitMotif: "7",
      }),
    ];
    const one = computeIndicators(rows, context({ fteConventioned: 1.5 }));
    const c = combineIndicators([one]);
    for (const k of INDICATOR_KEYS) {
      if (one[k] === null) expect(c[k]).toBeNull();
      else expect(c[k]).toBeCloseTo(one[k] as number, 12);
    }
  });

  it("equals the indicators of the pooled rows when persons and columns do not overlap", () => {
    const a = [
      row({
        identity: "a1",
        sex: "F",
        rsa: "OUI-M",
        hoursWorked: 500,
        hireDate: d("2024-01-01"),
        exitDate: d("2025-03-01"),
        exitMotif: "3",
      }),
      row({
        identity: "a2",
        sex: "H",
        rsa: "NON",
        hoursWorked: 700,
        hireDate: d("2024-05-01"),
        exitDate: d("2025-04-01"),
        exitMotif: "10",
      }),
    ];
    const b = [
      row({
        identity: "b1",
        sex: "F",
        rsa: null,
        hoursWorked: 300,
        hireDate: d("2024-01-01"),
        exitDate: d("2025-09-01"),
        exitMotif: "7",
      }),
      row({ identity: "b2", sex: "F", rsa: "OUI", hoursWorked: 80, hireDate: d("2024-01-01") }),
      row({
        identity: "b3",
        sex: null,
        rsa: "NON",
        hoursWorked: 20,
        hireDate: d("2024-01-01"),
        exitDate: d("2025-02-01"),
        exitMotif: "16",
      }),
    ];
    const ctx = context({ fteConventioned: 2 });
    const c = combineIndicators([computeIndicators(a, ctx), computeIndicators(b, ctx)]);
    const pooled = computeIndicators([...a, ...b], context({ fteConventioned: 4 }));
    for (const k of INDICATOR_KEYS) {
      if (pooled[k] === null) expect(c[k]).toBeNull();
      else expect(c[k]).toBeCloseTo(pooled[k] as number, 9);
    }
  });
});

describe("consolidate", () => {
  const aciA = report({
    file: "a.xlsx",
    siret: "11111111111111",
    kind: "ACI",
    personKeys: ["p1", "p2"],
    indicators: ind({ employees: 2, women: 1 }),
  });
  const eiA = report({
    file: "a-ei.xlsx",
    siret: "111 111 111 11111",
    kind: "EI",
    personKeys: ["p2", "p3", "p4"],
    indicators: ind({ employees: 3, women: 3 }),
  });
  const aciB = report({
    file: "b.xlsx",
    siret: "22222222222222",
    kind: "ACI",
    valid: false,
    counts: { error: 2, warning: 1, info: 0 },
    personKeys: ["p1", "p5"],
    unkeyedPersons: 1,
    indicators: ind({ employees: 3, women: 0 }),
  });

  const c = consolidate([aciA, eiA, aciB]);

  it("gives one row per report with its validity and counts", () => {
    expect(c.reports.map((r) => [r.file, r.kind, r.valid, r.counts.error])).toEqual([
      ["a.xlsx", "ACI", true, 0],
      ["a-ei.xlsx", "EI", true, 0],
      ["b.xlsx", "ACI", false, 2],
    ]);
    expect(Object.keys(c.reports[0]).sort()).toEqual([
      "counts",
      "file",
      "indicators",
      "kind",
      "name",
      "siret",
      "valid",
    ]);
  });

  it("counts structures by distinct SIRET and reports apart (one SIRET, two conventions)", () => {
    expect(c.total.structures).toBe(2);
    expect(c.total.reports).toBe(3);
  });

  it("totals per kind, only for the kinds present, in the order ACI, AI, EI, ETTI, EITI", () => {
    expect(Object.keys(c.byKind)).toEqual(["ACI", "EI"]);
    expect(c.byKind.ACI?.structures).toBe(2);
    expect(c.byKind.ACI?.reports).toBe(2);
    expect(c.byKind.ACI?.indicators.employees).toBe(5);
    expect(c.byKind.ACI?.indicators.shareWomen).toBeCloseTo(1 / 5, 12);
    expect(c.byKind.EI?.structures).toBe(1);
    expect(c.byKind.EI?.indicators.shareWomen).toBe(1);
  });

  it("counts people once across reports by key, plus each unkeyed employee", () => {
    // p1 p2 p3 p4 p5 + 1 unkeyed
    expect(c.total.distinctPersons).toBe(6);
    expect(c.total.indicators.employees).toBe(8);
    expect(c.total.indicators.shareWomen).toBeCloseTo(4 / 8, 12);
  });

  it("is empty but well formed with no report", () => {
    const e = consolidate([]);
    expect(e.reports).toEqual([]);
    expect(e.byKind).toEqual({});
    expect(e.total.structures).toBe(0);
    expect(e.total.distinctPersons).toBe(0);
    expect(e.total.indicators.employees).toBeNull();
  });

  it("counts reports without SIRET as structures of their own, and keeps reports without kind out of byKind", () => {
    const r = consolidate([
      report({ siret: null, kind: null, indicators: ind({ employees: 1 }) }),
      report({ siret: "", kind: "AI" as Kind, indicators: ind({ employees: 1 }) }),
    ]);
    expect(r.total.structures).toBe(2);
    expect(Object.keys(r.byKind)).toEqual(["AI"]);
    expect(r.total.indicators.employees).toBe(2);
  });
});

describe("consolidationInputFromRows", () => {
  it("keys the employees with the same population rule as the indicators", () => {
    const rows = [
      row({ identity: "x", hoursWorked: 0.5 }),
      row({ identity: "x", hoursWorked: 0.5 }), // 1 h summed: an employee
      row({ identity: "y", hoursWorked: 0.9 }), // not an employee
      row({ identity: "z", hoursWorked: 10, hireDate: d("2026-02-01") }), // hired after the period
      row({ identity: null, hoursWorked: 5 }),
      row({ identity: null, hoursWorked: 0 }),
    ];
    const s = structure();
    const indicators = computeIndicators(rows, { ...context(), fieldsPresent: PERSON_FIELDS });
    const input = consolidationInputFromRows({
      file: "f.xlsx",
      structure: s,
      valid: true,
      counts: { error: 0, warning: 0, info: 0 },
      indicators,
      rows,
    });
    expect(input.personKeys).toEqual(["x"]);
    expect(input.unkeyedPersons).toBe(1);
    expect(input.personKeys.length + (input.unkeyedPersons ?? 0)).toBe(indicators.employees);
    expect([input.siret, input.kind, input.name]).toEqual([s.siret, s.kind, s.name]);
  });
});
