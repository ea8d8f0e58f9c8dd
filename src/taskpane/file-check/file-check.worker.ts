import { checkFileBytes } from "./check-file";
import { throttleProgress } from "./progress-throttle";
import type { FileCheckJob, FileCheckReply } from "./protocol";
import { splitResult } from "./result-chunks";
import { serializeError } from "./worker-error";

/** The worker's global scope, typed for what is used of it (the DOM lib types `self` as a Window). */
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<FileCheckJob>) => void) | null;
  postMessage(reply: FileCheckReply): void;
};

const post = (reply: FileCheckReply) => scope.postMessage(reply);

scope.onmessage = (e) => {
  const { name, bytes, config } = e.data;
  const progress = throttleProgress((p) => post({ type: "progress", progress: p }));
  checkFileBytes(name, bytes, config, (p) => progress.push(p))
    .then((result) => {
      progress.flush();
      const { parts, rest } = splitResult(result);
      for (const part of parts) post(part);
      post({ type: "done", result: rest });
    })
    .catch((error: unknown) => post({ type: "failed", error: serializeError(error) }));
};

// Said once the script is running: an error event before it means the worker could not start (fall back to the page).
post({ type: "started" });
