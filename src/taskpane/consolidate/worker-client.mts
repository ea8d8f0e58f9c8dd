import type { RulesConfig } from "../../core/index.js";
import { toPlain, type PlainError } from "../../core/errors/user-error.js";
import { readError } from "../../xlsx/errors.js";
import type { FileOutcome } from "./analyze-one.js";
import type { WorkerJob, WorkerReply } from "./read-file.worker.js";

type Final = Exclude<WorkerReply, { type: "progress" }>;

/**
 * Runs one job in its own Web Worker, ended after `timeoutMs`: a hostile file cannot freeze the page or take
 * the other files down. An ES module (.mts) for `import.meta.url`, which webpack turns into the worker's chunk;
 * only loaded where Worker exists (never under Jest's jsdom).
 */
function runInWorker(
  job: WorkerJob,
  onProgress: (progress: number) => void,
  timeoutMs: number,
): Promise<Final> {
  const worker = new Worker(new URL("./read-file.worker.ts", import.meta.url));
  return new Promise((resolve) => {
    let settled = false;
    const settle = (r: Final) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.terminate();
      resolve(r);
    };
    const timer = setTimeout(
      () =>
        settle({
          type: "failed",
          error: toPlain(readError("read-timeout", job.name, `plus de ${Math.round(timeoutMs / 1000)} s`)),
        }),
      timeoutMs,
    );
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const reply = e.data;
      if (reply.type === "progress") onProgress(reply.progress);
      else settle(reply);
    };
    // A worker that dies (out of memory, most often) reports an error event and no answer.
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      settle({
        type: "failed",
        error: toPlain(
          readError("read-memory", job.name, `le lecteur s'est arrêté${e.message ? ` (${e.message})` : ""}`),
        ),
      });
    };
    worker.postMessage(job, [job.bytes]);
  });
}

/** Reads and analyses one returned file in a worker: its consolidation outcome, or what stopped it. */
export async function analyzeInWorker(
  name: string,
  bytes: ArrayBuffer,
  config: RulesConfig,
  onProgress: (progress: number) => void,
  timeoutMs: number,
): Promise<{ ok: true; outcome: FileOutcome } | { ok: false; error: PlainError }> {
  const r = await runInWorker({ kind: "consolidate", name, bytes, config }, onProgress, timeoutMs);
  if (r.type === "done") return { ok: true, outcome: r.outcome };
  return { ok: false, error: r.error };
}
