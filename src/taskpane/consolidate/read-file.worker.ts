import type { RulesConfig } from "../../core";
import { analyzeBytes, failureMessage, type FileOutcome } from "./analyze-one";

/** What the page sends the worker: one file (its bytes transferred) and the department's settings. */
export interface WorkerJob {
  name: string;
  bytes: ArrayBuffer;
  config: RulesConfig;
}

/** What the worker answers: progress, then the file's outcome or its French message. */
export type WorkerReply = { type: "progress"; progress: number } | { type: "done"; outcome: FileOutcome } | { type: "failed"; message: string };

/** The worker's global scope, typed for what is used of it (the DOM lib types `self` as a Window). */
const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerJob>) => void) | null; postMessage(reply: WorkerReply): void };

scope.onmessage = (e) => {
  const { name, bytes, config } = e.data;
  const post = (reply: WorkerReply) => scope.postMessage(reply);
  analyzeBytes(name, bytes, config, (progress) => post({ type: "progress", progress }), () => Promise.resolve()).then(
    (outcome) => post({ type: "done", outcome }),
    (err: unknown) => post({ type: "failed", message: failureMessage(name, err) }),
  );
};
