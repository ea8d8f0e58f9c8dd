import { expectNoSecretInLog, http, startTestHub, SIRET_A, SIRET_B, type TestHub } from "./support/hub";
import { makePayload, personKey, record } from "./support/payload";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub.close();
});

const post = (body: unknown, key: string, token = hub.tokens.a, headers: Record<string, string> = {}) =>
  http(hub.url, "POST", "/api/v1/submissions", {
    token,
    body,
    headers: { "idempotency-key": key, ...headers },
  });

function expectProblem(r: { status: number; headers: Headers; body: unknown }, status: number) {
  expect(r.status).toBe(status);
  expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const b = r.body as { status: number; detail: string; type: string };
  expect(b.status).toBe(status);
  expect(typeof b.detail).toBe("string");
  expect(b.detail.length).toBeGreaterThan(10);
  expect(JSON.stringify(b)).not.toMatch(/at .*\.(ts|js):\d+/);
}

describe("POST /api/v1/submissions", () => {
  test("201 with a receipt; the hub recomputes the indicators (hand-counted) and flags no mismatch", async () => {
    // Three paths: F 800 h RSA, H 800 h, and a person with 0 h (not an employee). Hand count: employees 2,
    // women 1, men 1, rsa 1, hours 1600, fte 1600 / 1820 (ACI default).
    const records = [
      record({ key: personKey("hand-1"), sex: "F", rsa: "OUI-M", hoursWorked: 800 }),
      record({ key: personKey("hand-2"), sex: "H", rsa: "NON", hoursWorked: 800 }),
      record({ key: personKey("hand-3"), sex: "F", rsa: "NON", hoursWorked: 0 }),
    ];
    const payload = makePayload({
      siret: SIRET_A,
      records,
      periodStart: "2024-01-01",
      periodEnd: "2024-12-31",
    });
    const r = await post(payload, "k-hand");
    expect(r.status).toBe(201);
    const receipt = r.body as {
      id: string;
      version: number;
      receivedAt: string;
      period: string;
      indicators: Record<string, number | null>;
      indicatorsMismatch: boolean;
    };
    expect(receipt.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(receipt.version).toBe(1);
    expect(receipt.period).toBe("2024");
    expect(Date.parse(receipt.receivedAt)).not.toBeNaN();
    expect(receipt.indicators.employees).toBe(2);
    expect(receipt.indicators.women).toBe(1);
    expect(receipt.indicators.men).toBe(1);
    expect(receipt.indicators.rsa).toBe(1);
    expect(receipt.indicators.hoursWorked).toBe(1600);
    expect(receipt.indicators.fte).toBeCloseTo(1600 / 1820, 12);
    expect(receipt.indicatorsMismatch).toBe(false);
    expect(r.headers.get("location")).toBe(`/api/v1/submissions/${receipt.id}`);
  });

  test("person records are stored field by field, pseudonymous, with the employee flag", async () => {
    const records = [
      record({
        key: personKey("r-1"),
        sex: "H",
        birthYear: 1971,
        qpv: true,
        zrr: null,
        rsa: "OUI-NM",
        rqth: true,
        ftDuration: "04",
        educationLevel: "70",
        hireDate: "2023-02-01",
        exitDate: "2025-05-31",
        exitMotif: "2",
        hoursWorked: 912.5,
        hoursSinceHire: null,
      }),
      record({ key: null, sex: null, birthYear: null, qpv: null, hoursWorked: 0 }),
    ];
    const r = await post(
      makePayload({ siret: SIRET_A, records, periodStart: "2025-01-01", periodEnd: "2025-06-30" }),
      "k-records",
    );
    expect(r.status).toBe(201);
    const db = hub.tdb.hub.db;
    const sub = await db
      .selectFrom("submissions")
      .select("id")
      .where("public_id", "=", (r.body as { id: string }).id)
      .executeTakeFirstOrThrow();
    const rows = await db
      .selectFrom("person_records")
      .selectAll()
      .where("submission_id", "=", sub.id)
      .orderBy("idx")
      .execute();
    expect(rows).toEqual([
      {
        submission_id: sub.id,
        idx: 0,
        key: personKey("r-1"),
        employee: 1,
        sex: "H",
        birth_year: 1971,
        qpv: 1,
        zrr: null,
        rsa: "OUI-NM",
        ass: 0,
        aah: 0,
        rqth: 1,
        ft_duration: "04",
        education_level: "70",
        hire_date: "2023-02-01",
        exit_date: "2025-05-31",
        exit_motif: "2",
        hours_worked: 912.5,
        hours_since_hire: null,
      },
      {
        submission_id: sub.id,
        idx: 1,
        key: null,
        employee: 0,
        sex: null,
        birth_year: null,
        qpv: null,
        zrr: 0,
        rsa: "NON",
        ass: 0,
        aah: 0,
        rqth: 0,
        ft_duration: "00",
        education_level: "50",
        hire_date: "2024-03-01",
        exit_date: null,
        exit_motif: null,
        hours_worked: 0,
        hours_since_hire: 1000,
      },
    ]);
  });

  test("same key + same body → 200 with the same receipt (even with keys in another order); other body → 409", async () => {
    const payload = makePayload({ siret: SIRET_A, periodStart: "2023-01-01", periodEnd: "2023-12-31" });
    const first = await post(payload, "k-replay");
    expect(first.status).toBe(201);
    // Keys in another order at every level (and other spacing): still the same content.
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverseKeys)
        : v !== null && typeof v === "object"
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverseKeys(x)]),
            )
          : v;
    const reordered = reverseKeys(payload);
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(payload));
    const again = await post(reordered, "k-replay");
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const other = makePayload({
      siret: SIRET_A,
      periodStart: "2023-01-01",
      periodEnd: "2023-12-31",
      fteConventioned: 99,
    });
    const conflict = await post(other, "k-replay");
    expectProblem(conflict, 409);
  });

  test("the same key sent 12 times at once is stored once: one 201, the others 200 with the same receipt", async () => {
    const payload = makePayload({ siret: SIRET_A, periodStart: "2020-01-01", periodEnd: "2020-12-31" });
    const results = await Promise.all(Array.from({ length: 12 }, () => post(payload, "k-race")));
    expect(results.map((r) => r.status).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    expect(new Set(results.map((r) => (r.body as { id: string }).id)).size).toBe(1);
    // And 12 different keys at once get versions 1..12 (plus nothing else) for that period.
    const many = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        post(
          makePayload({
            siret: SIRET_A,
            periodStart: "2019-01-01",
            periodEnd: "2019-12-31",
            fteConventioned: i + 1,
          }),
          `k-many-${i}`,
        ),
      ),
    );
    expect(many.map((r) => r.status)).toEqual(Array(12).fill(201));
    expect(many.map((r) => (r.body as { version: number }).version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
  });

  test("a new key for the same structure, kind and period creates version 2", async () => {
    const p1 = makePayload({ siret: SIRET_A, periodStart: "2022-01-01", periodEnd: "2022-12-31" });
    const p2 = makePayload({
      siret: SIRET_A,
      periodStart: "2022-01-01",
      periodEnd: "2022-12-31",
      fteConventioned: 12,
    });
    expect(((await post(p1, "v-1")).body as { version: number }).version).toBe(1);
    expect(((await post(p2, "v-2")).body as { version: number }).version).toBe(2);
  });

  test("client indicators that differ from the records are stored with the mismatch flag", async () => {
    const records = [
      record({ key: personKey("m-1"), hireDate: "2020-05-04" }),
      record({ key: personKey("m-2"), hireDate: "2021-02-01" }),
    ];
    const payload = makePayload({
      siret: SIRET_A,
      periodStart: "2021-01-01",
      periodEnd: "2021-12-31",
      records,
    });
    payload.indicators.employees = 999;
    const r = await post(payload, "k-mismatch");
    expect(r.status).toBe(201);
    const receipt = r.body as { id: string; indicators: { employees: number }; indicatorsMismatch: boolean };
    expect(receipt.indicatorsMismatch).toBe(true);
    expect(receipt.indicators.employees).toBe(2);
    const stored = await http(hub.url, "GET", `/api/v1/submissions/${receipt.id}`, {
      token: hub.tokens.dept,
    });
    expect(stored.status).toBe(200);
    const s = stored.body as {
      clientIndicators: { employees: number };
      indicators: { employees: number };
      indicatorsMismatch: boolean;
    };
    expect(s.clientIndicators.employees).toBe(999);
    expect(s.indicators.employees).toBe(2);
    expect(s.indicatorsMismatch).toBe(true);
  });

  test("another structure's SIRET → 403; department token → 403", async () => {
    expectProblem(await post(makePayload({ siret: SIRET_B, kind: "EI" }), "k-403"), 403);
    expectProblem(await post(makePayload({ siret: SIRET_A }), "k-403d", hub.tokens.dept), 403);
  });

  test("a kind the structure is not registered for → 403", async () => {
    expectProblem(await post(makePayload({ siret: SIRET_A, kind: "ETTI" }), "k-kind"), 403);
  });

  test("no token, unknown token, revoked token → 401 with WWW-Authenticate", async () => {
    for (const token of [undefined, "biae_nope", hub.tokens.revoked]) {
      const r = await http(hub.url, "POST", "/api/v1/submissions", {
        token,
        body: makePayload({ siret: SIRET_A }),
        headers: { "idempotency-key": "k-401" },
      });
      expectProblem(r, 401);
      expect(r.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
  });

  test("missing Idempotency-Key → 400", async () => {
    const r = await http(hub.url, "POST", "/api/v1/submissions", {
      token: hub.tokens.a,
      body: makePayload({ siret: SIRET_A }),
    });
    expectProblem(r, 400);
    expect((r.body as { detail: string }).detail).toMatch(/Idempotency-Key/);
  });

  test("body over 5 MB → 413", async () => {
    const big = JSON.stringify({ pad: "x".repeat(5 * 1024 * 1024 + 10) });
    const r = await http(hub.url, "POST", "/api/v1/submissions", {
      token: hub.tokens.a,
      raw: big,
      headers: { "content-type": "application/json", "idempotency-key": "k-413" },
    });
    expectProblem(r, 413);
  });

  test("not JSON: other content type → 415, broken JSON → 400, __proto__ key → 400", async () => {
    const h = { "idempotency-key": "k-ct" };
    expectProblem(
      await http(hub.url, "POST", "/api/v1/submissions", {
        token: hub.tokens.a,
        raw: "a=b",
        headers: { ...h, "content-type": "text/plain" },
      }),
      415,
    );
    const broken = await http(hub.url, "POST", "/api/v1/submissions", {
      token: hub.tokens.a,
      raw: "{not json",
      headers: { ...h, "content-type": "application/json" },
    });
    expectProblem(broken, 400);
    expect((broken.body as { detail: string }).detail).toBe("Le corps n'est pas un JSON valide.");
    const empty = await http(hub.url, "POST", "/api/v1/submissions", {
      token: hub.tokens.a,
      raw: "",
      headers: { ...h, "content-type": "application/json" },
    });
    expectProblem(empty, 400);
    expect((empty.body as { detail: string }).detail).toMatch(/vide/);
    const poisoned = await http(hub.url, "POST", "/api/v1/submissions", {
      token: hub.tokens.a,
      raw: '{"__proto__":{"admin":true}}',
      headers: { ...h, "content-type": "application/json" },
    });
    expectProblem(poisoned, 400);
    expect((poisoned.body as { detail: string }).detail).toMatch(
      /clé interdite \(__proto__ ou constructor\)/,
    );
    // The same key spelt with \u escapes, and a constructor.prototype key: still refused.
    for (const raw of [
      '{"\\u005f_proto__":{"admin":true}}',
      '{"a":{"constructor":{"prototype":{"admin":true}}}}',
    ]) {
      const r = await http(hub.url, "POST", "/api/v1/submissions", {
        token: hub.tokens.a,
        raw,
        headers: { ...h, "content-type": "application/json" },
      });
      expectProblem(r, 400);
      expect((r.body as { detail: string }).detail).toMatch(/clé interdite/);
    }
    // A byte-order mark before the JSON is tolerated, as before (secure parser): the payload is then checked.
    const bom = await http(hub.url, "POST", "/api/v1/submissions", {
      token: hub.tokens.a,
      raw: "\ufeff" + JSON.stringify({ schemaVersion: 1 }),
      headers: { ...h, "content-type": "application/json" },
    });
    expectProblem(bom, 422);
  });

  test("the words __proto__ or constructor inside a value do not make a body invalid", async () => {
    const payload = makePayload({
      siret: SIRET_A,
      records: [record({ exitDate: "2025-06-30", exitMotif: "constructor __proto__" })],
    });
    const r = await post(payload, "k-proto-word");
    expect(r.status).toBe(201);
  });

  test("schema errors → 422 listing each error with its JSON pointer; personal fields are refused", async () => {
    const payload = makePayload({ siret: SIRET_A }) as unknown as Record<string, unknown> & {
      records: Record<string, unknown>[];
      structure: Record<string, unknown>;
    };
    payload.records[1] = { ...payload.records[1], lastName: "Dupont", birthDate: "1990-05-12" };
    payload.records[0].sex = "X";
    payload.structure.siret = "123";
    payload.nir = "190057512345678";
    const r = await post(payload, "k-422");
    expectProblem(r, 422);
    const errors = (r.body as { errors: { pointer: string; detail: string }[] }).errors;
    const pointers = errors.map((e) => e.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining(["/records/1", "/records/0/sex", "/structure/siret", ""]),
    );
    const unknown = errors.find((e) => e.pointer === "/records/1");
    expect(unknown?.detail).toMatch(/lastName/);
    expect(unknown?.detail).toMatch(/birthDate/);
    expect(errors.every((e) => e.detail.length > 5)).toBe(true);
  });

  test("too many requests → 429 with Retry-After", async () => {
    const limited = await startTestHub({ rateLimit: { perToken: 3, perIp: 1000, windowMs: 60_000 } });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 5; i++) {
        const r = await http(limited.url, "GET", "/api/v1/submissions", { token: limited.tokens.a });
        statuses.push(r.status);
        if (r.status === 429) {
          retryAfter = r.headers.get("retry-after");
          expectProblem(r, 429);
        }
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      // Another token from the same IP is not limited by A's quota.
      expect(
        (await http(limited.url, "GET", "/api/v1/submissions", { token: limited.tokens.b })).status,
      ).toBe(200);
    } finally {
      await limited.close();
    }
  });

  test("per-IP limit applies to anonymous requests too", async () => {
    const limited = await startTestHub({ rateLimit: { perToken: 1000, perIp: 2, windowMs: 60_000 } });
    try {
      const s = [];
      for (let i = 0; i < 3; i++) s.push((await http(limited.url, "GET", "/api/v1/openapi.json")).status);
      expect(s).toEqual([200, 200, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe("reading", () => {
  let idA: string;
  let idB: string;
  beforeAll(async () => {
    idA = (
      (
        await post(
          makePayload({ siret: SIRET_A, periodStart: "2025-01-01", periodEnd: "2025-03-31" }),
          "read-a",
        )
      ).body as { id: string }
    ).id;
    idB = (
      (
        await post(
          makePayload({ siret: SIRET_B, kind: "EI", periodStart: "2025-01-01", periodEnd: "2025-03-31" }),
          "read-b",
          hub.tokens.b,
        )
      ).body as { id: string }
    ).id;
  });

  test("department lists every submission, filtered by period, siret and kind", async () => {
    const all = await http(hub.url, "GET", "/api/v1/submissions?period=2025-Q1", { token: hub.tokens.dept });
    expect(all.status).toBe(200);
    const ids = (all.body as { submissions: { id: string; period: string }[] }).submissions
      .map((s) => s.id)
      .sort();
    expect(ids).toEqual([idA, idB].sort());
    const onlyB = await http(hub.url, "GET", `/api/v1/submissions?period=2025-Q1&siret=${SIRET_B}&kind=EI`, {
      token: hub.tokens.dept,
    });
    expect((onlyB.body as { submissions: { id: string }[] }).submissions.map((s) => s.id)).toEqual([idB]);
  });

  test("a structure token sees only its own submissions", async () => {
    const r = await http(hub.url, "GET", "/api/v1/submissions?period=2025-Q1", { token: hub.tokens.a });
    expect((r.body as { submissions: { id: string; siret: string }[] }).submissions.map((s) => s.id)).toEqual(
      [idA],
    );
    expectProblem(
      await http(hub.url, "GET", `/api/v1/submissions?siret=${SIRET_B}`, { token: hub.tokens.a }),
      403,
    );
    expect((await http(hub.url, "GET", `/api/v1/submissions/${idA}`, { token: hub.tokens.a })).status).toBe(
      200,
    );
    expectProblem(await http(hub.url, "GET", `/api/v1/submissions/${idB}`, { token: hub.tokens.a }), 404);
  });

  test("one submission returns its payload as sent, with no personal field", async () => {
    const r = await http(hub.url, "GET", `/api/v1/submissions/${idA}`, { token: hub.tokens.dept });
    const s = r.body as {
      payload: { structure: { siret: string }; records: unknown[] };
      version: number;
      latest: boolean;
    };
    expect(s.payload.structure.siret).toBe(SIRET_A);
    expect(s.payload.records).toHaveLength(2);
    expect(s.latest).toBe(true);
  });

  test("bad query parameters → 400", async () => {
    expectProblem(
      await http(hub.url, "GET", "/api/v1/submissions?period=hier", { token: hub.tokens.dept }),
      400,
    );
    expectProblem(
      await http(hub.url, "GET", "/api/v1/submissions?kind=XYZ", { token: hub.tokens.dept }),
      400,
    );
    expectProblem(await http(hub.url, "GET", "/api/v1/consolidation", { token: hub.tokens.dept }), 400);
  });

  test("unknown route → 404 problem", async () => {
    expectProblem(await http(hub.url, "GET", "/api/v2/nothing"), 404);
  });
});

describe("public documents", () => {
  test("healthz answers with the database reachable", async () => {
    const r = await http(hub.url, "GET", "/healthz");
    expect(r.status).toBe(200);
    expect((r.body as { status: string }).status).toBe("ok");
  });

  test("OpenAPI document lists every route and embeds the payload schema", async () => {
    const r = await http(hub.url, "GET", "/api/v1/openapi.json");
    expect(r.status).toBe(200);
    const doc = r.body as {
      openapi: string;
      paths: Record<string, unknown>;
      components: {
        schemas: { SubmissionV1: { properties: Record<string, unknown>; additionalProperties: boolean } };
      };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/api/v1/consolidation",
      "/api/v1/settings",
      "/api/v1/structures/status",
      "/api/v1/submissions",
      "/api/v1/submissions/{id}",
      "/healthz",
    ]);
    expect(doc.components.schemas.SubmissionV1.additionalProperties).toBe(false);
    expect(Object.keys(doc.components.schemas.SubmissionV1.properties)).toContain("records");
  });

  test("security headers (helmet) and CORS only for configured origins", async () => {
    const withCors = await startTestHub({ corsOrigins: ["https://addin.example.fr"] });
    try {
      const ok = await http(withCors.url, "OPTIONS", "/api/v1/submissions", {
        headers: {
          origin: "https://addin.example.fr",
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization,content-type,idempotency-key",
        },
      });
      expect(ok.headers.get("access-control-allow-origin")).toBe("https://addin.example.fr");
      expect(ok.headers.get("access-control-allow-headers") ?? "").toMatch(/idempotency-key/i);
      const evil = await http(withCors.url, "GET", "/healthz", {
        headers: { origin: "https://evil.example.com" },
      });
      expect(evil.headers.get("access-control-allow-origin")).toBeNull();
      expect(evil.headers.get("x-content-type-options")).toBe("nosniff");
      expect(evil.headers.get("strict-transport-security")).toMatch(/max-age/);
    } finally {
      await withCors.close();
    }
  });
});

test("the log of this suite (level info) holds no token", () => {
  expectNoSecretInLog(hub);
});
