import { HubClient, hubFailureOf, isHubError, parseRetryAfter, type HubError } from "../../src/client";
import { UserError } from "../../src/core";
import type { SubmissionPayload } from "../../src/core/submission";
import { drop, json, scriptedServer } from "./scripted-server";

const receipt = {
  id: "0b7c7a34-8c55-4f44-9b7e-1f1d2e3c4b5a",
  siret: "12345678900012",
  kind: "ACI",
  period: "2025",
  version: 1,
  receivedAt: "2026-01-10T10:00:00.000Z",
  indicators: {},
  indicatorsMismatch: false,
};
const payload = { structure: { siret: "12345678900012" } } as unknown as SubmissionPayload;

function client(url: string, extra: Partial<ConstructorParameters<typeof HubClient>[0]> = {}) {
  const waits: number[] = [];
  let clock = 0;
  const c = new HubClient({
    baseUrl: url,
    token: "tok",
    // Real HTTP, virtual waiting: the delays chosen are recorded instead of slept.
    sleep: async (ms) => {
      waits.push(ms);
      clock += ms;
    },
    now: () => clock,
    random: () => 1,
    ...extra,
  });
  return { c, waits };
}

describe("HubClient over real HTTP on loopback", () => {
  it("sends the payload with the bearer token and the idempotency key, and reads the receipt", async () => {
    const s = await scriptedServer([json(201, receipt)]);
    try {
      const { c } = client(s.url);
      const r = await c.submit(payload, "sha256-abc");
      expect(r).toEqual({ outcome: "received", receipt });
      expect(s.seen[0].method).toBe("POST");
      expect(s.seen[0].url).toBe("/api/v1/submissions");
      expect(s.seen[0].headers.authorization).toBe("Bearer tok");
      expect(s.seen[0].headers["idempotency-key"]).toBe("sha256-abc");
      expect(JSON.parse(s.seen[0].body)).toEqual(payload);
    } finally {
      await s.close();
    }
  });

  it("reports a 200 answer as already received", async () => {
    const s = await scriptedServer([json(200, receipt)]);
    try {
      expect((await client(s.url).c.submit(payload, "k")).outcome).toBe("already-received");
    } finally {
      await s.close();
    }
  });

  it("retries 503 and dropped connections with exponential backoff, then succeeds", async () => {
    const s = await scriptedServer([json(503, {}), drop, json(502, {}), json(201, receipt)]);
    try {
      const { c, waits } = client(s.url, { baseDelayMs: 100 });
      const r = await c.submit(payload, "k");
      expect(r.outcome).toBe("received");
      expect(s.seen).toHaveLength(4);
      // random() = 1 → the full backoff: 100, 200, 400.
      expect(waits).toEqual([100, 200, 400]);
      expect(new Set(s.seen.map((q) => q.headers["idempotency-key"]))).toEqual(new Set(["k"]));
    } finally {
      await s.close();
    }
  });

  it("honours Retry-After on 429", async () => {
    const s = await scriptedServer([
      json(429, { detail: "trop" }, { "retry-after": "7" }),
      json(201, receipt),
    ]);
    try {
      const { c, waits } = client(s.url, { baseDelayMs: 100 });
      await c.submit(payload, "k");
      expect(waits).toEqual([7000]);
    } finally {
      await s.close();
    }
  });

  it("a quota refusal (429 with a quota problem, no Retry-After) is final: refused at once with the hub's message, never retried", async () => {
    const detail =
      "Ce bilan a déjà 50 versions pour la période 2025 : la limite est atteinte. Contactez le Département.";
    const s = await scriptedServer([
      json(429, { type: "urn:bilan-iae:problem:quota-versions", detail }),
      json(201, receipt),
    ]);
    try {
      const { c, waits } = client(s.url, { baseDelayMs: 100 });
      const err = await c.submit(payload, "k").catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UserError);
      expect([
        (err as HubError).code,
        hubFailureOf(err as HubError).status,
        (err as HubError).message,
      ]).toEqual(["hub.refused", 429, detail]);
      expect(waits).toEqual([]);
      expect(s.seen).toHaveLength(1);
    } finally {
      await s.close();
    }
  });

  it("gives up after the time budget with a French message saying nothing is lost", async () => {
    const s = await scriptedServer([json(503, {})]);
    try {
      const { c, waits } = client(s.url, { baseDelayMs: 1000, maxElapsedMs: 10_000 });
      const err = await c.submit(payload, "k").catch((e: unknown) => e);
      expect(isHubError(err)).toBe(true);
      expect((err as HubError).code).toBe("hub.unreachable");
      expect((err as HubError).message).toMatch(/n'est pas perdu/);
      // 1000 + 2000 + 4000 = 7000 ≤ 10 000; the next wait (8000) would exceed the budget.
      expect(waits).toEqual([1000, 2000, 4000]);
      expect(s.seen).toHaveLength(4);
    } finally {
      await s.close();
    }
  });

  it("a read that gives up says to check the address and try again, not that a report is kept", async () => {
    const s = await scriptedServer([json(503, {})]);
    try {
      const { c } = client(s.url, { baseDelayMs: 1000, maxElapsedMs: 2_500 });
      const err = await c.getJson("/api/v1/consolidation?period=2025").catch((e: unknown) => e);
      expect((err as HubError).code).toBe("hub.unreachable");
      expect((err as HubError).message).toContain("Vérifiez l'adresse du hub et le réseau, puis réessayez.");
      expect((err as HubError).message).not.toMatch(/n'est pas perdu/);
    } finally {
      await s.close();
    }
  });

  it("gives up on a hub that is down (connection refused)", async () => {
    const s = await scriptedServer([json(200, {})]);
    const url = s.url;
    await s.close();
    const { c } = client(url, { baseDelayMs: 10, maxElapsedMs: 100 });
    await expect(c.submit(payload, "k")).rejects.toMatchObject({
      code: "hub.unreachable",
      params: { status: null, timedOut: false, queued: true },
    });
  });

  it("times out a request that never gets an answer", async () => {
    const s = await scriptedServer([() => undefined]);
    try {
      const { c } = client(s.url, { timeoutMs: 200, baseDelayMs: 10, maxElapsedMs: 5 });
      await expect(c.submit(payload, "k")).rejects.toMatchObject({
        code: "hub.unreachable",
        params: { timedOut: true },
        message: expect.stringMatching(/délai dépassé/),
      });
    } finally {
      await s.close();
    }
  });

  it("does not retry a refusal and carries the hub's French detail and JSON pointers", async () => {
    const problem = {
      type: "x",
      title: "t",
      status: 422,
      detail: "Le bilan envoyé ne respecte pas le format v1",
      errors: [{ pointer: "/records/0/sex", detail: "Valeur invalide" }],
    };
    const s = await scriptedServer([json(422, problem), json(201, receipt)]);
    try {
      const err = (await client(s.url)
        .c.submit(payload, "k")
        .catch((e: unknown) => e)) as HubError;
      expect(err.code).toBe("hub.refused");
      expect(hubFailureOf(err)).toEqual({ kind: "refused", status: 422, errors: problem.errors });
      expect(err.message).toBe(problem.detail);
      expect(s.seen).toHaveLength(1);
    } finally {
      await s.close();
    }
  });

  it("maps 401 to an unauthorized error", async () => {
    const s = await scriptedServer([json(401, { detail: "Jeton inconnu ou révoqué." })]);
    try {
      await expect(client(s.url).c.submit(payload, "k")).rejects.toMatchObject({
        code: "hub.unauthorized",
        params: { status: 401 },
        message: "Jeton inconnu ou révoqué.",
      });
    } finally {
      await s.close();
    }
  });

  it("rejects a bad hub address and a missing token in French", () => {
    expect(() => new HubClient({ baseUrl: "ftp://x", token: "t" })).toThrow(/Adresse du hub invalide/);
    expect(() => new HubClient({ baseUrl: "pas une url", token: "t" })).toThrow(/Adresse du hub invalide/);
    expect(() => new HubClient({ baseUrl: "https://hub.example", token: " " })).toThrow(/Jeton/);
  });

  it("parses Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("12", now)).toBe(12000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now)).toBe(30000);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter("bientôt", now)).toBeNull();
  });
});
