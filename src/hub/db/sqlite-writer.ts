import type { Worker } from "node:worker_threads";
import { startHubThread } from "../threads";
import type { FromWriter, ToWriter, WriterThreadData } from "./sqlite-writer-thread";
import type { WriteRequest, WriteResult } from "./sqlite-store";

/**
 * The HTTP thread's side of the SQLite writer thread (HubDb.sqlite): every write of the request path
 * (submissions, their records, the audit log) goes through it, in order. Started on first use, so CLI
 * commands that only read or run migrations do not start a thread. close() waits for the writes in flight.
 */
export class SqliteWriter {
  private worker: Worker | null = null;
  private exited: Promise<void> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(r: WriteResult): void; reject(e: unknown): void }>();
  private closed = false;

  constructor(private readonly data: WriterThreadData) {}

  write(req: WriteRequest): Promise<WriteResult> {
    if (this.closed) return Promise.reject(new Error("La base du hub est fermée."));
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Keeps the process alive only while a write is in flight.
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ id, req } satisfies ToWriter);
    });
  }

  /** Lets the writes already sent commit, then stops the thread. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (!this.worker || !this.exited) return;
    this.worker.ref();
    this.worker.postMessage({ close: true } satisfies ToWriter);
    await this.exited;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = startHubThread("db/sqlite-writer-thread", this.data);
    worker.unref();
    this.exited = new Promise((resolve) => worker.once("exit", () => resolve()));
    worker.on("message", (m: FromWriter) => {
      if (!("results" in m)) return;
      for (const [id, r] of m.results) {
        const p = this.pending.get(id);
        this.pending.delete(id);
        p?.resolve(r);
      }
      if (this.pending.size === 0) worker.unref();
    });
    const failAll = (e: unknown) => {
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    worker.on("error", (e) => failAll(e));
    worker.on("exit", (code) => {
      this.worker = null;
      this.closed = true;
      failAll(new Error(`Le fil d'écriture SQLite du hub s'est arrêté (code ${code}).`));
    });
    this.worker = worker;
    return worker;
  }
}
