import type { SubmissionPayload } from "../core/submission";
import { hubFailureOf, isHubError, type HubClient, type HubError, type SendResult } from "./hub-client";

/** A submission waiting to be (re)sent. No token in it: the token is given again when the outbox is flushed. */
export interface OutboxEntry {
  /** The Idempotency-Key: resending never duplicates. */
  id: string;
  hubUrl: string;
  siret: string;
  kind: string;
  period: string;
  structureName: string;
  queuedAt: string;
  attempts: number;
  lastError: string | null;
  /** SHA-256 of the token that queued it (never the token): `outbox send` resends it only with that token. */
  tokenHash?: string;
  /** refused: the hub said no (4xx); kept for the user to see, never resent automatically. */
  state: "pending" | "refused";
  payload: SubmissionPayload;
}

/** Where the outbox lives: a file for the CLI, localStorage for the task pane. */
export interface OutboxStore {
  load(): Promise<OutboxEntry[]>;
  save(entries: OutboxEntry[]): Promise<void>;
  /** For messages: where the outbox is (a path, "ce navigateur"). */
  readonly location: string;
}

export interface FlushResult {
  id: string;
  siret: string;
  period: string;
  result: SendResult | null;
  error: string | null;
}

export class Outbox {
  constructor(readonly store: OutboxStore) {}

  list(): Promise<OutboxEntry[]> {
    return this.store.load();
  }

  async put(entry: OutboxEntry): Promise<void> {
    const entries = (await this.store.load()).filter((e) => e.id !== entry.id);
    entries.push(entry);
    await this.store.save(entries);
  }

  async remove(id: string): Promise<void> {
    const entries = await this.store.load();
    const kept = entries.filter((e) => e.id !== id);
    if (kept.length !== entries.length) await this.store.save(kept);
  }

  /**
   * Sends every pending entry for which `clientFor` gives a client (entries of other hubs stay queued).
   * Each delivered entry leaves the outbox at once, so a crash in the middle never resends twice without its key.
   */
  async flush(
    clientFor: (entry: OutboxEntry) => HubClient | null,
    onEach?: (r: FlushResult) => void,
  ): Promise<FlushResult[]> {
    const results: FlushResult[] = [];
    for (const entry of await this.store.load()) {
      if (entry.state !== "pending") continue;
      const client = clientFor(entry);
      if (!client) continue;
      let r: FlushResult;
      try {
        const result = await client.submit(entry.payload, entry.id);
        await this.remove(entry.id);
        r = { id: entry.id, siret: entry.siret, period: entry.period, result, error: null };
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        const kind = isHubError(e) ? hubFailureOf(e).kind : null;
        const refused = kind === "refused" || kind === "invalid-response";
        await this.put({
          ...entry,
          attempts: entry.attempts + 1,
          lastError: message,
          state: refused ? "refused" : "pending",
        });
        r = { id: entry.id, siret: entry.siret, period: entry.period, result: null, error: message };
      }
      results.push(r);
      onEach?.(r);
    }
    return results;
  }
}

export type SendOutcome = { sent: SendResult } | { queued: OutboxEntry; error: HubError };

/**
 * Sends now; when the hub cannot be reached (after the client's retries) the submission is queued in the
 * outbox and the caller gets the reason, to show with where the outbox is. Refusals (4xx) are thrown as is.
 */
export async function sendOrQueue(
  client: HubClient,
  outbox: Outbox,
  payload: SubmissionPayload,
  idempotencyKey: string,
  period: string,
): Promise<SendOutcome> {
  try {
    const sent = await client.submit(payload, idempotencyKey);
    await outbox.remove(idempotencyKey);
    return { sent };
  } catch (e) {
    if (!isHubError(e) || hubFailureOf(e).kind !== "unreachable") throw e;
    const queued: OutboxEntry = {
      id: idempotencyKey,
      hubUrl: client.baseUrl,
      tokenHash: await client.tokenHash(),
      siret: payload.structure.siret,
      kind: payload.structure.kind,
      period,
      structureName: payload.structure.name,
      queuedAt: new Date().toISOString(),
      attempts: 1,
      lastError: e.message,
      state: "pending",
      payload,
    };
    await outbox.put(queued);
    return { queued, error: e };
  }
}
