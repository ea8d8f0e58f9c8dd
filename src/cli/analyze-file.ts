import { analyzeWorkbook, type Analysis, type RulesConfig } from "../core";
import { isXlsxReadError, readReasonOf } from "../xlsx/errors";
import { extractMapping, extractSendState } from "../core";
import { readXlsxFile } from "../xlsx/read-file";
import { DEFAULT_MAX_ROWS } from "../xlsx/read-buffer";
import type { InputFile } from "./files";

export type FileResult =
  /** One analysis per report: a workbook holding several conventions yields several (domain §2.4.3). */
  | { ok: true; file: string; reports: Analysis[] }
  | { ok: false; file: string; error: { reason: string; message: string } };

/** Reads and analyses one file. Read problems become a result (the other files go on), never a throw. */
export async function analyzeFile(
  input: InputFile,
  config: RulesConfig,
  maxRows = DEFAULT_MAX_ROWS,
): Promise<FileResult> {
  try {
    const raw = await readXlsxFile(input.path, { name: input.display, maxRows });
    // Neither the saved mapping nor the send record (very hidden sheets) is data.
    const { data, mapping } = extractMapping(extractSendState(raw).data);
    const { reports } = analyzeWorkbook(data, { config, mapping: mapping ?? undefined });
    return { ok: true, file: input.display, reports };
  } catch (e) {
    if (isXlsxReadError(e))
      return { ok: false, file: input.display, error: { reason: readReasonOf(e), message: e.message } };
    throw e;
  }
}

export function maxRowsFrom(env: Record<string, string | undefined>, flag: string | undefined): number {
  const raw = flag ?? env.BILAN_IAE_MAX_ROWS;
  if (raw === undefined) return DEFAULT_MAX_ROWS;
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_MAX_ROWS;
}
