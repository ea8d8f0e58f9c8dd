import fc from "fast-check";
import {
  parseSubmissionPayload,
  submissionPayloadSchema,
  submissionRecordSchema,
} from "../../../src/core/submission";
import { checkedRecords, isValidRecord } from "../../../src/core/submission/record-check";
import { makePayload } from "../../hub/support/payload";

/**
 * The fast record checker must accept exactly what the zod record schema accepts: records are drawn near the
 * edges of every field's domain (valid, boundary, wrong type, malformed), with fields missing or added.
 */
const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
const anyJunk = fc.oneof(
  fc.string({ maxLength: 5 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(undefined),
  fc.constant([]),
  fc.constant({}),
);
const isoLike = fc
  .tuple(
    fc.integer({ min: 1890, max: 2110 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
  )
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
const validIso = fc
  .date({ min: new Date("1950-01-01"), max: new Date("2049-12-31"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const date: [fc.Arbitrary<unknown>, fc.Arbitrary<unknown>] = [
  fc.oneof(validIso, fc.constantFrom(null, "2024-02-29")),
  fc.oneof(
    isoLike,
    fc.constantFrom("2023-02-29", "2024-1-01", "01/02/2025", "2024-02-29 ", "２０２４-01-01"),
    anyJunk,
  ),
];
const bool: [fc.Arbitrary<unknown>, fc.Arbitrary<unknown>] = [
  fc.constantFrom(true, false, null),
  fc.oneof(fc.constantFrom(0, 1, "true"), anyJunk),
];
const hours: [fc.Arbitrary<unknown>, fc.Arbitrary<unknown>] = [
  fc.oneof(
    fc.double({ min: -100_000, max: 100_000, noNaN: true }),
    fc.constantFrom(null, 100_000, -100_000, -0),
  ),
  fc.oneof(
    fc.double({ min: -120_000, max: 120_000 }),
    fc.constantFrom(100_000.0001, -100_000.5, "800", Infinity, -Infinity, NaN),
    anyJunk,
  ),
];
/** Per field: values of its domain (and its edges), then near misses and wrong types. */
const domains: Record<string, [fc.Arbitrary<unknown>, fc.Arbitrary<unknown>]> = {
  key: [
    fc.oneof(hex64, fc.constant(null)),
    fc.oneof(
      hex64.map((k) => k.toUpperCase()),
      hex64.map((k) => k.slice(1)),
      hex64.map((k) => k + "0"),
      hex64.map((k) => k + "\n"),
      anyJunk,
    ),
  ],
  sex: [fc.constantFrom("F", "H", null), fc.oneof(fc.constantFrom("f", "M", ""), anyJunk)],
  birthYear: [
    fc.oneof(fc.integer({ min: 1900, max: 2100 }), fc.constantFrom(null, 1900, 2100)),
    fc.oneof(
      fc.integer({ min: 1890, max: 2110 }),
      fc.double({ min: 1899, max: 2101 }),
      fc.constantFrom("1990", NaN, Infinity),
      anyJunk,
    ),
  ],
  qpv: bool,
  zrr: bool,
  rsa: [
    fc.constantFrom("NON", "OUI-M", "OUI-NM", "OUI", null),
    fc.oneof(fc.constantFrom("oui", ""), anyJunk),
  ],
  ass: bool,
  aah: bool,
  rqth: bool,
  ftDuration: [
    fc.constantFrom("00", "01", "02", "03", "04", null),
    fc.oneof(fc.constantFrom("05", "0", 0), anyJunk),
  ],
  educationLevel: [
    fc.oneof(fc.stringMatching(/^\d{2}$/), fc.constant(null)),
    fc.oneof(fc.constantFrom("5", "123", "٣٣", "50\n", 50), anyJunk),
  ],
  hireDate: date,
  exitDate: date,
  exitMotif: [
    fc.oneof(fc.string({ minLength: 1, maxLength: 100 }), fc.constant(null)),
    fc.oneof(fc.constant(""), fc.string({ minLength: 99, maxLength: 102 }), anyJunk),
  ],
  hoursWorked: hours,
  hoursSinceHire: hours,
};
// Mostly valid values, so that both answers (accept and reject) are drawn often.
const fields = Object.fromEntries(
  Object.entries(domains).map(([k, [ok, bad]]) => [
    k,
    fc.oneof({ arbitrary: ok, weight: 30 }, { arbitrary: bad, weight: 1 }),
  ]),
);
const FIELD_NAMES = Object.keys(fields);

const rarely = <T>(a: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 20 }, { arbitrary: a, weight: 1 });

const recordArb = fc
  .tuple(
    fc.record(fields),
    rarely(fc.constantFrom(...FIELD_NAMES)),
    rarely(fc.constantFrom("lastName", "birthDate", "nir", "__proto__", "constructor", "Key")),
    // Other key orders than the schema's: the checker must rebuild them in schema order, as zod does.
    fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }),
  )
  .map(([r, drop, extra, reversed]) => {
    const o: Record<string, unknown> = reversed ? Object.fromEntries(Object.entries(r).reverse()) : { ...r };
    if (drop !== undefined) delete o[drop];
    // defineProperty: an own "__proto__" key, as JSON.parse makes it.
    if (extra !== undefined)
      Object.defineProperty(o, extra, { value: "x", enumerable: true, configurable: true, writable: true });
    return o;
  });

test("the fast checker accepts exactly the records zod accepts", () => {
  const drawn = { valid: 0, invalid: 0 };
  fc.assert(
    fc.property(recordArb, (r) => {
      const valid = submissionRecordSchema.safeParse(r).success;
      drawn[valid ? "valid" : "invalid"]++;
      expect(isValidRecord(r)).toBe(valid);
    }),
    { numRuns: 5000 },
  );
  // Both answers must be exercised, or the comparison proves little.
  expect(drawn.valid).toBeGreaterThan(500);
  expect(drawn.invalid).toBeGreaterThan(500);
});

test("the checked records are those zod returns, keys in the same order (same canonical JSON)", () => {
  fc.assert(
    fc.property(fc.array(recordArb, { maxLength: 5 }), (rs) => {
      const zod = submissionRecordSchema.array().safeParse(rs);
      const fast = checkedRecords(rs, 200_000);
      expect(fast !== null).toBe(zod.success);
      if (fast && zod.success) {
        expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
        // A record already in schema order is kept as is (no copy on the hub's hot path), others are rebuilt.
        fast.forEach((r, i) =>
          expect(r === rs[i]).toBe(JSON.stringify(rs[i]) === JSON.stringify(zod.data[i])),
        );
      }
    }),
    { numRuns: 2000 },
  );
});

test("a payload parsed on the fast path equals zod's parse of it, byte for byte", () => {
  const text = JSON.stringify(makePayload({ siret: "73282932000074" }));
  const viaParse = parseSubmissionPayload(JSON.parse(text));
  const viaZod = submissionPayloadSchema.safeParse(JSON.parse(text));
  expect(viaParse.ok && viaZod.success).toBe(true);
  if (viaParse.ok && viaZod.success)
    expect(JSON.stringify(viaParse.payload)).toBe(JSON.stringify(viaZod.data));
});

test("more records than allowed are left to zod, which rejects them", () => {
  const r = { ...makePayload({ siret: "73282932000074" }).records[0] };
  expect(checkedRecords([r, r, r], 2)).toBeNull();
  expect(checkedRecords([r, r], 2)).not.toBeNull();
});
