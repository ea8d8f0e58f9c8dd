import fc from "fast-check";
import { computeIndicators } from "../../../src/core/indicators/compute";
import { rowsFromRecords, toRecords } from "../../../src/core/indicators/records";
import type { PersonRow } from "../../../src/core/model/person";
import { PERSON_FIELDS } from "../../../src/core/model/fields";
import { KINDS } from "../../../src/core/model/kinds";
import { DEFAULT_CONFIG } from "../../../src/core/config/defaults";
import { motifKey } from "../../../src/core/config/motifs";
import { dayFromYmd } from "../../../src/core/dates/day-number";
import { MOTIFS, structure } from "./fixtures";

const orNull = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });
const day = fc.integer({ min: dayFromYmd(2018, 1, 1), max: dayFromYmd(2027, 12, 31) });
const bool = orNull(fc.boolean());
const motifKeys = DEFAULT_CONFIG.exitMotifs.map(motifKey);

/** A random typed row, with invented personal fields that must never reach a record. */
const personRow: fc.Arbitrary<PersonRow> = fc.record({
  sheet: fc.constant("Salariés"),
  excelRow: fc.integer({ min: 2, max: 100000 }),
  kind: fc.constant(null),
  passNumber: orNull(fc.stringMatching(/^[0-9A-Z]{12}$/)),
  lastName: orNull(fc.constantFrom("Martinez", "Lefebvre", "Nguyen", "Dupont")),
  firstName: orNull(fc.constantFrom("Zoé", "Karim", "Inès", "Paul")),
  sex: orNull(fc.constantFrom("F" as const, "H" as const)),
  birthDate: orNull(fc.integer({ min: dayFromYmd(1940, 1, 1), max: dayFromYmd(2009, 12, 31) })),
  birthYear: orNull(fc.integer({ min: 1940, max: 2009 })),
  postalCode: orNull(fc.constantFrom("38000", "38100")),
  commune: orNull(fc.constantFrom("Grenoble", "Échirolles")),
  qpv: bool,
  qpvCode: orNull(fc.constantFrom("QP038001", "QN03801A")),
  zrr: bool,
  rsa: orNull(fc.constantFrom("NON" as const, "OUI" as const, "OUI-M" as const, "OUI-NM" as const)),
  ass: bool,
  aah: bool,
  rqth: bool,
  ftDuration: orNull(
    fc.constantFrom("00" as const, "01" as const, "02" as const, "03" as const, "04" as const),
  ),
  educationLevel: orNull(fc.constantFrom("00", "01", "10", "20", "30", "40", "41", "50", "51", "60", "70")),
  prescriber: orNull(fc.constantFrom("01", "99")),
  hireDate: orNull(day),
  contractEndDate: orNull(day),
  weeklyHours: orNull(fc.integer({ min: 0, max: 48 })),
  hoursWorked: orNull(
    fc.oneof(fc.integer({ min: -5, max: 2000 }), fc.double({ min: 0, max: 2000, noNaN: true })),
  ),
  hoursSinceHire: orNull(fc.integer({ min: 0, max: 5000 })),
  exitDate: orNull(day),
  exitMotif: orNull(fc.constantFrom(...motifKeys)),
  exitReasonRaw: orNull(fc.constant("Au chômage")),
  derogation: fc.boolean(),
  identity: orNull(fc.constantFrom("P1", "P2", "P3", "P4", "P5", "P6")),
});

describe("toRecords / rowsFromRecords", () => {
  it("recomputing indicators from records gives the same indicators as from the rows", () => {
    fc.assert(
      fc.property(
        fc.array(personRow, { maxLength: 40 }),
        fc.constantFrom(...KINDS),
        fc.subarray([...PERSON_FIELDS]),
        (rows, kind, fieldsPresent) => {
          const ctx = {
            structure: structure({ kind, fteConventioned: 3 }),
            fieldsPresent,
            config: DEFAULT_CONFIG,
            motifs: MOTIFS,
          };
          expect(computeIndicators(rowsFromRecords(toRecords(rows)), ctx)).toEqual(
            computeIndicators(rows, ctx),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never carries names, birth date, postal code, commune, PASS, QPV code or contract details", () => {
    fc.assert(
      fc.property(personRow, (r) => {
        const [rec] = toRecords([r]);
        expect(Object.keys(rec).sort()).toEqual([
          "aah",
          "ass",
          "birthYear",
          "educationLevel",
          "exitDate",
          "exitMotif",
          "ftDuration",
          "hireDate",
          "hoursSinceHire",
          "hoursWorked",
          "key",
          "qpv",
          "rqth",
          "rsa",
          "sex",
          "zrr",
        ]);
        const text = JSON.stringify(rec);
        for (const v of [r.lastName, r.firstName, r.postalCode, r.commune, r.passNumber, r.qpvCode]) {
          if (v !== null) expect(text).not.toContain(v);
        }
      }),
    );
  });

  it("writes dates as ISO yyyy-mm-dd and reads them back", () => {
    const rec = toRecords([
      {
        ...sampleRow(),
        hireDate: dayFromYmd(2025, 3, 15),
        exitDate: dayFromYmd(2025, 6, 1),
        identity: "ABC123456789",
      },
    ])[0];
    expect(rec.hireDate).toBe("2025-03-15");
    expect(rec.exitDate).toBe("2025-06-01");
    expect(rec.key).toBe("ABC123456789");
    const back = rowsFromRecords([rec])[0];
    expect(back.hireDate).toBe(dayFromYmd(2025, 3, 15));
    expect(back.identity).toBe("ABC123456789");
    expect(rowsFromRecords([{ ...rec, hireDate: "2025-02-30" }])[0].hireDate).toBeNull();
  });
});

function sampleRow(): PersonRow {
  return fc.sample(personRow, { numRuns: 1, seed: 42 })[0];
}
