import fc from "fast-check";
import { INDICATOR_LABELS } from "../../../src/core/labels/indicator-labels";
import {
  EXIT_CATEGORY_LABELS,
  FINDING_LABELS,
  KIND_LABELS,
  SEVERITY_LABELS,
} from "../../../src/core/labels/labels";
import {
  formatFte,
  formatHours,
  formatIndicator,
  formatIsoDate,
  formatMonths,
  formatNumber,
  formatPercent,
  NNBSP,
} from "../../../src/core/labels/format";
import { INDICATOR_KEYS, RATIO_KEYS } from "../../../src/core/model/indicators";
import { FINDING_CODES } from "../../../src/core/model/findings";

describe("indicator labels", () => {
  it("give each key a French and English label and definition, all distinct", () => {
    for (const k of INDICATOR_KEYS) {
      const l = INDICATOR_LABELS[k];
      for (const text of [l.fr, l.en, l.definitionFr, l.definitionEn])
        expect(text.trim().length).toBeGreaterThan(2);
    }
    const fr = INDICATOR_KEYS.map((k) => INDICATOR_LABELS[k].fr);
    expect(new Set(fr).size).toBe(fr.length);
    const en = INDICATOR_KEYS.map((k) => INDICATOR_LABELS[k].en);
    expect(new Set(en).size).toBe(en.length);
  });

  it("format exactly the shares and rates as percentages", () => {
    const percent = INDICATOR_KEYS.filter((k) => INDICATOR_LABELS[k].format === "percent");
    expect([...percent].sort()).toEqual([...RATIO_KEYS].sort());
    expect(INDICATOR_LABELS.hoursWorked.format).toBe("hours");
    expect(INDICATOR_LABELS.fte.format).toBe("fte");
    expect(INDICATOR_LABELS.averagePathMonths.format).toBe("months");
    expect(INDICATOR_LABELS.employees.format).toBe("count");
  });

  it("name kinds, severities and every rule code in French", () => {
    expect(KIND_LABELS.ACI.fr).toBe("Atelier et chantier d'insertion");
    expect(KIND_LABELS.ETTI.fr).toBe("Entreprise de travail temporaire d'insertion");
    expect([SEVERITY_LABELS.error.fr, SEVERITY_LABELS.warning.fr, SEVERITY_LABELS.info.fr]).toEqual([
      "Erreur",
      "Avertissement",
      "Information",
    ]);
    expect(EXIT_CATEGORY_LABELS.withdrawn.fr).toBe("Retrait des sorties constatées");
    const titles = FINDING_CODES.map((c) => FINDING_LABELS[c].fr);
    expect(new Set(titles).size).toBe(FINDING_CODES.length);
  });
});

describe("French formatting", () => {
  it("formats percentages with a decimal comma and a narrow no-break space", () => {
    expect(formatPercent(0.425)).toBe(`42,5${NNBSP}%`);
    expect(formatPercent(1)).toBe(`100,0${NNBSP}%`);
    expect(formatPercent(2 / 7)).toBe(`28,6${NNBSP}%`);
    expect(formatPercent(0.4, 0)).toBe(`40${NNBSP}%`);
  });

  it("groups thousands with narrow no-break spaces", () => {
    expect(formatNumber(1234567)).toBe(`1${NNBSP}234${NNBSP}567`);
    expect(formatNumber(999)).toBe("999");
    expect(formatNumber(1000)).toBe(`1${NNBSP}000`);
    expect(formatNumber(-1234.5, 1)).toBe(`-1${NNBSP}234,5`);
  });

  it("rounds half away from zero on the decimal value, never shows -0", () => {
    expect(formatNumber(1.005, 2)).toBe("1,01");
    expect(formatNumber(2.5)).toBe("3");
    expect(formatNumber(-0.04, 1)).toBe("0,0");
    expect(formatNumber(0.1 + 0.2, 2)).toBe("0,30");
  });

  it("shows a dash for null and non-finite values", () => {
    for (const f of [formatNumber, formatPercent, formatHours, formatFte, formatMonths]) {
      expect(f(null)).toBe("—");
      expect(f(Number.NaN)).toBe("—");
      expect(f(Infinity)).toBe("—");
    }
  });

  it("formats hours, ETP and months", () => {
    expect(formatHours(2603.5)).toBe(`2${NNBSP}603,5${NNBSP}h`);
    expect(formatHours(1820)).toBe(`1${NNBSP}820${NNBSP}h`);
    expect(formatFte(2603.5 / 1820)).toBe("1,43");
    expect(formatMonths(10.973)).toBe(`11,0${NNBSP}mois`);
  });

  it("formats an indicator by its key", () => {
    expect(formatIndicator("shareWomen", 0.5)).toBe(`50,0${NNBSP}%`);
    expect(formatIndicator("employees", 1520)).toBe(`1${NNBSP}520`);
    expect(formatIndicator("rateDynamic", null)).toBe("—");
  });

  it("agrees with Intl fr-FR away from exact halves (an independent implementation)", () => {
    const intl = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    if (intl.format(1234.5) !== `1${NNBSP}234,50`) {
      throw new Error(
        "This Node lacks full ICU French data (install a Node build with full-icu) — cannot cross-check.",
      );
    }
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        const frac = Math.abs(x * 100) % 1;
        fc.pre(Math.abs(frac - 0.5) > 1e-3); // wide margin: we round on 15 significant digits by design
        // Deliberate difference: Intl writes "-0,00" for tiny negatives, we never show a negative zero.
        const expected = intl
          .format(x)
          .replace("−", "-")
          .replace(/^-(0,00)$/, "$1");
        expect(formatNumber(x, 2)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("formatIsoDate", () => {
  test("ISO day → dd/mm/yyyy; missing → dash; anything else unchanged", () => {
    expect(formatIsoDate("2025-01-31")).toBe("31/01/2025");
    expect(formatIsoDate(null)).toBe("—");
    expect(formatIsoDate(undefined)).toBe("—");
    expect(formatIsoDate("2025")).toBe("2025");
  });
});
