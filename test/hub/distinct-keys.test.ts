import fc from "fast-check";
import { DistinctKeys } from "../../src/hub/distinct-keys";
import { countingKey } from "../../src/hub/ingest/prepare";

/** The typed-array set counts what a Set of the compared key parts (countingKey) counts. */
const hexKey = (len: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${len}}$`));
const key = fc.oneof(
  { arbitrary: hexKey(64), weight: 10 },
  // Same first 16 digits, other tail: one person for the consolidation.
  { arbitrary: hexKey(16).map((k) => k + "0".repeat(48)), weight: 2 },
  { arbitrary: hexKey(16), weight: 1 },
  { arbitrary: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !s.includes("\n")), weight: 1 },
  { arbitrary: hexKey(64).map((k) => k.toUpperCase()), weight: 1 },
);

test("counts the distinct keys a Set of counting keys counts", () => {
  fc.assert(
    fc.property(fc.array(fc.array(key, { maxLength: 40 }), { maxLength: 30 }), (reports) => {
      const set = new Set(reports.flat().map(countingKey));
      const d = new DistinctKeys();
      for (const r of reports) d.addLines(r.join("\n"));
      expect(d.size).toBe(set.size);
    }),
    { numRuns: 500 },
  );
});

test("grows past its initial table and still finds duplicates", () => {
  const d = new DistinctKeys();
  const keys = Array.from({ length: 5000 }, (_, i) => i.toString(16).padStart(16, "0") + "ab".repeat(24));
  d.addLines(keys.join("\n"));
  d.addLines(keys.slice(0, 2500).join("\n"));
  d.add(keys[4999].slice(0, 16));
  expect(d.size).toBe(5000);
});

test("empty lines and an empty text add nothing", () => {
  const d = new DistinctKeys();
  d.addLines("");
  d.addLines("\n\n");
  expect(d.size).toBe(0);
});
