import { DEFAULT_CONFIG } from "../../src/core";
import type { QuotaConfig } from "../../src/hub/config";
import { preparePayload } from "../../src/hub/ingest/prepare";
import { frenchSpacing } from "../../src/hub/french";
import { formatBytes } from "../../src/hub/quotas";
import { http, startTestHub, SIRET_A, SIRET_B, type Res, type TestHub } from "./support/hub";
import { makePayload } from "./support/payload";

/**
 * Quotas per structure (issue 15): versions and bytes per period, bytes in all, and the database's size. Over
 * one, nothing is stored and the problem body says which limit; a replay of a stored key still gets its receipt.
 */
const LOOSE: QuotaConfig = {
  versionsPerPeriod: 1000,
  bytesPerPeriod: 1e9,
  bytesPerStructure: 1e9,
  databaseBytes: 1e12,
};

/** Payloads of one size (fteConventioned 10 to 99: two digits), so a cap can be set in payloads. */
const payloadA = (fte: number, year = 2025) =>
  makePayload({
    siret: SIRET_A,
    fteConventioned: fte,
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
  });
const sizeOf = (payload: unknown) =>
  preparePayload(payload as ReturnType<typeof makePayload>, DEFAULT_CONFIG).payload.byteLength;
const SIZE = sizeOf(payloadA(10));

async function withHub(quotas: Partial<QuotaConfig>, fn: (hub: TestHub) => Promise<void>): Promise<void> {
  const hub = await startTestHub({ quotas: { ...LOOSE, ...quotas } });
  try {
    await fn(hub);
  } finally {
    await hub.close();
  }
}

const send = (hub: TestHub, body: unknown, key: string, token = hub.tokens.a) =>
  http(hub.url, "POST", "/api/v1/submissions", { token, body, headers: { "idempotency-key": key } });

function expectQuota(r: Res, status: number, limit: string, max: number, used: number): string {
  expect(r.status).toBe(status);
  expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(r.headers.get("retry-after")).toBeNull();
  const p = r.body as {
    type: string;
    status: number;
    detail: string;
    limit: string;
    max: number;
    used: number;
  };
  expect(p).toMatchObject({ status, limit, max, used });
  expect(p.type).toMatch(/^urn:bilan-iae:problem:quota-/);
  // French typography: a no-break space before : ; ! ? and inside « ».
  expect(p.detail).not.toMatch(/ [:;!?»]|« /);
  return p.detail;
}

async function stored(hub: TestHub): Promise<number> {
  return (await hub.tdb.hub.db.selectFrom("submissions").select("id").execute()).length;
}

test("versions per period: the 4th version of 2025 is a 429 saying the limit; a replay, another period, another structure go through", async () => {
  await withHub({ versionsPerPeriod: 3 }, async (hub) => {
    for (const n of [1, 2, 3]) expect((await send(hub, payloadA(10 + n), `v-${n}`)).status).toBe(201);
    const detail = expectQuota(await send(hub, payloadA(14), "v-4"), 429, "versionsPerPeriod", 3, 3);
    expect(detail).toBe(
      frenchSpacing(
        "La structure a déjà envoyé 3 versions pour la période 2025, la limite du hub (3). Vérifiez le bilan avant de l'envoyer à nouveau. Si un nouvel envoi est vraiment nécessaire, demandez au Département (administrateur du hub) de relever la limite.",
      ),
    );
    expect(await stored(hub)).toBe(3);
    const replay = await send(hub, payloadA(13), "v-3");
    expect(replay.status).toBe(200);
    expect((replay.body as { version: number }).version).toBe(3);
    expect((await send(hub, payloadA(15, 2024), "v-2024")).status).toBe(201);
    expect((await send(hub, makePayload({ siret: SIRET_B, kind: "EI" }), "v-b", hub.tokens.b)).status).toBe(
      201,
    );
    const audit = await hub.tdb.hub.db
      .selectFrom("audit_log")
      .select(["action", "status", "details", "target"])
      .where("action", "=", "submission.quota")
      .execute();
    expect(audit).toEqual([
      { action: "submission.quota", status: 429, details: "versionsPerPeriod 2025", target: SIRET_A },
    ]);
  });
});

test("bytes per period: a version that would take 2025 past 2.5 payloads is a 413 with the sizes in French", async () => {
  const max = Math.floor(SIZE * 2.5);
  await withHub({ bytesPerPeriod: max }, async (hub) => {
    expect((await send(hub, payloadA(11), "b-1")).status).toBe(201);
    expect((await send(hub, payloadA(12), "b-2")).status).toBe(201);
    const detail = expectQuota(await send(hub, payloadA(13), "b-3"), 413, "bytesPerPeriod", max, 2 * SIZE);
    expect(detail).toContain(
      frenchSpacing(
        `occupent ${formatBytes(2 * SIZE)} ; avec ce bilan (${formatBytes(SIZE)}), la limite de ${formatBytes(max)} par structure et par période`,
      ),
    );
    expect(await stored(hub)).toBe(2);
    expect((await send(hub, payloadA(13, 2024), "b-2024")).status).toBe(201);
  });
});

test("bytes per structure: periods are the sender's choice, so all of them count together", async () => {
  const max = Math.floor(SIZE * 2.5);
  await withHub({ bytesPerStructure: max }, async (hub) => {
    expect((await send(hub, payloadA(11, 2023), "s-1")).status).toBe(201);
    expect((await send(hub, payloadA(12, 2024), "s-2")).status).toBe(201);
    const detail = expectQuota(
      await send(hub, payloadA(13, 2025), "s-3"),
      413,
      "bytesPerStructure",
      max,
      sizeOf(payloadA(11, 2023)) + sizeOf(payloadA(12, 2024)),
    );
    expect(detail).toContain("par structure serait dépassée");
    expect((await send(hub, makePayload({ siret: SIRET_B, kind: "EI" }), "s-b", hub.tokens.b)).status).toBe(
      201,
    );
  });
});

test("database size: once the hub's data passes the cap, a new version is a 413 and nothing is stored", async () => {
  // The tables of a fresh hub already take more than 1 KB.
  await withHub({ databaseBytes: 1024 }, async (hub) => {
    const r = await send(hub, payloadA(11), "d-1");
    const detail = expectQuota(r, 413, "databaseBytes", 1024, (r.body as { used: number }).used);
    expect((r.body as { used: number }).used).toBeGreaterThan(1024);
    expect(detail).toBe(
      "La base du hub a atteint sa taille maximale (1\u00a0Ko)\u00a0: aucun nouveau bilan ne peut être enregistré pour l'instant. Prévenez le Département (administrateur du hub).",
    );
    expect(await stored(hub)).toBe(0);
  });
});

test("a full database still answers the replay of a key it stored", async () => {
  const hub = await startTestHub({ quotas: LOOSE });
  try {
    const first = await send(hub, payloadA(11), "r-1");
    expect(first.status).toBe(201);
    // Same hub and database, with the cap lowered: a new version is refused, the stored one replayed.
    hub.app.hubConfig.quotas.databaseBytes = 1024;
    expectQuota(
      await send(hub, payloadA(12), "r-2"),
      413,
      "databaseBytes",
      1024,
      expect.any(Number) as unknown as number,
    );
    const replay = await send(hub, payloadA(11), "r-1");
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);
  } finally {
    await hub.close();
  }
});

test("formatBytes says sizes the French way", () => {
  expect([512, 1024, 1536, 4.6 * 1024 ** 2, 10 * 1024 ** 3].map(formatBytes)).toEqual([
    "512\u00a0octets",
    "1\u00a0Ko",
    "1,5\u00a0Ko",
    "4,6\u00a0Mo",
    "10\u00a0Go",
  ]);
});
