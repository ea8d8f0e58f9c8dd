import { DEFAULT_CONFIG, type RulesConfig } from "../../core";
import { fromPlain, toPlain, UserError, type PlainError } from "../../core/errors/user-error";
import { analyzeBytes, failedOutcome, failure, outcomeErrors, type FileOutcome } from "./analyze-one";

export type { FileOutcome } from "./analyze-one";

/** Where one returned file stands, for its progress bar. */
export type FileState =
  | { status: "waiting"; progress: 0 }
  | { status: "reading" | "analysing"; progress: number }
  | { status: "done"; progress: 1; valid: boolean; errors: number }
  /** What stopped the file, coded so the pane words it in its language. */
  | { status: "failed"; progress: 1; error: PlainError };

export interface FileSource {
  name: string;
  bytes(): Promise<ArrayBuffer>;
}

/** Lets the browser paint the progress bars between steps (reading a workbook blocks the thread). */
const paint = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Time one file may take in its worker: a large report reads in seconds; past this the file is hostile. */
export const FILE_TIMEOUT_MS = 60_000;

/** Reads one file in a Web Worker where the browser has them, else in the page (Jest's jsdom). */
async function analyzeOne(
  name: string,
  bytes: ArrayBuffer,
  config: RulesConfig,
  onProgress: (p: number) => void,
  timeoutMs: number,
): Promise<{ ok: true; outcome: FileOutcome } | { ok: false; error: PlainError }> {
  if (typeof Worker !== "undefined") {
    const { analyzeInWorker } = await import(/* webpackMode: "eager" */ "./worker-client.mjs");
    return analyzeInWorker(name, bytes, config, onProgress, timeoutMs);
  }
  try {
    return { ok: true, outcome: await analyzeBytes(name, bytes, config, onProgress, paint) };
  } catch (e) {
    return { ok: false, error: failure(name, e) };
  }
}

/**
 * Reads and checks each returned workbook in the browser with the CLI's engine, one after the other, each in
 * its own Web Worker ended after `timeoutMs`, under the department's settings. A file that cannot be read gets
 * its French message and the others go on; the page stays responsive while a file is read.
 */
export async function analyzeFiles(
  files: readonly FileSource[],
  onState: (index: number, state: FileState) => void,
  config: RulesConfig = DEFAULT_CONFIG,
  timeoutMs = FILE_TIMEOUT_MS,
): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  files.forEach((_, i) => onState(i, { status: "waiting", progress: 0 }));
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    if (!/\.xlsx$/i.test(f.name)) {
      const error = new UserError("consolidate.not-xlsx", { file: f.name });
      out.push(failedOutcome(f.name, error.message));
      onState(i, { status: "failed", progress: 1, error: toPlain(error) });
      continue;
    }
    onState(i, { status: "reading", progress: 0.05 });
    await paint();
    const r = await analyzeOne(
      f.name,
      await f.bytes(),
      config,
      (progress) => onState(i, { status: progress < 0.85 ? "reading" : "analysing", progress }),
      timeoutMs,
    );
    if (r.ok) {
      out.push(r.outcome);
      onState(i, { status: "done", progress: 1, ...outcomeErrors(r.outcome) });
    } else {
      // The consolidation's follow-up sheet is French: the French wording; the pane words the code.
      out.push(failedOutcome(f.name, fromPlain(r.error).message));
      onState(i, { status: "failed", progress: 1, error: r.error });
    }
  }
  return out;
}
