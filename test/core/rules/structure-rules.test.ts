import { luhnValid, siretChecksumValid } from "../../../src/core/rules/structure-rules";
import { count, issues, run } from "./row-factory";

const SIRET_AT = { siret: { sheet: "Structure", row: 2, column: 2 } };

/*
 * SIRETs computed by hand (Luhn: from the right, every second digit doubled, minus 9 above 9):
 * - 12345678200010 (invented): doubled positions 1,3,5,7,2,0,1 → 2+6+1+5+4+0+2 = 20; others 2+4+6+8+0+0+0 = 20; total 40 → valid.
 * - 12345678200011: total 41 → invalid. 12345678200016: total 46 → invalid, although its digit sum (45) is a multiple of 5.
 * - 35600000000048 (La Poste head office): doubled 3→6, 6→12→3, 4→8; others 5+8; total 30 → Luhn-valid.
 * - 35600000000001 (La Poste): Luhn total 6+5+3+1 = 15 → fails Luhn, digit sum 3+5+6+1 = 15 → multiple of 5 → valid.
 * - 35600000000002 (La Poste): Luhn 16, digit sum 16 → invalid.
 */
describe("luhn", () => {
  it.each([
    ["12345678200010", true],
    ["12345678200011", false],
    ["35600000000048", true],
    ["35600000000001", false],
    ["123456782", true], // SIREN: 1+4+3+8+5+12→3+7+16→7+2 = 40
    ["123456781", false],
  ])("%s → %s", (digits, ok) => expect(luhnValid(digits)).toBe(ok));

  it("La Poste SIRETs use the digit-sum rule instead", () => {
    expect(siretChecksumValid("35600000000048")).toBe(true);
    expect(siretChecksumValid("35600000000001")).toBe(true);
    expect(siretChecksumValid("35600000000002")).toBe(false);
    expect(siretChecksumValid("12345678200016")).toBe(false);
  });
});

describe("siret-format", () => {
  it("accepts a valid SIRET, with or without spaces", () => {
    expect(count(run({ structure: { siret: "12345678200010" } }), "siret-format")).toBe(0);
    expect(count(run({ structure: { siret: "123 456 782 00010" } }), "siret-format")).toBe(0);
  });

  it("errors when not 14 digits, pointing at the structure cell", () => {
    const report = run({ structure: { siret: "1234567820001" }, locations: SIRET_AT });
    const [f] = issues(report, "siret-format");
    expect(f).toMatchObject({
      severity: "error",
      sheet: "Structure",
      cell: "B2",
      row: 2,
      column: 2,
      field: "siret",
      value: "1234567820001",
    });
    expect(f.message).toContain("14 chiffres");
    expect(count(run({ structure: { siret: "1234567820001A" } }), "siret-format", "error")).toBe(1);
  });

  it("warns on a failed check digit", () => {
    const report = run({ structure: { siret: "12345678200011" }, locations: SIRET_AT });
    expect(issues(report, "siret-format")).toEqual([
      expect.objectContaining({ severity: "warning", cell: "B2", value: "12345678200011" }),
    ]);
    expect(report.valid).toBe(true);
    expect(count(run({ structure: { siret: "12345678200016" } }), "siret-format", "warning")).toBe(1);
  });

  it("exempts La Poste SIRETs from Luhn but checks their digit sum", () => {
    expect(count(run({ structure: { siret: "35600000000048" } }), "siret-format")).toBe(0);
    expect(count(run({ structure: { siret: "35600000000001" } }), "siret-format")).toBe(0);
    expect(count(run({ structure: { siret: "35600000000002" } }), "siret-format", "warning")).toBe(1);
  });

  it("leaves a missing SIRET to the reader, and has null positions when the location is unknown", () => {
    expect(count(run({ structure: { siret: null } }), "siret-format")).toBe(0);
    const [f] = issues(run({ structure: { siret: "12" } }), "siret-format");
    expect(f).toMatchObject({ sheet: null, cell: null, row: null, column: null, field: "siret" });
  });
});

describe("af-number-format", () => {
  it.each(["ACI038190012A0M0", "ACI038190012", "EI069190002A1M2", "ETTI02A190002", "aci 038190012a0m0"])(
    "accepts %s",
    (af) => {
      expect(count(run({ structure: { afNumber: af } }), "af-number-format")).toBe(0);
    },
  );

  it.each(["ACI38190012", "ACJ038190012A0M0", "ACI038190012A0", "038190012"])("warns on %s", (af) => {
    const report = run({
      structure: { afNumber: af },
      locations: { afNumber: { sheet: "Structure", row: 5, column: 3 } },
    });
    expect(issues(report, "af-number-format")).toEqual([
      expect.objectContaining({ severity: "warning", cell: "C5", field: "afNumber", value: af }),
    ]);
  });

  it("is silent when there is no AF number", () => {
    expect(count(run({ structure: { afNumber: null } }), "af-number-format")).toBe(0);
  });
});

describe("period-invalid", () => {
  it("errors when the start is after the end", () => {
    const report = run({
      structure: { periodStart: "2025-03-01", periodEnd: "2025-02-01" },
      locations: { periodStart: { sheet: "Structure", row: 6, column: 2 } },
    });
    const [f] = issues(report, "period-invalid");
    expect(f).toMatchObject({ severity: "error", cell: "B6", field: "periodStart", value: "01/03/2025" });
    expect(f.message).toContain("01/03/2025");
    expect(f.message).toContain("01/02/2025");
  });

  it("accepts a one-day period and a 366-day leap year", () => {
    expect(
      count(run({ structure: { periodStart: "2025-05-01", periodEnd: "2025-05-01" } }), "period-invalid"),
    ).toBe(0);
    // 2024 is a leap year: 1 Jan → 31 Dec is 366 days, the maximum.
    expect(
      count(run({ structure: { periodStart: "2024-01-01", periodEnd: "2024-12-31" } }), "period-invalid"),
    ).toBe(0);
    // 1 Jan 2025 → 1 Jan 2026 inclusive: 365 + 1 = 366 days.
    expect(
      count(run({ structure: { periodStart: "2025-01-01", periodEnd: "2026-01-01" } }), "period-invalid"),
    ).toBe(0);
  });

  it("warns above the maximum length", () => {
    // 1 Jan 2025 → 2 Jan 2026 inclusive: 367 days.
    const report = run({ structure: { periodStart: "2025-01-01", periodEnd: "2026-01-02" } });
    expect(issues(report, "period-invalid")).toEqual([
      expect.objectContaining({ severity: "warning", field: "periodEnd", value: "02/01/2026" }),
    ]);
    expect(issues(report, "period-invalid")[0].message).toContain("367 jours");
  });

  it("follows config.period.maxDays", () => {
    const leap = { periodStart: "2024-01-01", periodEnd: "2024-12-31" };
    expect(
      count(run({ structure: leap, config: { period: { maxDays: 365 } } }), "period-invalid", "warning"),
    ).toBe(1);
  });

  it("needs both dates", () => {
    expect(count(run({ structure: { periodStart: null, periodEnd: "2025-01-01" } }), "period-invalid")).toBe(
      0,
    );
  });

  it("runs without a people table", () => {
    expect(count(run({ fields: null, structure: { siret: "1" } }), "siret-format")).toBe(1);
  });
});
