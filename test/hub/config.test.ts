import { DEFAULT_HUB_CONFIG, defaultIngestThreads, hubConfigFromEnv } from "../../src/hub/config";

/** The hub's settings from the environment (the systemd unit's Environment= lines). */
test("HUB_INGEST_THREADS: 0 (on the event loop) to 16, anything else refused in French", () => {
  expect(hubConfigFromEnv({ HUB_INGEST_THREADS: "0" }).ingestThreads).toBe(0);
  expect(hubConfigFromEnv({ HUB_INGEST_THREADS: "3" }).ingestThreads).toBe(3);
  expect(hubConfigFromEnv({ HUB_INGEST_THREADS: "16" }).ingestThreads).toBe(16);
  expect(hubConfigFromEnv({}).ingestThreads).toBe(DEFAULT_HUB_CONFIG.ingestThreads);
  for (const bad of ["17", "-1", "deux", "1.5"]) {
    expect(() => hubConfigFromEnv({ HUB_INGEST_THREADS: bad })).toThrow(`Variable HUB_INGEST_THREADS : nombre entier de 0 à 16 attendu, « ${bad} » reçu.`);
  }
});

test("by default one ingest thread per core left by the event loop, between 1 and 4", () => {
  expect([1, 2, 3, 4, 8, 64].map((cores) => defaultIngestThreads(cores))).toEqual([1, 1, 2, 3, 4, 4]);
});

test("rate limits and CORS origins from the environment", () => {
  const c = hubConfigFromEnv({ HUB_RATE_LIMIT_PER_TOKEN: "30", HUB_CORS_ORIGINS: "https://a.fr, https://b.fr" });
  expect(c.rateLimit.perToken).toBe(30);
  expect(c.corsOrigins).toEqual(["https://a.fr", "https://b.fr"]);
  expect(() => hubConfigFromEnv({ HUB_RATE_LIMIT_PER_IP: "0" })).toThrow(/HUB_RATE_LIMIT_PER_IP/);
});

test("connection limits and quotas from the environment, sizes with a unit, nonsense refused in French", () => {
  const c = hubConfigFromEnv({ HUB_IDLE_TIMEOUT_MS: "5000", HUB_MAX_CONNECTIONS: "100", HUB_QUOTA_VERSIONS_PER_PERIOD: "7", HUB_QUOTA_BYTES_PER_PERIOD: "20M", HUB_QUOTA_DATABASE_BYTES: "2G", HUB_QUOTA_BYTES_PER_STRUCTURE: "500000" });
  expect(c.connections).toEqual({ ...DEFAULT_HUB_CONFIG.connections, idleTimeoutMs: 5000, maxConnections: 100 });
  expect(c.quotas).toEqual({ versionsPerPeriod: 7, bytesPerPeriod: 20 * 1024 ** 2, bytesPerStructure: 500_000, databaseBytes: 2 * 1024 ** 3 });
  expect(hubConfigFromEnv({ HUB_QUOTA_BYTES_PER_PERIOD: "64Ko" }).quotas.bytesPerPeriod).toBe(64 * 1024);
  expect(() => hubConfigFromEnv({ HUB_QUOTA_BYTES_PER_PERIOD: "beaucoup" })).toThrow("Variable HUB_QUOTA_BYTES_PER_PERIOD\u00a0: taille positive attendue, en octets ou avec une unité (500K, 50M, 10G), «\u00a0beaucoup\u00a0» reçu.");
  expect(() => hubConfigFromEnv({ HUB_KEEP_ALIVE_TIMEOUT_MS: "-1" })).toThrow(/HUB_KEEP_ALIVE_TIMEOUT_MS/);
});
