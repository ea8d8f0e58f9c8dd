import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { configureSqlite, type SqliteSynchronous } from "./sqlite-pragmas";
import { restrictSqliteFiles } from "./file-modes";
import { SqliteStore, type WriteRequest, type WriteResult } from "./sqlite-store";

/**
 * The SQLite writer thread: owns the only writing connection, so the HTTP thread never waits for an fsync.
 * Requests that arrive while a batch is being committed form the next batch (group commit: one fsync for
 * many submissions). Results go back only after the COMMIT, so a 201 is never sent for data not on disk.
 */
export interface WriterThreadData {
  file: string;
  synchronous: SqliteSynchronous;
}
export type ToWriter = { id: number; req: WriteRequest } | { close: true };
export type FromWriter = { results: [number, WriteResult][] } | { closed: true };

/** Submissions committed together (bounded so one batch does not hold the lock for long). */
const BATCH = 64;

function run(port: NonNullable<typeof parentPort>, data: WriterThreadData): void {
  const db = new Database(data.file);
  configureSqlite(db, data.synchronous);
  restrictSqliteFiles(data.file);
  const store = new SqliteStore(db);
  let queue: { id: number; req: WriteRequest }[] = [];
  let scheduled = false;
  let closing = false;

  const flush = () => {
    scheduled = false;
    const batch = queue.slice(0, BATCH);
    queue = queue.slice(BATCH);
    let results: WriteResult[];
    try {
      results = store.write(batch.map((b) => b.req));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      results = batch.map(() => ({ ok: false, message }));
    }
    port.postMessage({ results: batch.map((b, i) => [b.id, results[i]]) } satisfies FromWriter);
    schedule();
  };
  const schedule = () => {
    if (queue.length > 0) {
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    } else if (closing) {
      db.close();
      port.postMessage({ closed: true } satisfies FromWriter);
      port.close();
    }
  };
  port.on("message", (m: ToWriter) => {
    if ("close" in m) closing = true;
    else queue.push(m);
    schedule();
  });
}

if (parentPort) run(parentPort, workerData as WriterThreadData);
