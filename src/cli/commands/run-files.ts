import type { RulesConfig } from "../../core";
import { analyzeFile, type FileResult } from "../analyze-file";
import type { InputFile } from "../files";
import type { CliIo } from "../io";
import { Progress, progressWanted } from "../progress";

/** Analyses files one after the other (memory: one workbook at a time), with progress on stderr. */
export async function analyzeAll(
  files: readonly InputFile[],
  config: RulesConfig,
  io: CliIo,
  maxRows: number,
): Promise<FileResult[]> {
  const progress = new Progress(
    io,
    progressWanted(
      files.length,
      files.reduce((s, f) => s + f.size, 0),
    ),
  );
  const results: FileResult[] = [];
  for (let i = 0; i < files.length; i++) {
    progress.step(i + 1, files.length, files[i].display);
    results.push(await analyzeFile(files[i], config, maxRows));
  }
  progress.done();
  return results;
}

/** 2 when a file could not be read, else 1 when a file has an error-severity finding, else 0. */
export function exitCodeOf(results: readonly FileResult[]): number {
  if (results.some((r) => !r.ok)) return 2;
  if (results.some((r) => r.ok && r.reports.some((a) => !a.report.valid))) return 1;
  return 0;
}

export const COMMON_OPTIONS = {
  json: { type: "boolean" },
  config: { type: "string" },
  "max-rows": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export const COMMON_HELP = `  --json            sortie JSON sur la sortie standard (pour les scripts)
  --config FICHIER  réglages du Département (JSON) appliqués par-dessus les valeurs par défaut
  --max-rows N      nombre maximal de lignes lues par feuille (défaut 500 000)
  -h, --help        cette aide`;
