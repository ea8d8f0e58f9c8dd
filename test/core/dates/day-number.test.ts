import fc from "fast-check";
import { dayFromIso, dayFromYmd, isoFromDay } from "../../../src/core/dates/day-number";
import { isPersonKey, PERSON_KEY_PATTERN } from "../../../src/core/submission/record-fields";

/** The reading of ISO dates and person keys without regular expressions accepts exactly what the patterns did. */
function dayFromIsoByPattern(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  const dim =
    mo === 2
      ? (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
        ? 29
        : 28
      : [4, 6, 9, 11].includes(mo)
        ? 30
        : 31;
  return mo >= 1 && mo <= 12 && d >= 1 && d <= dim ? dayFromYmd(y, mo, d) : null;
}

test("dayFromIso: examples", () => {
  expect(dayFromIso("1970-01-01")).toBe(0);
  expect(dayFromIso("2024-02-29")).toBe(dayFromYmd(2024, 2, 29));
  for (const bad of [
    "2023-02-29",
    "2025-04-31",
    "2025-13-01",
    "2025-00-10",
    "2025-1-01",
    "2025-01-01\n",
    " 2025-01-01",
    "２０２４-01-01",
    "2025/01/01",
    "+02025-01-01",
    "",
  ]) {
    expect(dayFromIso(bad)).toBeNull();
  }
});

test("dayFromIso answers as the pattern-based reading for any text near the ISO shape", () => {
  const digit = fc.constantFrom(..."0123456789");
  const near = fc.constantFrom(..."0123456789-/ a٣０\n");
  const shaped = fc
    .tuple(
      fc.array(digit, { minLength: 4, maxLength: 4 }),
      fc.array(digit, { minLength: 2, maxLength: 2 }),
      fc.array(digit, { minLength: 2, maxLength: 2 }),
    )
    .map(([y, m, d]) => `${y.join("")}-${m.join("")}-${d.join("")}`);
  const noisy = fc.array(near, { minLength: 8, maxLength: 12 }).map((cs) => cs.join(""));
  fc.assert(
    fc.property(fc.oneof(shaped, noisy, fc.string()), (s) =>
      expect(dayFromIso(s)).toBe(dayFromIsoByPattern(s)),
    ),
    { numRuns: 5000 },
  );
  // Round trip over four centuries.
  fc.assert(
    fc.property(fc.integer({ min: dayFromYmd(1800, 1, 1), max: dayFromYmd(2200, 12, 31) }), (day) =>
      expect(dayFromIso(isoFromDay(day))).toBe(day),
    ),
  );
});

test("isPersonKey accepts exactly PERSON_KEY_PATTERN", () => {
  const hex = fc.constantFrom(..."0123456789abcdef");
  const near = fc.constantFrom(..."0123456789abcdefABCDEFg \n");
  const key = fc.array(hex, { minLength: 64, maxLength: 64 }).map((cs) => cs.join(""));
  const noisy = fc.array(near, { minLength: 62, maxLength: 66 }).map((cs) => cs.join(""));
  fc.assert(
    fc.property(fc.oneof(key, noisy, fc.string()), (s) =>
      expect(isPersonKey(s)).toBe(PERSON_KEY_PATTERN.test(s)),
    ),
    { numRuns: 5000 },
  );
});
