import type { RulesConfig } from "../../core";
import type { PlainError } from "../../core/errors/user-error";
import { analyzeBytes, failure, type FileOutcome } from "./analyze-one";

/** What the page sends the worker: one file (its bytes transferred) to consolidate under the department's settings. */
export type WorkerJob = { kind: "consolidate"; name: string; bytes: ArrayBuffer; config: RulesConfig };

/** What the worker answers: progress, then the file's outcome, or what stopped it (a plain coded error). */
export type WorkerReply =
  | { type: "progress"; progress: number }
  | { type: "done"; outcome: FileOutcome }
  | { type: "failed"; error: PlainError };

/** The worker's global scope, typed for what is used of it (the DOM lib types `self` as a Window). */
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerJob>) => void) | null;
  postMessage(reply: WorkerReply): void;
};

async function run(job: WorkerJob, post: (reply: WorkerReply) => void): Promise<void> {
  const outcome = await analyzeBytes(
    job.name,
    job.bytes,
    job.config,
    (progress) => post({ type: "progress", progress }),
    () => Promise.resolve(),
  );
  post({ type: "done", outcome });
}

scope.onmessage = (e) => {
  const job = e.data;
  const post = (reply: WorkerReply) => scope.postMessage(reply);
  run(job, post).catch((err: unknown) => post({ type: "failed", error: failure(job.name, err) }));
};
