import fc from "fast-check";
import { expectNoSecretInLog, http, startTestHub, SIRET_A, type TestHub } from "./support/hub";
import { makePayload } from "./support/payload";

/**
 * 2 000 malformed bodies: random JSON, a valid payload with one field replaced by a random value of another
 * type, huge strings, deep nesting, prototype-pollution keys, broken JSON. Every answer is a 4xx problem,
 * never a 5xx, and the hub keeps answering. (Random bodies are never valid payloads: valid ones would be 201.)
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub.close();
});

const valid = makePayload({ siret: SIRET_A });

function setPath(obj: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(obj) as Record<string | number, unknown>;
  let cur = copy;
  for (let i = 0; i < path.length - 1; i++) cur = cur[path[i]] as Record<string | number, unknown>;
  cur[path[path.length - 1]] = value;
  return copy;
}

const PATHS: (string | number)[][] = [
  ["schemaVersion"],
  ["generator"],
  ["structure", "siret"],
  ["structure", "kind"],
  ["structure", "periodStart"],
  ["structure", "periodEnd"],
  ["structure", "fteConventioned"],
  ["indicators", "employees"],
  ["indicators"],
  ["validation", "counts"],
  ["validation", "valid"],
  ["fieldsPresent"],
  ["records"],
  ["records", 0],
  ["records", 0, "sex"],
  ["records", 0, "key"],
  ["records", 0, "birthYear"],
  ["records", 0, "hireDate"],
  ["records", 0, "hoursWorked"],
  ["records", 1, "rsa"],
];

/** Random values that are never what the schema wants at those paths (objects, arrays, odd strings, numbers out of range). */
const wrongValue = fc.oneof(
  fc.string({ maxLength: 30 }).map((s) => "zz" + s),
  fc.array(fc.integer(), { minLength: 1, maxLength: 5 }),
  fc
    .dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 })
    .map((d) => ({ ...d, extra_key_zz: 1 })),
);

const bodies: fc.Arbitrary<{ raw: string; label: string }> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => ({ raw: JSON.stringify(v), label: "random json" })),
  fc
    .tuple(fc.constantFrom(...PATHS), wrongValue)
    .map(([p, v]) => ({ raw: JSON.stringify(setPath(valid, p, v)), label: `wrong type at /${p.join("/")}` })),
  // Over the 300-character name limit; one in ten over the 5 MB body limit (413).
  fc
    .oneof(
      { arbitrary: fc.integer({ min: 301, max: 200_000 }), weight: 9 },
      { arbitrary: fc.integer({ min: 5_300_000, max: 5_400_000 }), weight: 1 },
    )
    .map((n) => ({
      raw: JSON.stringify(setPath(valid, ["structure", "name"], "é".repeat(n))),
      label: "huge string",
    })),
  fc
    .integer({ min: 10, max: 20_000 })
    .map((d) => ({ raw: "[".repeat(d) + "]".repeat(d), label: "deep array" })),
  fc
    .integer({ min: 10, max: 5_000 })
    .map((d) => ({ raw: '{"a":'.repeat(d) + "1" + "}".repeat(d), label: "deep object" })),
  fc.integer({ min: 10, max: 2_000 }).map((d) => ({
    raw: JSON.stringify(setPath(valid, ["records", 0, "key"], JSON.parse("[".repeat(d) + "]".repeat(d)))),
    label: "deep value",
  })),
  fc
    .constantFrom(
      '{"__proto__":{"polluted":true}}',
      '{"constructor":{"prototype":{"polluted":true}}}',
      JSON.stringify(valid).replace('"schemaVersion":1', '"__proto__":{"polluted":true},"schemaVersion":1'),
      JSON.stringify(valid).replace('"sex":"F"', '"sex":"F","__proto__":{"polluted":true}'),
      JSON.stringify(valid).replace('"sex":"F"', '"sex":"F","constructor":{"prototype":{"polluted":true}}'),
      JSON.stringify(valid).replace('"sex":"F"', '"sex":"F","prototype":1'),
    )
    .map((raw) => ({ raw, label: "prototype pollution" })),
  fc.string({ maxLength: 200 }).map((s) => ({ raw: "{" + s, label: "broken json" })),
  fc
    .constantFrom("", "null", "[]", "0", '"x"', "true", "{}", "\u0000", "\uFEFF{}")
    .map((raw) => ({ raw, label: "trivial" })),
);

test("2 000 malformed bodies → 4xx problem, never 5xx; the hub still answers", async () => {
  const samples = fc.sample(bodies, { numRuns: 2000, seed: 20251122 });
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  const queue = samples.map((s, i) => ({ ...s, i }));
  async function worker() {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const r = await http(hub.url, "POST", "/api/v1/submissions", {
        token: hub.tokens.a,
        raw: job.raw,
        headers: { "content-type": "application/json", "idempotency-key": `fuzz-${job.i}` },
      });
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      const okProblem =
        r.status >= 400 &&
        r.status < 500 &&
        /^application\/problem\+json/.test(r.headers.get("content-type") ?? "");
      if (!okProblem && failures.length < 10)
        failures.push(`${job.label}: ${r.status} ${r.text.slice(0, 200)}`);
    }
  }
  await Promise.all(Array.from({ length: 8 }, worker));
  expect(failures).toEqual([]);
  expect([...statuses.keys()].every((s) => s >= 400 && s < 500)).toBe(true);
  expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(2000);
  // Prototype pollution never reached the process.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  // Still answering, and a valid payload is still accepted.
  expect((await http(hub.url, "GET", "/healthz")).status).toBe(200);
  const ok = await http(hub.url, "POST", "/api/v1/submissions", {
    token: hub.tokens.a,
    body: valid,
    headers: { "idempotency-key": "after-fuzz" },
  });
  expect(ok.status).toBe(201);
  // Nothing malformed was stored.
  const n = await hub.tdb.hub.db
    .selectFrom("submissions")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  expect(Number(n.n)).toBe(1);
}, 180_000);

test("the log of this suite (level info) holds no token", () => {
  expectNoSecretInLog(hub);
});
