import { availableParallelism } from "node:os";
import { DEFAULT_CONFIG, type RulesConfig } from "../core";

export interface RateLimitConfig {
  /** Requests per window for one token. */
  perToken: number;
  /** Requests per window from one IP address (all tokens and anonymous requests together). */
  perIp: number;
  /** Window length in milliseconds. */
  windowMs: number;
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
  /** Threads that parse and prepare submissions (0: on the event loop). */
  ingestThreads: number;
}

/** One thread per core left by the event loop, at least one, at most four (the SQLite writer has its own). */
export function defaultIngestThreads(cores = availableParallelism()): number {
  return Math.min(4, Math.max(1, cores - 1));
}

export const DEFAULT_HUB_CONFIG: HubConfig = {
  corsOrigins: [],
  rateLimit: { perToken: 120, perIp: 600, windowMs: 60_000 },
  bodyLimit: 5 * 1024 * 1024,
  rules: DEFAULT_CONFIG,
  trustProxy: false,
  ingestThreads: defaultIngestThreads(),
};

/**
 * Configuration from the environment (the systemd unit's Environment= lines):
 * HUB_CORS_ORIGINS (comma-separated), HUB_RATE_LIMIT_PER_TOKEN, HUB_RATE_LIMIT_PER_IP, HUB_RATE_LIMIT_WINDOW_MS,
 * HUB_TRUST_PROXY (true, or a hop count, or addresses), HUB_INGEST_THREADS (0 to 16; 0: on the event loop).
 */
export function hubConfigFromEnv(env: Record<string, string | undefined>, base: HubConfig = DEFAULT_HUB_CONFIG): HubConfig {
  const int = (name: string, fallback: number): number => {
    const v = env[name];
    if (v === undefined || v === "") return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`Variable ${name} : nombre entier positif attendu, « ${v} » reçu.`);
    return n;
  };
  const threads = env.HUB_INGEST_THREADS;
  if (threads !== undefined && threads !== "" && !/^(\d|1[0-6])$/.test(threads)) {
    throw new Error(`Variable HUB_INGEST_THREADS : nombre entier de 0 à 16 attendu, « ${threads} » reçu.`);
  }
  const trust = env.HUB_TRUST_PROXY;
  const origins = env.HUB_CORS_ORIGINS;
  return {
    ...base,
    corsOrigins: origins ? origins.split(",").map((s) => s.trim()).filter(Boolean) : base.corsOrigins,
    rateLimit: {
      perToken: int("HUB_RATE_LIMIT_PER_TOKEN", base.rateLimit.perToken),
      perIp: int("HUB_RATE_LIMIT_PER_IP", base.rateLimit.perIp),
      windowMs: int("HUB_RATE_LIMIT_WINDOW_MS", base.rateLimit.windowMs),
    },
    ingestThreads: threads === undefined || threads === "" ? base.ingestThreads : Number(threads),
    trustProxy: trust === undefined || trust === "" ? base.trustProxy : trust === "true" ? true : /^\d+$/.test(trust) ? Number(trust) : trust,
  };
}
