import { http, startTestHub, SIRET_A, type TestHub } from "./support/hub";
import { makePayload, personKey, record } from "./support/payload";

// What a v1 hub does with a newer add-in's payload (docs/compatibilite-format.md), through real HTTP and a real database.
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub.close();
});

const post = (body: unknown, key: string) =>
  http(hub.url, "POST", "/api/v1/submissions", {
    token: hub.tokens.a,
    body,
    headers: { "idempotency-key": key },
  });

// A newer client's payload: extended on purpose with keys this hub does not know.
type LoosePayload = { indicators: Record<string, unknown>; records: Record<string, unknown>[] } & Record<
  string,
  unknown
>;
function newerClientPayload(): LoosePayload {
  const records = [
    record({ key: personKey("c-1"), sex: "F", hoursWorked: 800 }),
    record({ key: personKey("c-2"), sex: "H", hoursWorked: 400 }),
  ];
  const p = JSON.parse(
    JSON.stringify(
      makePayload({ siret: SIRET_A, records, periodStart: "2024-01-01", periodEnd: "2024-12-31" }),
    ),
  );
  p.indicators.exitsToVolunteering = 7;
  p.validation.rules.push({ code: "training-motif-unlisted", severity: "warning", count: 2 });
  return p;
}

test("an unknown finding code and an extra indicator key are accepted, stored as sent, and ignored by the consolidation", async () => {
  const r = await post(newerClientPayload(), "compat-1");
  expect(r.status).toBe(201);
  const receipt = r.body as { id: string; indicators: Record<string, unknown>; indicatorsMismatch: boolean };
  // The hub's own figures are those of its version; the extra key does not make them differ from the client's.
  expect(receipt.indicators).not.toHaveProperty("exitsToVolunteering");
  expect(receipt.indicators.employees).toBe(2);
  expect(receipt.indicatorsMismatch).toBe(false);

  const stored = await http(hub.url, "GET", `/api/v1/submissions/${receipt.id}`, { token: hub.tokens.dept });
  expect(stored.status).toBe(200);
  const s = stored.body as {
    clientIndicators: Record<string, unknown>;
    payload: { indicators: Record<string, unknown>; validation: { rules: { code: string }[] } };
  };
  expect(s.clientIndicators.exitsToVolunteering).toBe(7);
  expect(s.payload.indicators.exitsToVolunteering).toBe(7);
  expect(s.payload.validation.rules.map((x) => x.code)).toContain("training-motif-unlisted");

  const c = await http(hub.url, "GET", "/api/v1/consolidation?period=2024", { token: hub.tokens.dept });
  expect(c.status).toBe(200);
  const body = c.body as { total: { indicators: Record<string, unknown> }; reports: unknown[] };
  expect(body.reports).toHaveLength(1);
  expect(body.total.indicators.employees).toBe(2);
  expect(JSON.stringify(c.body)).not.toContain("exitsToVolunteering");
});

test("a payload missing an indicator this version requires → 422, in French, naming the field", async () => {
  const p = newerClientPayload();
  delete p.indicators.women;
  const r = await post(p, "compat-2");
  expect(r.status).toBe(422);
  expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect((r.body as { errors: unknown[] }).errors).toEqual([
    { pointer: "/indicators/women", detail: "Champ obligatoire manquant : « indicators.women »." },
  ]);
});

test("an extra field in a record stays refused: it could be personal data", async () => {
  const p = newerClientPayload();
  p.records[0].commune = "Grenoble";
  const r = await post(p, "compat-3");
  expect(r.status).toBe(422);
  expect((r.body as { errors: { pointer: string; detail: string }[] }).errors).toEqual([
    {
      pointer: "/records/0",
      detail:
        "Champ non autorisé : « commune ». Le format v1 n'accepte que les champs prévus (aucune donnée personnelle).",
    },
  ]);
});
