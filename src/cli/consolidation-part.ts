import {
  consolidationInputFromAnalysis,
  type ConsolidationInput,
  type ReceivedFile,
  type RulesConfig,
} from "../core";
import { analyzeFile } from "./analyze-file";
import type { InputFile } from "./files";

/**
 * What consolidation needs from one file, and all it keeps of it: the consolidation inputs (indicators and
 * person keys) and the follow-up lines. Plain data, so it crosses a worker boundary as is. Arrays: a workbook
 * may hold several reports.
 */
export interface ConsolidationPart {
  inputs: ConsolidationInput[];
  received: ReceivedFile[];
}

/** Why a file gave no part: the reader's stable reason and its French message. */
export interface PartError {
  reason: string;
  message: string;
}

export type PartResult = { ok: true; part: ConsolidationPart } | { ok: false; error: PartError };

/** A bug, not the file's fault: said as such, with the file it happened on. */
export function unexpectedPartError(file: string, why: string): PartError {
  return {
    reason: "unexpected",
    message: `Erreur inattendue en lisant « ${file} » : ${why}. Signalez-la à l'équipe Bilan IAE.`,
  };
}

/** Reads and analyses one file into its consolidation part; a file that cannot be read is an error result. */
export async function consolidationPart(
  input: InputFile,
  config: RulesConfig,
  maxRows: number,
): Promise<PartResult> {
  const r = await analyzeFile(input, config, maxRows);
  if (!r.ok) return { ok: false, error: r.error };
  // One input per report: a workbook with two conventions counts as two reports of one structure.
  return {
    ok: true,
    part: {
      inputs: r.reports.map((a) => consolidationInputFromAnalysis(a, r.file)),
      received: r.reports.map((a) => {
        const st = a.structure;
        return {
          file: r.file,
          siret: st.siret,
          name: st.name,
          kind: st.kind,
          periodStart: st.periodStart,
          periodEnd: st.periodEnd,
          valid: a.report.valid,
          errors: a.report.counts.error,
          error: null,
        };
      }),
    },
  };
}
