import fc from "fast-check";
import { combineIndicators } from "../../../src/core/consolidate/combine";
import { computeIndicators, type IndicatorRow } from "../../../src/core/indicators/compute";
import { INDICATOR_KEYS } from "../../../src/core/model/indicators";
import { KINDS } from "../../../src/core/model/kinds";
import { DEFAULT_CONFIG } from "../../../src/core/config/defaults";
import { motifKey } from "../../../src/core/config/motifs";
import { dayFromYmd } from "../../../src/core/dates/day-number";
import { context, row } from "../indicators/fixtures";

const orNull = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 });
const motifKeys = DEFAULT_CONFIG.exitMotifs.map(motifKey);

/** Rows whose exits never precede their hire, so every report's average path covers all its examined exits. */
const indicatorRow = (prefix: string): fc.Arbitrary<IndicatorRow> =>
  fc
    .record({
      id: orNull(fc.integer({ min: 0, max: 8 })),
      sex: orNull(fc.constantFrom("F" as const, "H" as const)),
      birthYear: orNull(fc.integer({ min: 1950, max: 2008 })),
      qpv: orNull(fc.boolean()),
      rsa: orNull(fc.constantFrom("NON" as const, "OUI" as const, "OUI-M" as const)),
      ft: orNull(fc.constantFrom("00" as const, "03" as const, "04" as const)),
      edu: orNull(fc.constantFrom("00", "50", "70", "30")),
      hire: fc.integer({ min: dayFromYmd(2023, 1, 1), max: dayFromYmd(2025, 12, 31) }),
      stay: orNull(fc.integer({ min: 0, max: 900 })),
      motif: orNull(fc.constantFrom(...motifKeys)),
      hours: orNull(fc.integer({ min: 0, max: 1800 })),
      sinceHire: orNull(fc.integer({ min: 0, max: 3000 })),
    })
    .map((r) =>
      row({
        identity: r.id === null ? null : `${prefix}${r.id}`,
        sex: r.sex,
        birthYear: r.birthYear,
        qpv: r.qpv,
        rsa: r.rsa,
        ftDuration: r.ft,
        educationLevel: r.edu,
        hireDate: r.hire,
        exitDate: r.stay === null ? null : r.hire + r.stay,
        exitMotif: r.motif,
        hoursWorked: r.hours,
        hoursSinceHire: r.sinceHire,
      }),
    );

describe("combineIndicators (property)", () => {
  it("two reports without common persons combine into the indicators of their pooled rows", () => {
    fc.assert(
      fc.property(
        fc.array(indicatorRow("a"), { maxLength: 30 }),
        fc.array(indicatorRow("b"), { maxLength: 30 }),
        fc.constantFrom(...KINDS),
        (a, b, kind) => {
          const combined = combineIndicators([
            computeIndicators(a, context({ kind, fteConventioned: 1 })),
            computeIndicators(b, context({ kind, fteConventioned: 2.5 })),
          ]);
          const pooled = computeIndicators([...a, ...b], context({ kind, fteConventioned: 3.5 }));
          for (const k of INDICATOR_KEYS) {
            if (pooled[k] === null) expect([k, combined[k]]).toEqual([k, null]);
            else expect(combined[k]).toBeCloseTo(pooled[k] as number, 9);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
