import {
  analyzeWorkbook,
  consolidationInputFromAnalysis,
  extractMapping,
  type ConsolidationInput,
  type ReceivedFile,
  type RulesConfig,
} from "../../core";
import { toPlain, UserError, type PlainError } from "../../core/errors/user-error";
import { isXlsxReadError } from "../../xlsx/errors";
import { readXlsxBytes } from "../../xlsx/read-buffer";

/**
 * One file's outcome: what the follow-up sheet shows and what the consolidation takes, one entry per report
 * (a workbook with two conventions is two reports of one structure); no input when it could not be read.
 */
export interface FileOutcome {
  received: ReceivedFile[];
  inputs: ConsolidationInput[];
}

/** The outcome of a file that gave no report, with its French message. */
export function failedOutcome(name: string, message: string): FileOutcome {
  return {
    received: [
      {
        file: name,
        siret: null,
        name: null,
        kind: null,
        periodStart: null,
        periodEnd: null,
        valid: null,
        errors: 0,
        error: message,
      },
    ],
    inputs: [],
  };
}

/** The file's blocking errors, all reports together, and whether it can be consolidated as it is. */
export function outcomeErrors(o: FileOutcome): { valid: boolean; errors: number } {
  const errors = o.received.reduce((n, r) => n + r.errors, 0);
  return { valid: o.inputs.length > 0 && o.received.every((r) => r.valid === true), errors };
}

/** What stopped a file, as a plain coded error (it crosses the worker): the reader's own, or an analysis failure. */
export function failure(name: string, e: unknown): PlainError {
  if (isXlsxReadError(e)) return toPlain(e);
  const detail = e instanceof Error ? e.message : String(e);
  return toPlain(new UserError("consolidate.analysis-failed", { file: name, detail }));
}

/**
 * Reads and analyses one returned workbook into what the consolidation needs (in a Web Worker, or in the page
 * where there is none). Throws the reader's `read.*` UserError for a file that cannot be read. `onProgress` gets
 * 0 to 1 for the file's progress bar.
 */
export async function analyzeBytes(
  name: string,
  bytes: ArrayBuffer,
  config: RulesConfig,
  onProgress: (progress: number) => void,
  paint: () => Promise<void>,
): Promise<FileOutcome> {
  const raw = await readXlsxBytes(bytes, {
    name,
    onSheet: (_sheet, index, total) => onProgress(0.05 + (0.75 * index) / total),
  });
  onProgress(0.85);
  await paint();
  const { data, mapping } = extractMapping(raw);
  const { reports } = analyzeWorkbook(data, { config, mapping: mapping ?? undefined });
  return {
    received: reports.map(({ structure: s, report }) => ({
      file: name,
      siret: s.siret,
      name: s.name,
      kind: s.kind,
      periodStart: s.periodStart,
      periodEnd: s.periodEnd,
      valid: report.valid,
      errors: report.counts.error,
      error: null,
    })),
    inputs: reports.map((a) => consolidationInputFromAnalysis(a, name)),
  };
}
