import type { RulesConfig } from "../../core/index.js";
import { fromPlain } from "../../core/errors/user-error.js";
import { readError } from "../../xlsx/errors.js";
import type { CheckProgress, FileCheck, FileCheckReply, PageMessage } from "./protocol.js";
import { resultJoiner } from "./result-chunks.js";
import { abortError } from "./worker-error.js";

/** The worker could not be created or its script did not start (old webview, blocked by a policy). */
export class WorkerUnavailable extends Error {
  constructor(cause: string) {
    super(`Web Worker indisponible : ${cause}`);
    this.name = "WorkerUnavailable";
  }
}

/**
 * Reads and analyses a file in its own Web Worker: the page only receives progress and the result, so it keeps
 * answering input. The worker ends with the job, at `timeoutMs` or when `signal` aborts (another file opened).
 * Rejects with WorkerUnavailable when no worker could start (the caller checks in the page instead). An ES
 * module (.mts) for `import.meta.url`, which webpack turns into the worker's chunk.
 */
export function checkInWorker(
  name: string,
  bytes: ArrayBuffer,
  config: RulesConfig | null,
  onProgress: (p: CheckProgress) => void,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<FileCheck> {
  let worker: Worker;
  try {
    worker = new Worker(new URL("./file-check.worker.ts", import.meta.url));
  } catch (e) {
    return Promise.reject(new WorkerUnavailable(e instanceof Error ? e.message : String(e)));
  }
  return new Promise<FileCheck>((resolve, reject) => {
    let started = false;
    const joiner = resultJoiner();
    let settled = false;
    const end = () => {
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      worker.terminate();
    };
    const fail = (error: Error) => {
      if (settled) return;
      end();
      reject(error);
    };
    const onAbort = () => fail(abortError());
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener("abort", onAbort);
    const timer = setTimeout(
      () => fail(readError("read-timeout", name, `plus de ${Math.round(options.timeoutMs / 1000)} s`)),
      options.timeoutMs,
    );
    worker.onmessage = (e: MessageEvent<FileCheckReply>) => {
      const reply = e.data;
      if (settled) return;
      if (reply.type === "started") started = true;
      else if (reply.type === "progress") onProgress(reply.progress);
      else if (reply.type === "rows" || reply.type === "records") {
        joiner.add(reply);
        // Asked for after a timer: what else the page has to do runs before the next part arrives.
        setTimeout(() => settled || worker.postMessage({ type: "next" } satisfies PageMessage), 0);
      } else if (reply.type === "failed") fail(fromPlain(reply.error));
      else {
        end();
        resolve(joiner.join(reply.result));
      }
    };
    // Before "started": the script did not load or run. After: the worker died (out of memory, most often).
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      if (!started) return fail(new WorkerUnavailable(e.message || "le script n'a pas démarré"));
      fail(readError("read-memory", name, `le lecteur s'est arrêté${e.message ? ` (${e.message})` : ""}`));
    };
    worker.postMessage({ name, bytes, config } satisfies PageMessage, [bytes]);
  });
}
