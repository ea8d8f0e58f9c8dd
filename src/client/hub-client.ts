import {
  hasCode,
  inArea,
  resolveConfig,
  UserError,
  type Consolidation,
  type HubFieldProblem,
  type RulesConfig,
  type StructuresStatus,
  type UserErrorLike,
} from "../core";
import type { SubmissionPayload, SubmissionReceipt } from "../core/submission";
import { sha256Hex } from "./crypto";

/** What the hub answers to a submission (201 created, 200 already received). */
export type Receipt = SubmissionReceipt;

export interface SendResult {
  outcome: "received" | "already-received";
  receipt: Receipt;
}

/**
 * unreachable: network error, timeout, 5xx or 429 after the retry budget (worth queuing and resending);
 * unauthorized: 401 (the token is wrong or revoked); refused: any other 4xx (resending the same thing won't help).
 */
export type HubErrorKind = "unreachable" | "unauthorized" | "refused" | "invalid-response";

/** A `hub.*` UserError: what the client throws for every failure it can word. */
export type HubError = UserErrorLike<Extract<UserErrorLike["code"], `hub.${string}`>>;

export function isHubError(e: unknown): e is HubError {
  return inArea(e, "hub");
}

/** What callers branch on (queue, mark refused, ask for a new token), from the hub error's code. */
export function hubFailureOf(e: HubError): {
  kind: HubErrorKind;
  status: number | null;
  errors: HubFieldProblem[];
} {
  const status = "status" in e.params && typeof e.params.status === "number" ? e.params.status : null;
  const errors = hasCode(e, "hub.refused") ? e.params.errors : [];
  switch (e.code) {
    case "hub.unreachable":
      // Its last answer (a 503, say) is no refusal: callers must not read it as one.
      return { kind: "unreachable", status: null, errors };
    case "hub.token-missing":
    case "hub.unauthorized":
      return { kind: "unauthorized", status, errors };
    case "hub.bad-receipt":
    case "hub.bad-json":
    case "hub.bad-settings":
      return { kind: "invalid-response", status, errors };
    default:
      return { kind: "refused", status, errors };
  }
}

export interface RetryInfo {
  attempt: number;
  delayMs: number;
  reason: string;
}

export interface HubClientOptions {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** Give up after this long (all attempts and waits included). */
  maxElapsedMs?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Per request. */
  timeoutMs?: number;
  onRetry?: (info: RetryInfo) => void;
}

const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

/** Normalises and checks a hub address; throws a French message for anything but http(s). */
export function normalizeHubUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new UserError("hub.url-invalid", { url: raw });
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new UserError("hub.url-not-http", { url: raw });
  }
  return url.toString().replace(/\/+$/, "");
}

/** The hub's quota problems (urn:bilan-iae:problem:quota-…) are 429s that no retry can pass. */
async function isQuotaRefusal(res: Response): Promise<boolean> {
  if (res.headers.get("retry-after") !== null) return false;
  try {
    const body = (await res.clone().json()) as { type?: unknown };
    return typeof body.type === "string" && body.type.startsWith("urn:bilan-iae:problem:quota");
  } catch {
    return false;
  }
}

/** Retry-After in seconds or as an HTTP date → milliseconds, or null. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const t = Date.parse(value);
  return Number.isFinite(t) ? Math.max(0, t - now) : null;
}

/**
 * Talks to the departmental hub (API v1) from the browser or Node (global fetch). Network errors, timeouts,
 * 5xx and 429 are retried with exponential backoff and full jitter, honouring Retry-After, within a bounded
 * time; then it gives up with a clear message so the caller can queue the submission in the outbox.
 */
export class HubClient {
  readonly baseUrl: string;
  private readonly f: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(private readonly o: HubClientOptions) {
    this.baseUrl = normalizeHubUrl(o.baseUrl);
    if (!o.token || !o.token.trim()) throw new UserError("hub.token-missing", {});
    this.f = o.fetch ?? ((...args) => globalThis.fetch(...args));
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.random = o.random ?? Math.random;
    this.now = o.now ?? Date.now;
  }

  /** Fingerprint of the token, to match outbox entries to it without storing the token. */
  tokenHash(): Promise<string> {
    return sha256Hex(this.o.token.trim());
  }

  async submit(payload: SubmissionPayload, idempotencyKey: string): Promise<SendResult> {
    const res = await this.request("POST", "/api/v1/submissions", {
      body: JSON.stringify(payload),
      headers: { "content-type": "application/json", "idempotency-key": idempotencyKey },
    });
    if (res.status !== 201 && res.status !== 200) throw await this.failure(res);
    const receipt = (await this.json(res)) as Receipt;
    if (!receipt || typeof receipt.id !== "string" || typeof receipt.version !== "number") {
      throw new UserError("hub.bad-receipt", { status: res.status });
    }
    return { outcome: res.status === 201 ? "received" : "already-received", receipt };
  }

  async getJson<T>(path: string): Promise<T> {
    const res = await this.request("GET", path, { headers: { accept: "application/json" } });
    if (!res.ok) throw await this.failure(res);
    return (await this.json(res)) as T;
  }

  /** The department's consolidation for a period (latest version of each report); department token only. */
  getConsolidation(period: string): Promise<Consolidation> {
    return this.getJson<Consolidation>(`/api/v1/consolidation?period=${encodeURIComponent(period)}`);
  }

  /** Who has sent and who is missing for a period; department token only. */
  getStructuresStatus(period: string): Promise<StructuresStatus> {
    return this.getJson<StructuresStatus>(`/api/v1/structures/status?period=${encodeURIComponent(period)}`);
  }

  /**
   * The department's rules (GET /api/v1/settings), checked like a --config file: the add-in then computes
   * with what the hub recomputes with. An answer that is not a valid configuration is `hub.bad-settings`.
   */
  async getSettings(): Promise<RulesConfig> {
    const body = await this.getJson<unknown>("/api/v1/settings");
    // resolveConfig takes null for "no override"; from the hub it is a broken answer.
    if (typeof body !== "object" || body === null || Array.isArray(body))
      throw new UserError("hub.bad-settings", {
        url: this.baseUrl,
        problems: ["la réponse n'est pas un objet JSON"],
      });
    try {
      return resolveConfig(body, "réglages du hub");
    } catch (e) {
      if (!hasCode(e, "config.invalid")) throw e;
      throw new UserError(
        "hub.bad-settings",
        { url: this.baseUrl, problems: e.params.problems },
        { cause: e },
      );
    }
  }

  async getBytes(path: string, accept: string): Promise<Uint8Array> {
    const res = await this.request("GET", path, { headers: { accept } });
    if (!res.ok) throw await this.failure(res);
    return new Uint8Array(await res.arrayBuffer());
  }

  private async request(
    method: string,
    path: string,
    init: { body?: string; headers: Record<string, string> },
  ): Promise<Response> {
    const started = this.now();
    const budget = this.o.maxElapsedMs ?? 60_000;
    const base = this.o.baseDelayMs ?? 500;
    const cap = this.o.maxDelayMs ?? 15_000;
    for (let attempt = 1; ; attempt++) {
      let reason: string;
      let lastStatus: number | null = null;
      let timedOut = false;
      let retryAfter: number | null = null;
      try {
        const res = await this.once(method, path, init);
        if (!RETRYABLE_STATUS.has(res.status)) return res;
        // A quota refusal is final: resending the same report cannot pass until the department acts.
        if (res.status === 429 && (await isQuotaRefusal(res))) return res;
        reason = `réponse ${res.status}`;
        lastStatus = res.status;
        retryAfter = parseRetryAfter(res.headers.get("retry-after"), this.now());
        // Drain the body so the connection can be reused.
        await res.arrayBuffer().catch(() => undefined);
      } catch (e) {
        // Duck-typed: fetch errors may come from another realm (DOMException), where instanceof fails.
        timedOut = (e as { name?: unknown } | null)?.name === "AbortError";
        reason = timedOut ? "délai dépassé" : "hub injoignable";
      }
      const backoff = Math.floor(this.random() * Math.min(cap, base * 2 ** (attempt - 1)));
      const delay = Math.max(backoff, retryAfter ?? 0);
      const elapsed = this.now() - started;
      if (elapsed + delay > budget) {
        throw new UserError("hub.unreachable", {
          url: this.baseUrl,
          attempts: attempt,
          seconds: Math.round(elapsed / 1000),
          status: lastStatus,
          timedOut,
          // Only a submission is kept for later (the outbox); a read is simply to be tried again.
          queued: method === "POST",
        });
      }
      this.o.onRetry?.({ attempt, delayMs: delay, reason });
      await this.sleep(delay);
    }
  }

  private async once(
    method: string,
    path: string,
    init: { body?: string; headers: Record<string, string> },
  ): Promise<Response> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.o.timeoutMs ?? 30_000);
    try {
      return await this.f(this.baseUrl + path, {
        method,
        body: init.body,
        headers: { ...init.headers, authorization: `Bearer ${this.o.token.trim()}` },
        signal: controller.signal,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  private async json(res: Response): Promise<unknown> {
    try {
      return await res.json();
    } catch {
      throw new UserError("hub.bad-json", { status: res.status });
    }
  }

  /** Turns a non-success answer into a hub error carrying the hub's French `detail`. */
  private async failure(res: Response): Promise<UserError> {
    let detail = "";
    let errors: HubFieldProblem[] = [];
    try {
      const body = (await res.json()) as { detail?: unknown; errors?: unknown };
      if (typeof body.detail === "string") detail = body.detail;
      if (Array.isArray(body.errors)) errors = body.errors as { pointer: string; detail: string }[];
    } catch {
      // Not a problem+json body (a proxy's HTML page, say): the status alone is reported.
    }
    if (res.status === 401) return new UserError("hub.unauthorized", { status: 401, detail });
    return new UserError("hub.refused", { status: res.status, detail, errors });
  }
}
