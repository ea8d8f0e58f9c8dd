import type { Command } from "../command";
import { parseCommandArgs, stringOption } from "../args";
import { loadConfig } from "../config";
import { expandInputs } from "../files";
import { UserError } from "../../core/errors/user-error";
import type { Analysis } from "../../core";
import { maxRowsFrom, type FileResult } from "../analyze-file";
import { checkText } from "../format/text-report";
import { analyzeAll, COMMON_HELP, COMMON_OPTIONS, exitCodeOf } from "./run-files";

/**
 * The --json objects of one file: one per report (a workbook with several conventions gives several,
 * each with its `kind`), or one with the `error` of an unreadable file.
 */
export function checkJson(r: FileResult): Record<string, unknown>[] {
  if (!r.ok) {
    return [
      {
        file: r.file,
        kind: null,
        valid: false,
        error: r.error,
        structure: null,
        rows: 0,
        counts: { error: 0, warning: 0, info: 0 },
        issues: [],
      },
    ];
  }
  return r.reports.map((a) => reportJson(r.file, a));
}

function reportJson(file: string, a: Analysis): Record<string, unknown> {
  return {
    file,
    kind: a.structure.kind,
    valid: a.report.valid,
    structure: a.structure,
    rows: a.rowCount,
    counts: a.report.counts,
    issues: a.report.issues.map((f) => ({
      code: f.code,
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell,
      row: f.row,
      column: f.column,
      field: f.field,
      value: f.value,
      message: f.message,
    })),
  };
}

export const checkCommand: Command = {
  name: "check",
  summary: "vérifie des bilans (.xlsx) et liste les anomalies par règle",
  help: `Usage : bilan-iae check FICHIER… [--json] [--config FICHIER]

Vérifie chaque classeur (structure, en-têtes, valeurs, règles de l'IAE) et affiche les anomalies
regroupées par règle, avec la cellule et ce qu'il faut corriger.

${COMMON_HELP}

Code de sortie : 0 aucun fichier n'a d'erreur, 1 au moins une erreur bloquante, 2 un fichier illisible
(les autres fichiers sont quand même vérifiés).`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs("check", args, COMMON_OPTIONS);
    if (values.help) {
      io.out(this.help + "\n");
      return 0;
    }
    if (positionals.length === 0) throw new UserError("usage.no-input", { command: "check" });
    const config = await loadConfig(stringOption(values, "config"));
    const files = await expandInputs(positionals);
    if (files.length === 0) throw new UserError("usage.no-xlsx-found", { inputs: positionals });
    const results = await analyzeAll(
      files,
      config,
      io,
      maxRowsFrom(io.env, stringOption(values, "max-rows")),
    );
    if (values.json) io.out(JSON.stringify(results.flatMap(checkJson), null, 2) + "\n");
    else {
      io.out(results.map(checkText).join("\n"));
      const bad = results.filter((r) => !r.ok || r.reports.some((a) => !a.report.valid)).length;
      io.out(
        `\n${results.length} fichier${results.length > 1 ? "s" : ""} vérifié${results.length > 1 ? "s" : ""}, ${bad} à corriger.\n`,
      );
    }
    return exitCodeOf(results);
  },
};
