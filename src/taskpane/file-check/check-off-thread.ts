import type { RulesConfig } from "../../core";
import { throttleProgress } from "./progress-throttle";
import type { CheckProgress, FileCheck } from "./protocol";
import { abortError } from "./worker-error";

/** Time a file's check may take in its worker (a large report takes seconds; a hostile one is stopped). */
export const FILE_TIMEOUT_MS = 60_000;

/** The worker client's entry point (file-check-client.mts), injected so tests can make it fail to start. */
export type RunInWorker = (
  name: string,
  bytes: ArrayBuffer,
  config: RulesConfig | null,
  onProgress: (p: CheckProgress) => void,
  options: { timeoutMs: number; signal?: AbortSignal },
) => Promise<FileCheck>;

/**
 * Checks a file's bytes in a Web Worker, or in the page where there is none (`runInWorker` null) or it could not
 * start: then the page reads as before, frozen for the time of the read. The bytes stay the caller's (a copy goes
 * to the worker). Rejects with an AbortError when `signal` aborts.
 */
export async function checkFile(
  name: string,
  bytes: Uint8Array,
  config: RulesConfig | null,
  onProgress: (p: CheckProgress) => void,
  signal: AbortSignal | undefined,
  runInWorker: RunInWorker | null,
): Promise<FileCheck> {
  if (runInWorker) {
    try {
      return await runInWorker(name, bytes.slice().buffer, config, onProgress, {
        timeoutMs: FILE_TIMEOUT_MS,
        signal,
      });
    } catch (error) {
      if (!(error instanceof Error && error.name === "WorkerUnavailable")) throw error;
      console.warn(`Bilan IAE : ${error.message} ; le classeur est vérifié dans la page.`);
    }
  }
  if (signal?.aborted) throw abortError();
  const progress = throttleProgress(onProgress);
  // The reader loads here only: with a worker, the page never runs it.
  const { checkFileBytes } = await import(/* webpackChunkName: "file-check-page" */ "./check-file.js");
  const result = await checkFileBytes(name, bytes, config, (p) => progress.push(p));
  // The page's read cannot be interrupted; its result is dropped when another file was opened meanwhile.
  if (signal?.aborted) throw abortError();
  progress.flush();
  return result;
}
