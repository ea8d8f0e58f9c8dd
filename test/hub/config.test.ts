import { DEFAULT_HUB_CONFIG, hubConfigFromEnv } from "../../src/hub/config";

/** The hub's settings from the environment (the systemd unit's Environment= lines). */
test("rate limits and CORS origins from the environment", () => {
  const c = hubConfigFromEnv({
    HUB_RATE_LIMIT_PER_TOKEN: "30",
    HUB_CORS_ORIGINS: "https://a.fr, https://b.fr",
  });
  expect(c.rateLimit.perToken).toBe(30);
  expect(c.corsOrigins).toEqual(["https://a.fr", "https://b.fr"]);
  expect(() => hubConfigFromEnv({ HUB_RATE_LIMIT_PER_IP: "0" })).toThrow(/HUB_RATE_LIMIT_PER_IP/);
});

test("connection limits and quotas from the environment, sizes with a unit, nonsense refused in French", () => {
  const c = hubConfigFromEnv({
    HUB_IDLE_TIMEOUT_MS: "5000",
    HUB_MAX_CONNECTIONS: "100",
    HUB_QUOTA_VERSIONS_PER_PERIOD: "7",
    HUB_QUOTA_BYTES_PER_PERIOD: "20M",
    HUB_QUOTA_DATABASE_BYTES: "2G",
    HUB_QUOTA_BYTES_PER_STRUCTURE: "500000",
  });
  expect(c.connections).toEqual({
    ...DEFAULT_HUB_CONFIG.connections,
    idleTimeoutMs: 5000,
    maxConnections: 100,
  });
  expect(c.quotas).toEqual({
    versionsPerPeriod: 7,
    bytesPerPeriod: 20 * 1024 ** 2,
    bytesPerStructure: 500_000,
    databaseBytes: 2 * 1024 ** 3,
  });
  expect(hubConfigFromEnv({ HUB_QUOTA_BYTES_PER_PERIOD: "64Ko" }).quotas.bytesPerPeriod).toBe(64 * 1024);
  expect(() => hubConfigFromEnv({ HUB_QUOTA_BYTES_PER_PERIOD: "beaucoup" })).toThrow(
    "Variable HUB_QUOTA_BYTES_PER_PERIOD\u00a0: taille positive attendue, en octets ou avec une unité (500K, 50M, 10G), «\u00a0beaucoup\u00a0» reçu.",
  );
  expect(() => hubConfigFromEnv({ HUB_KEEP_ALIVE_TIMEOUT_MS: "-1" })).toThrow(/HUB_KEEP_ALIVE_TIMEOUT_MS/);
});
