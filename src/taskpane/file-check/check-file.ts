import {
  analyzeWorkbook,
  DEFAULT_CONFIG,
  extractMapping,
  extractSendState,
  MAPPING_SHEET,
  SEND_SHEET,
  type RulesConfig,
} from "../../core";
import { checkEveryPart, readXlsxBytes } from "../../xlsx/read-buffer";
import { streamInflateRaw } from "../../xlsx/stream-inflate";
import type { CheckProgress, FileCheck } from "./protocol";

/**
 * Reads and analyses one .xlsx file: what the pane's check gives. Runs in the file-check worker, or in the page
 * where there is none. Throws the reader's `read.*` UserError for a file that cannot be read.
 */
export async function checkFileBytes(
  name: string,
  bytes: ArrayBuffer | Uint8Array,
  config: RulesConfig | null,
  onProgress: (p: CheckProgress) => void,
): Promise<FileCheck> {
  const inflateRaw = streamInflateRaw();
  const raw = await readXlsxBytes(bytes, {
    name,
    inflateRaw,
    onRows: ({ sheet, rowsRead, rowsEstimate }) =>
      onProgress({
        phase: "reading",
        sheet,
        rowsRead,
        totalRows: rowsEstimate,
        estimated: rowsEstimate !== null,
      }),
  });
  // Every other part too (drawings, media…): ExcelJS loads them all when the annotated copy is written.
  await checkEveryPart(bytes, { name, inflateRaw });
  const { data: withoutSend } = extractSendState(raw);
  const { data, mapping } = extractMapping(withoutSend);
  const rows = data.sheets.reduce((n, s) => n + s.rows.length, 0);
  onProgress({ phase: "analyzing", sheet: "", rowsRead: rows, totalRows: rows, estimated: false });
  const { reports } = analyzeWorkbook(data, {
    config: config ?? DEFAULT_CONFIG,
    mapping: mapping ?? undefined,
  });
  return {
    reports,
    mapping,
    sheetNames: data.sheets.map((s) => s.name).filter((n) => n !== MAPPING_SHEET && n !== SEND_SHEET),
  };
}
