import { expectNoSecretInLog, http, startTestHub, SIRET_A, type TestHub } from "./support/hub";
import { makePayload } from "./support/payload";

/**
 * Every authenticated route of the served OpenAPI document answers `Cache-Control: no-store`, whether it
 * succeeds or refuses (issue 15): the consolidation and the submissions hold figures about people.
 */
let hub: TestHub;
let submissionId: string;
interface Operation {
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean }[];
}
let doc: { paths: Record<string, Record<string, Operation>> };

beforeAll(async () => {
  hub = await startTestHub();
  const sent = await http(hub.url, "POST", "/api/v1/submissions", {
    token: hub.tokens.a,
    body: makePayload({ siret: SIRET_A }),
    headers: { "idempotency-key": "cc-seed" },
  });
  submissionId = (sent.body as { id: string }).id;
  doc = (await http(hub.url, "GET", "/api/v1/openapi.json")).body as typeof doc;
});
afterAll(async () => {
  await hub.close();
});

/** The document's operations; an operation without its own `security` takes the document's (bearer). */
function operations(): { method: string; path: string; op: Operation; authenticated: boolean }[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      op,
      authenticated: !(Array.isArray(op.security) && op.security.length === 0),
    })),
  );
}

/** A request the route accepts: path parameters filled, required query parameters given. */
function requestOf(
  path: string,
  op: Operation,
  n: number,
): { url: string; body?: unknown; headers: Record<string, string> } {
  const query = (op.parameters ?? [])
    .filter((p) => p.in === "query" && p.required)
    .map((p) => `${p.name}=${p.name === "period" ? "2025" : "x"}`);
  const url = path.replace("{id}", submissionId) + (query.length ? `?${query.join("&")}` : "");
  const headers: Record<string, string> = {};
  for (const p of op.parameters ?? [])
    if (p.in === "header" && p.required) headers[p.name.toLowerCase()] = `cc-${n}`;
  return { url, headers };
}

test("the document lists every route the hub serves (besides itself and the payload schema)", () => {
  // printRoutes writes "/path (GET, HEAD, POST)": every method but the HEAD routes Fastify adds itself and CORS preflights.
  const served = [...hub.app.printRoutes({ commonPrefix: false }).matchAll(/\(([A-Z, ]+)\)/g)]
    .flatMap((m) => m[1].split(", "))
    .filter((m) => m !== "HEAD" && m !== "OPTIONS");
  expect(operations().length + 2).toBe(served.length);
  for (const { method, path } of operations())
    expect(hub.app.hasRoute({ method: method as "GET", url: path.replace(/\{(\w+)\}/g, ":$1") })).toBe(true);
});

test("every authenticated operation answers no-store, with a valid token and without one", async () => {
  const authenticated = operations().filter((o) => o.authenticated);
  expect(authenticated.map((o) => `${o.method} ${o.path}`).sort()).toEqual([
    "GET /api/v1/consolidation",
    "GET /api/v1/settings",
    "GET /api/v1/structures/status",
    "GET /api/v1/submissions",
    "GET /api/v1/submissions/{id}",
    "POST /api/v1/submissions",
  ]);
  let n = 0;
  for (const { method, path, op } of authenticated) {
    const req = requestOf(path, op, n++);
    const token = method === "POST" ? hub.tokens.a : hub.tokens.dept;
    const body = method === "POST" ? makePayload({ siret: SIRET_A, fteConventioned: n }) : undefined;
    const ok = await http(hub.url, method, req.url, { token, body, headers: req.headers });
    expect([`${method} ${path}`, ok.status]).toEqual([`${method} ${path}`, method === "POST" ? 201 : 200]);
    expect([`${method} ${path}`, ok.headers.get("cache-control")]).toEqual([`${method} ${path}`, "no-store"]);
    const refused = await http(hub.url, method, req.url, { body, headers: req.headers });
    expect(refused.status).toBe(401);
    expect([`${method} ${path} (401)`, refused.headers.get("cache-control")]).toEqual([
      `${method} ${path} (401)`,
      "no-store",
    ]);
  }
  const csv = await http(hub.url, "GET", "/api/v1/consolidation?period=2025&format=csv", {
    token: hub.tokens.dept,
  });
  expect(csv.headers.get("cache-control")).toBe("no-store");
});

test("public routes (health, the document) are left to the default", async () => {
  for (const { path } of operations().filter((o) => !o.authenticated)) {
    const r = await http(hub.url, "GET", path);
    expect(r.headers.get("cache-control")).toBeNull();
  }
});

test("the log of this suite (level info) holds no token", () => {
  expectNoSecretInLog(hub);
});
