import { parentPort, workerData } from "node:worker_threads";
import type { RulesConfig } from "../../core";
import { parseSubmissionBody, type BodyOutcome } from "./parse-body";

/**
 * An ingest thread: parses, validates and prepares submission bodies (parse-body), one at a time. The event
 * loop of the hub only moves bytes: the objects of a 300-record payload are born and die here, so its own
 * heap stays small and its garbage collector quick.
 */
export interface IngestThreadData {
  rules: RulesConfig;
}
export type ToIngest = { id: number; body: Uint8Array };
export type FromIngest = { id: number; outcome: BodyOutcome } | { id: number; error: string };

function run(port: NonNullable<typeof parentPort>, data: IngestThreadData): void {
  port.on("message", (m: ToIngest) => {
    let reply: FromIngest;
    try {
      reply = { id: m.id, outcome: parseSubmissionBody(m.body, data.rules) };
    } catch (e) {
      reply = { id: m.id, error: e instanceof Error ? e.message : String(e) };
    }
    // The canonical payload is handed over, not copied: this thread has no further use for it.
    const transfer = "outcome" in reply && reply.outcome.ok ? [reply.outcome.prepared.payload.buffer as ArrayBuffer] : [];
    port.postMessage(reply, transfer);
  });
}

if (parentPort) run(parentPort, workerData as IngestThreadData);
