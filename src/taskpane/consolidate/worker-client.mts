import type { RulesConfig } from "../../core/index.js";
import { readErrorMessage } from "../../xlsx/errors.js";
import type { FileOutcome } from "./analyze-one.js";
import type { WorkerJob, WorkerReply } from "./read-file.worker.js";

/**
 * Reads one file in its own Web Worker, ended after `timeoutMs`: a hostile file cannot freeze the page or take
 * the other files down. An ES module (.mts) for `import.meta.url`, which webpack turns into the worker's chunk;
 * only loaded where Worker exists (never under Jest's jsdom).
 */
export function analyzeInWorker(name: string, bytes: ArrayBuffer, config: RulesConfig, onProgress: (progress: number) => void, timeoutMs: number): Promise<{ ok: true; outcome: FileOutcome } | { ok: false; message: string }> {
  const worker = new Worker(new URL("./read-file.worker.ts", import.meta.url));
  return new Promise((resolve) => {
    let settled = false;
    const settle = (r: { ok: true; outcome: FileOutcome } | { ok: false; message: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.terminate();
      resolve(r);
    };
    const timer = setTimeout(() => settle({ ok: false, message: readErrorMessage("read-timeout", name, `plus de ${Math.round(timeoutMs / 1000)} s`) }), timeoutMs);
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const reply = e.data;
      if (reply.type === "progress") onProgress(reply.progress);
      else if (reply.type === "done") settle({ ok: true, outcome: reply.outcome });
      else settle({ ok: false, message: reply.message });
    };
    // A worker that dies (out of memory, most often) reports an error event and no answer.
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      settle({ ok: false, message: readErrorMessage("read-memory", name, `le lecteur s'est arrêté${e.message ? ` (${e.message})` : ""}`) });
    };
    const job: WorkerJob = { name, bytes, config };
    worker.postMessage(job, [bytes]);
  });
}
