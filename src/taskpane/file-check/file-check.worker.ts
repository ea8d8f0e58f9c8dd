import { checkFileBytes } from "./check-file";
import { throttleProgress } from "./progress-throttle";
import type { FileCheck, FileCheckReply, PageMessage } from "./protocol";
import { splitResult, type ResultPart } from "./result-chunks";
import { toPlain } from "../../core/errors/user-error";

/** The worker's global scope, typed for what is used of it (the DOM lib types `self` as a Window). */
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<PageMessage>) => void) | null;
  postMessage(reply: FileCheckReply): void;
};

const post = (reply: FileCheckReply) => scope.postMessage(reply);

/** The parts of the result not yet sent, then the rest: one part per "next" from the page. */
let parts: ResultPart[] = [];
let rest: FileCheck | null = null;

function sendNext(): void {
  const part = parts.shift();
  if (part) return post(part);
  if (rest) post({ type: "done", result: rest });
  rest = null;
}

scope.onmessage = (e) => {
  const message = e.data;
  if ("type" in message) return sendNext();
  const { name, bytes, config } = message;
  const progress = throttleProgress((p) => post({ type: "progress", progress: p }));
  checkFileBytes(name, bytes, config, (p) => progress.push(p))
    .then((result) => {
      progress.flush();
      ({ parts, rest } = splitResult(result));
      sendNext();
    })
    .catch((error: unknown) => post({ type: "failed", error: toPlain(error) }));
};

// Said once the script is running: an error event before it means the worker could not start (fall back to the page).
post({ type: "started" });
