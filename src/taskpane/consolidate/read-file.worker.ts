import type { RulesConfig } from "../../core";
import { isXlsxReadError, readReasonOf } from "../../xlsx/errors";
import { checkEveryPart, readXlsxBytes } from "../../xlsx/read-buffer";
import { analyzeBytes, failureMessage, type FileOutcome } from "./analyze-one";

/**
 * What the page sends the worker: one file (its bytes transferred) to consolidate under the department's
 * settings, or to check before file mode opens it.
 */
export type WorkerJob =
  | { kind: "consolidate"; name: string; bytes: ArrayBuffer; config: RulesConfig }
  | { kind: "check"; name: string; bytes: ArrayBuffer };

/** What the worker answers: progress, then the file's outcome (or "checked"), or its French message. */
export type WorkerReply =
  | { type: "progress"; progress: number }
  | { type: "done"; outcome: FileOutcome }
  | { type: "checked" }
  | { type: "failed"; reason: string; message: string };

/** The worker's global scope, typed for what is used of it (the DOM lib types `self` as a Window). */
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerJob>) => void) | null;
  postMessage(reply: WorkerReply): void;
};

async function run(job: WorkerJob, post: (reply: WorkerReply) => void): Promise<void> {
  if (job.kind === "check") {
    // Everything file mode will read: the lean reader's parts, and every part before ExcelJS loads them.
    await readXlsxBytes(job.bytes, { name: job.name });
    await checkEveryPart(job.bytes, { name: job.name });
    post({ type: "checked" });
    return;
  }
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
  run(job, post).catch((err: unknown) =>
    post({
      type: "failed",
      reason: isXlsxReadError(err) ? readReasonOf(err) : "unexpected",
      message: failureMessage(job.name, err),
    }),
  );
};
