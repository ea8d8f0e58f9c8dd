import { parentPort, workerData } from "node:worker_threads";
import type { RulesConfig } from "../core";
import { consolidationPart, unexpectedPartError, type PartResult } from "./consolidation-part";
import type { InputFile } from "./files";

/** What the parent gives the worker: one file to read and what to read it with. */
export interface ReadJob {
  input: InputFile;
  config: RulesConfig;
  maxRows: number;
}

/** Worker entry (see isolated-read.ts): reads one file, posts its PartResult, exits. */
async function main(): Promise<void> {
  const job = workerData as ReadJob;
  let result: PartResult;
  try {
    result = await consolidationPart(job.input, job.config, job.maxRows);
  } catch (e) {
    result = {
      ok: false,
      error: unexpectedPartError(job.input.display, e instanceof Error ? e.message : String(e)),
    };
  }
  parentPort?.postMessage(result);
}

if (parentPort) void main();
