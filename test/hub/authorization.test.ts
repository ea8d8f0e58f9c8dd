import { expectNoSecretInLog, http, startTestHub, SIRET_A, SIRET_B, type TestHub } from "./support/hub";
import { makePayload } from "./support/payload";

/**
 * Every endpoint × every caller → the expected status. "A on A's data" and "A on B's data" are the same
 * request made for structure A's resource and for structure B's; the department token reads everything
 * but never submits.
 */
let hub: TestHub;
let idA: string;
let idB: string;

beforeAll(async () => {
  hub = await startTestHub();
  const a = await http(hub.url, "POST", "/api/v1/submissions", {
    token: hub.tokens.a,
    body: makePayload({ siret: SIRET_A }),
    headers: { "idempotency-key": "seed-a" },
  });
  const b = await http(hub.url, "POST", "/api/v1/submissions", {
    token: hub.tokens.b,
    body: makePayload({ siret: SIRET_B, kind: "EI" }),
    headers: { "idempotency-key": "seed-b" },
  });
  idA = (a.body as { id: string }).id;
  idB = (b.body as { id: string }).id;
});
afterAll(async () => {
  await hub.close();
});

type Caller = "none" | "bad" | "revoked" | "ownA" | "otherB" | "department";
type Target = "A" | "B";
interface Endpoint {
  name: string;
  /** The request about structure `target`'s data. */
  request(
    target: Target,
    n: number,
  ): { method: string; path: string; body?: unknown; headers?: Record<string, string> };
  expected: Record<Caller, number>;
}

const ENDPOINTS: Endpoint[] = [
  {
    name: "POST /api/v1/submissions",
    request: (t, n) => ({
      method: "POST",
      path: "/api/v1/submissions",
      body:
        t === "A"
          ? makePayload({ siret: SIRET_A, fteConventioned: n })
          : makePayload({ siret: SIRET_B, kind: "EI", fteConventioned: n }),
      headers: { "idempotency-key": `matrix-${n}` },
    }),
    expected: { none: 401, bad: 401, revoked: 401, ownA: 201, otherB: 403, department: 403 },
  },
  {
    name: "GET /api/v1/submissions?siret=",
    request: (t) => ({ method: "GET", path: `/api/v1/submissions?siret=${t === "A" ? SIRET_A : SIRET_B}` }),
    expected: { none: 401, bad: 401, revoked: 401, ownA: 200, otherB: 403, department: 200 },
  },
  {
    name: "GET /api/v1/submissions/{id}",
    request: (t) => ({ method: "GET", path: `/api/v1/submissions/${t === "A" ? idA : idB}` }),
    expected: { none: 401, bad: 401, revoked: 401, ownA: 200, otherB: 404, department: 200 },
  },
  {
    name: "GET /api/v1/consolidation",
    request: () => ({ method: "GET", path: "/api/v1/consolidation?period=2025" }),
    expected: { none: 401, bad: 401, revoked: 401, ownA: 403, otherB: 403, department: 200 },
  },
  {
    name: "GET /api/v1/structures/status",
    request: () => ({ method: "GET", path: "/api/v1/structures/status?period=2025" }),
    expected: { none: 401, bad: 401, revoked: 401, ownA: 403, otherB: 403, department: 200 },
  },
  {
    name: "GET /api/v1/settings",
    request: () => ({ method: "GET", path: "/api/v1/settings" }),
    expected: { none: 401, bad: 401, revoked: 401, ownA: 200, otherB: 200, department: 200 },
  },
  {
    name: "GET /healthz (public)",
    request: () => ({ method: "GET", path: "/healthz" }),
    expected: { none: 200, bad: 200, revoked: 200, ownA: 200, otherB: 200, department: 200 },
  },
  {
    name: "GET /api/v1/openapi.json (public)",
    request: () => ({ method: "GET", path: "/api/v1/openapi.json" }),
    expected: { none: 200, bad: 200, revoked: 200, ownA: 200, otherB: 200, department: 200 },
  },
];

const CALLERS: Caller[] = ["none", "bad", "revoked", "ownA", "otherB", "department"];
const cases = ENDPOINTS.flatMap((e) => CALLERS.map((c) => [e.name, c, e.expected[c]] as const));
let counter = 100;

test.each(cases)("%s as %s → %i", async (name, caller, expected) => {
  const endpoint = ENDPOINTS.find((e) => e.name === name) as Endpoint;
  // A's token on A's data; A's token on B's data; the others on A's data.
  const token = {
    none: undefined,
    bad: "biae_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    revoked: hub.tokens.revoked,
    ownA: hub.tokens.a,
    otherB: hub.tokens.a,
    department: hub.tokens.dept,
  }[caller];
  const target: Target = caller === "otherB" ? "B" : "A";
  const req = endpoint.request(target, counter++);
  const r = await http(hub.url, req.method, req.path, { token, body: req.body, headers: req.headers });
  expect(r.status).toBe(expected);
  if (expected >= 400) expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
});

test("a structure listing without filter sees only its own submissions, never B's", async () => {
  const r = await http(hub.url, "GET", "/api/v1/submissions", { token: hub.tokens.a });
  const sirets = new Set((r.body as { submissions: { siret: string }[] }).submissions.map((s) => s.siret));
  expect([...sirets]).toEqual([SIRET_A]);
  const d = await http(hub.url, "GET", "/api/v1/submissions", { token: hub.tokens.dept });
  expect(new Set((d.body as { submissions: { siret: string }[] }).submissions.map((s) => s.siret))).toEqual(
    new Set([SIRET_A, SIRET_B]),
  );
});

test("the audit log names callers by token id, never by the token", async () => {
  const rows = await hub.tdb.hub.db.selectFrom("audit_log").selectAll().execute();
  expect(rows.length).toBeGreaterThan(0);
  const text = JSON.stringify(rows);
  for (const t of Object.values(hub.tokens)) expect(text).not.toContain(t);
  expect(rows.some((r) => r.action === "submission.create" && /^token:\d+$/.test(r.actor))).toBe(true);
  expect(rows.some((r) => r.action === "submission.denied" && r.status === 403)).toBe(true);
});

test("tokens are stored as SHA-256 hashes only", async () => {
  const rows = await hub.tdb.hub.db.selectFrom("tokens").select(["hash"]).execute();
  const text = JSON.stringify(rows);
  for (const t of Object.values(hub.tokens)) expect(text).not.toContain(t.slice(5));
  for (const r of rows) expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
});

test("the log of this suite (level info) holds no token", () => {
  expectNoSecretInLog(hub);
});
