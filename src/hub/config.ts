import { DEFAULT_CONFIG, type RulesConfig } from "../core";
import { frenchSpacing } from "./french";

export interface RateLimitConfig {
  /** Requests per window for one token. */
  perToken: number;
  /** Requests per window from one IP address (all tokens and anonymous requests together). */
  perIp: number;
  /** Window length in milliseconds. */
  windowMs: number;
}

/** Sockets and requests: what a slow, idle or greedy client may hold (issue 15). */
export interface ConnectionConfig {
  /** A socket that sends or receives nothing for this long is closed (ms; Fastify's connectionTimeout). */
  idleTimeoutMs: number;
  /** An idle keep-alive connection is closed after this long (ms). */
  keepAliveTimeoutMs: number;
  /** A request must have been received in full within this long (ms). */
  requestTimeoutMs: number;
  /** Open connections accepted at once; beyond, new ones are closed at once (Node's server.maxConnections). */
  maxConnections: number;
}

/** How much one structure token may store (issue 15): a stolen or buggy token cannot fill the disk. */
export interface QuotaConfig {
  /** Versions one structure may send for one period (all kinds together). */
  versionsPerPeriod: number;
  /** Bytes of reports one structure may store for one period (all versions). */
  bytesPerPeriod: number;
  /** Bytes of reports one structure may store in all (all periods: period keys are chosen by the sender). */
  bytesPerStructure: number;
  /** Size of the whole database beyond which no new version is accepted. */
  databaseBytes: number;
}

export interface HubConfig {
  /** Origins allowed by CORS (the add-in's origins, e.g. https://addin.departement.fr). Empty: no CORS. */
  corsOrigins: string[];
  rateLimit: RateLimitConfig;
  /** Request body limit in bytes (5 MB). */
  bodyLimit: number;
  /** Rules used to recompute indicators (the department's configuration, defaults otherwise). */
  rules: RulesConfig;
  /** Behind a reverse proxy: trust X-Forwarded-For from it (true, a hop count, or addresses). */
  trustProxy: boolean | number | string;
  connections: ConnectionConfig;
  quotas: QuotaConfig;
}

const MIB = 1024 * 1024;

/** What buildHub takes: any part of the configuration, nested groups in part too; the rest from the defaults. */
export type HubConfigOverrides = Partial<Omit<HubConfig, "rateLimit" | "connections" | "quotas">> & {
  rateLimit?: Partial<RateLimitConfig>;
  connections?: Partial<ConnectionConfig>;
  quotas?: Partial<QuotaConfig>;
};

export const DEFAULT_HUB_CONFIG: HubConfig = {
  corsOrigins: [],
  rateLimit: { perToken: 120, perIp: 600, windowMs: 60_000 },
  bodyLimit: 5 * 1024 * 1024,
  rules: DEFAULT_CONFIG,
  trustProxy: false,
  // Behind nginx (docs/deploiement-hub.md), 30 s of silence is a stalled client, not a slow link.
  connections: {
    idleTimeoutMs: 30_000,
    keepAliveTimeoutMs: 10_000,
    requestTimeoutMs: 120_000,
    maxConnections: 512,
  },
  // Sized from real use: a 300-person report is ~100 KB, the largest accepted 5 MB; a structure sends a few versions.
  quotas: {
    versionsPerPeriod: 50,
    bytesPerPeriod: 50 * MIB,
    bytesPerStructure: 200 * MIB,
    databaseBytes: 10 * 1024 * MIB,
  },
};

/**
 * Configuration from the environment (the systemd unit's Environment= lines):
 * HUB_CORS_ORIGINS (comma-separated), HUB_RATE_LIMIT_PER_TOKEN, HUB_RATE_LIMIT_PER_IP, HUB_RATE_LIMIT_WINDOW_MS,
 * HUB_TRUST_PROXY (true, or a hop count, or addresses),
 * HUB_IDLE_TIMEOUT_MS, HUB_KEEP_ALIVE_TIMEOUT_MS, HUB_REQUEST_TIMEOUT_MS, HUB_MAX_CONNECTIONS,
 * HUB_QUOTA_VERSIONS_PER_PERIOD, HUB_QUOTA_BYTES_PER_PERIOD, HUB_QUOTA_BYTES_PER_STRUCTURE, HUB_QUOTA_DATABASE_BYTES
 * (sizes in bytes, or with a unit: 50M, 10G).
 */
export function hubConfigFromEnv(
  env: Record<string, string | undefined>,
  base: HubConfig = DEFAULT_HUB_CONFIG,
): HubConfig {
  const int = (name: string, fallback: number): number => {
    const v = env[name];
    if (v === undefined || v === "") return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0)
      throw new Error(`Variable ${name} : nombre entier positif attendu, « ${v} » reçu.`);
    return n;
  };
  const bytes = (name: string, fallback: number): number => {
    const v = env[name];
    if (v === undefined || v === "") return fallback;
    const m = /^(\d+)\s*([KMG]?)[oB]?$/i.exec(v.trim());
    const n = m ? Number(m[1]) * 1024 ** " KMG".indexOf(m[2].toUpperCase() || " ") : NaN;
    if (!Number.isSafeInteger(n) || n <= 0)
      throw new Error(
        frenchSpacing(
          `Variable ${name} : taille positive attendue, en octets ou avec une unité (500K, 50M, 10G), « ${v} » reçu.`,
        ),
      );
    return n;
  };
  const trust = env.HUB_TRUST_PROXY;
  const origins = env.HUB_CORS_ORIGINS;
  return {
    ...base,
    corsOrigins: origins
      ? origins
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : base.corsOrigins,
    rateLimit: {
      perToken: int("HUB_RATE_LIMIT_PER_TOKEN", base.rateLimit.perToken),
      perIp: int("HUB_RATE_LIMIT_PER_IP", base.rateLimit.perIp),
      windowMs: int("HUB_RATE_LIMIT_WINDOW_MS", base.rateLimit.windowMs),
    },
    connections: {
      idleTimeoutMs: int("HUB_IDLE_TIMEOUT_MS", base.connections.idleTimeoutMs),
      keepAliveTimeoutMs: int("HUB_KEEP_ALIVE_TIMEOUT_MS", base.connections.keepAliveTimeoutMs),
      requestTimeoutMs: int("HUB_REQUEST_TIMEOUT_MS", base.connections.requestTimeoutMs),
      maxConnections: int("HUB_MAX_CONNECTIONS", base.connections.maxConnections),
    },
    quotas: {
      versionsPerPeriod: int("HUB_QUOTA_VERSIONS_PER_PERIOD", base.quotas.versionsPerPeriod),
      bytesPerPeriod: bytes("HUB_QUOTA_BYTES_PER_PERIOD", base.quotas.bytesPerPeriod),
      bytesPerStructure: bytes("HUB_QUOTA_BYTES_PER_STRUCTURE", base.quotas.bytesPerStructure),
      databaseBytes: bytes("HUB_QUOTA_DATABASE_BYTES", base.quotas.databaseBytes),
    },
    trustProxy:
      trust === undefined || trust === ""
        ? base.trustProxy
        : trust === "true"
          ? true
          : /^\d+$/.test(trust)
            ? Number(trust)
            : trust,
  };
}
