import { analyzeWorkbook, consolidationInputFromAnalysis, DEFAULT_CONFIG, extractMapping, type ConsolidationInput, type ReceivedFile, type RulesConfig } from "../../core";
import { isXlsxReadError } from "../../xlsx/errors";
import { readXlsxBytes } from "../../xlsx/read-buffer";

/** Where one returned file stands, for its progress bar. */
export type FileState =
  | { status: "waiting"; progress: 0 }
  | { status: "reading" | "analysing"; progress: number }
  | { status: "done"; progress: 1; valid: boolean; errors: number }
  | { status: "failed"; progress: 1; message: string };

export interface FileSource {
  name: string;
  bytes(): Promise<ArrayBuffer>;
}

/** One file's outcome: what the follow-up sheet shows, and its consolidation input when it could be read. */
export interface FileOutcome {
  received: ReceivedFile;
  input: ConsolidationInput | null;
}

/** Lets the browser paint the progress bars between steps (reading a workbook blocks the thread). */
const paint = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Reads and checks each returned workbook in the browser with the CLI's engine, one after the
 * other, under the department's settings. A file that cannot be read gets its French message and the others go on.
 */
export async function analyzeFiles(
  files: readonly FileSource[],
  onState: (index: number, state: FileState) => void,
  config: RulesConfig = DEFAULT_CONFIG,
): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  const failed = (name: string, message: string): FileOutcome => ({
    received: { file: name, siret: null, name: null, kind: null, periodStart: null, periodEnd: null, valid: null, errors: 0, error: message },
    input: null,
  });
  files.forEach((_, i) => onState(i, { status: "waiting", progress: 0 }));
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    if (!/\.xlsx$/i.test(f.name)) {
      const message = `« ${f.name} » n'est pas un classeur .xlsx : il est écarté. Enregistrez-le au format Classeur Excel (.xlsx) puis déposez-le à nouveau.`;
      out.push(failed(f.name, message));
      onState(i, { status: "failed", progress: 1, message });
      continue;
    }
    onState(i, { status: "reading", progress: 0.05 });
    await paint();
    try {
      const raw = await readXlsxBytes(await f.bytes(), {
        name: f.name,
        onSheet: (_sheet, index, total) => onState(i, { status: "reading", progress: 0.05 + (0.75 * index) / total }),
      });
      onState(i, { status: "analysing", progress: 0.85 });
      await paint();
      const { data, mapping } = extractMapping(raw);
      // One outcome per report: a workbook with two conventions is two reports of one structure.
      const { reports } = analyzeWorkbook(data, { config, mapping: mapping ?? undefined });
      for (const analysis of reports) {
        const s = analysis.structure;
        out.push({
          received: { file: f.name, siret: s.siret, name: s.name, kind: s.kind, periodStart: s.periodStart, periodEnd: s.periodEnd, valid: analysis.report.valid, errors: analysis.report.counts.error, error: null },
          input: consolidationInputFromAnalysis(analysis, f.name),
        });
      }
      const errors = reports.reduce((n, a) => n + a.report.counts.error, 0);
      onState(i, { status: "done", progress: 1, valid: errors === 0, errors });
    } catch (e) {
      const message = isXlsxReadError(e)
        ? e.message
        : `« ${f.name} » n'a pas pu être analysé (${e instanceof Error ? e.message : String(e)}). Les autres fichiers sont consolidés ; ouvrez celui-ci seul dans l'onglet Vérifier pour en savoir plus.`;
      out.push(failed(f.name, message));
      onState(i, { status: "failed", progress: 1, message });
    }
  }
  return out;
}
