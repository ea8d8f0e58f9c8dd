import { http, startTestHub, type TestHub } from "./support/hub";

// The document is generated from the routes' zod schemas (src/hub/schemas.ts), which also validate the requests.
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub.close();
});

interface Doc {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; required?: boolean; schema: { pattern?: string } }[];
        requestBody?: { content: Record<string, { schema: { $ref: string } }> };
      }
    >
  >;
  components: { schemas: Record<string, { additionalProperties?: unknown }> };
}

test("the POST body is the payload schema, once, under its own name; no duplicate input schemas", async () => {
  const doc = (await http(hub.url, "GET", "/api/v1/openapi.json")).body as Doc;
  expect(doc.paths["/api/v1/submissions"].post.requestBody?.content["application/json"].schema).toEqual({
    $ref: "#/components/schemas/SubmissionV1",
  });
  expect(doc.components.schemas.SubmissionV1.additionalProperties).toBe(false);
  expect(Object.keys(doc.components.schemas).filter((n) => n.endsWith("Input"))).toEqual([]);
  const header = doc.paths["/api/v1/submissions"].post.parameters?.find((p) => p.in === "header");
  expect(header).toMatchObject({ name: "idempotency-key", required: true });
  const period = doc.paths["/api/v1/consolidation"].get.parameters?.find((p) => p.name === "period");
  expect(period).toMatchObject({ in: "query", required: true });
  expect(new RegExp(period?.schema.pattern ?? "^$").test("2025-Q1")).toBe(true);
});

test.each([
  [
    "/api/v1/consolidation",
    "Paramètre « period » obligatoire, par exemple ?period=2025 (ou 2025-Q1, 2025-S1, 2025-03).",
  ],
  [
    "/api/v1/consolidation?period=hier",
    "Période « hier » invalide : attendu 2025, 2025-S1, 2025-Q1, 2025-03 ou AAAA-MM-JJ_AAAA-MM-JJ.",
  ],
  ["/api/v1/consolidation?period=2025&period=2026", "Paramètre « period » répété ou invalide."],
  ["/api/v1/consolidation?period=2025&format=pdf", "Paramètre « format » invalide : json, csv ou xlsx."],
  ["/api/v1/submissions?limit=0", "Paramètre « limit » invalide : entier entre 1 et 1000 attendu."],
  ["/api/v1/submissions?kind=SIAE", "Paramètre « kind » invalide : ACI, AI, EI, ETTI ou EITI."],
  [
    "/api/v1/structures/status?period=2025-13",
    "Période « 2025-13 » invalide : attendu 2025, 2025-S1, 2025-Q1, 2025-03 ou AAAA-MM-JJ_AAAA-MM-JJ.",
  ],
])("GET %s → 400 with the schema's French message", async (path, detail) => {
  const r = await http(hub.url, "GET", path, { token: hub.tokens.dept });
  expect(r.status).toBe(400);
  expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect((r.body as { detail: string }).detail).toBe(detail);
});

test("a missing Idempotency-Key is refused by the route's header schema, in French", async () => {
  const r = await http(hub.url, "POST", "/api/v1/submissions", { token: hub.tokens.a, body: {} });
  expect(r.status).toBe(400);
  expect((r.body as { detail: string }).detail).toMatch(/^En-tête « Idempotency-Key » manquant ou invalide/);
});

test("the plugins are fastify-plugin plugins with declared names", () => {
  const names = hub.app.printPlugins();
  for (const name of [
    "hub-db",
    "hub-auth",
    "hub-errors",
    "hub-security",
    "hub-openapi",
    "hub-submissions",
    "hub-consolidation",
  ])
    expect(names).toContain(name);
});
