import type { Worker } from "node:worker_threads";
import type { RulesConfig } from "../../core";
import { ownsItsMemory, startHubThread } from "../threads";
import { parseSubmissionBody, type BodyOutcome } from "./parse-body";
import type { FromIngest, IngestThreadData, ToIngest } from "./ingest-thread";

interface Thread {
  worker: Worker;
  pending: Map<number, { resolve(o: BodyOutcome): void; reject(e: unknown): void }>;
}

/**
 * The hub's ingest threads (ingest-thread): a submission body goes to the least busy one and comes back
 * prepared, so that parsing and recomputing a 300-record report never blocks the event loop (the other
 * requests, the health check). With `size` 0 the work runs on the event loop itself. Threads start on first
 * use and are replaced if one fails; close() stops them.
 */
export class IngestPool {
  private readonly threads: (Thread | null)[];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly rules: RulesConfig,
    size: number,
  ) {
    this.threads = new Array<Thread | null>(Math.max(0, size)).fill(null);
  }

  /**
   * Parses and prepares a body (never rejects for a bad body: the outcome says why). The body is the caller's
   * no longer: it may be detached (moved to the thread) when this returns.
   */
  parse(body: Uint8Array): Promise<BodyOutcome> {
    if (this.closed) return Promise.reject(new Error("Le hub s'arrête."));
    if (this.threads.length === 0) {
      try {
        return Promise.resolve(parseSubmissionBody(body, this.rules));
      } catch (e) {
        return Promise.reject(e);
      }
    }
    const thread = this.leastBusy();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      // Keeps the process alive only while a body is being prepared.
      if (thread.pending.size === 1) thread.worker.ref();
      // A body with a memory of its own (any body over 4 KB) is handed over, not copied: the caller drops it.
      // A short one may sit in Node's shared pool of small buffers, which must not move: it is copied.
      thread.worker.postMessage({ id, body } satisfies ToIngest, ownsItsMemory(body) ? [body.buffer] : []);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const running = this.threads.filter((t): t is Thread => t !== null);
    this.threads.fill(null);
    await Promise.all(running.map((t) => t.worker.terminate()));
  }

  private leastBusy(): Thread {
    let best = -1;
    for (let i = 0; i < this.threads.length; i++) {
      const t = this.threads[i];
      if (t === null) return this.start(i);
      if (best < 0 || t.pending.size < this.threads[best]!.pending.size) best = i;
    }
    return this.threads[best]!;
  }

  private start(slot: number): Thread {
    const worker = startHubThread("ingest/ingest-thread", { rules: this.rules } satisfies IngestThreadData);
    worker.unref();
    const thread: Thread = { worker, pending: new Map() };
    worker.on("message", (m: FromIngest) => {
      const p = thread.pending.get(m.id);
      thread.pending.delete(m.id);
      if (thread.pending.size === 0) worker.unref();
      if ("error" in m) p?.reject(new Error(m.error));
      else p?.resolve(m.outcome);
    });
    const fail = (e: unknown) => {
      if (this.threads[slot] === thread) this.threads[slot] = null;
      for (const p of thread.pending.values()) p.reject(e);
      thread.pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`Un fil de préparation des envois s'est arrêté (code ${code}).`)));
    this.threads[slot] = thread;
    return thread;
  }
}
