import type { Command } from "../command";
import { parseCommandArgs, stringOption } from "../args";
import { loadConfig } from "../config";
import { expandInputs } from "../files";
import { UserError } from "../../core/errors/user-error";
import { maxRowsFrom, type FileResult } from "../analyze-file";
import { indicatorsText, reportTitle } from "../format/text-report";
import { analyzeAll, COMMON_HELP, COMMON_OPTIONS, exitCodeOf } from "./run-files";

/** One object per report (each with its `kind`), or one with the `error` of an unreadable file. */
export function indicatorsJson(r: FileResult): Record<string, unknown>[] {
  if (!r.ok) return [{ file: r.file, kind: null, error: r.error, structure: null, indicators: null }];
  return r.reports.map((a) => ({
    file: r.file,
    kind: a.structure.kind,
    valid: a.report.valid,
    structure: a.structure,
    indicators: a.indicators,
  }));
}

export const indicatorsCommand: Command = {
  name: "indicators",
  summary: "calcule les indicateurs (effectifs, publics, ETP, sorties) de chaque bilan",
  help: `Usage : bilan-iae indicators FICHIER… [--json] [--config FICHIER]

Calcule les indicateurs de chaque classeur : salariés, femmes, RSA, QPV, âges, ETP, sorties et taux
de sorties dynamiques. « — » signale un indicateur non calculable (colonne absente).

${COMMON_HELP}

Code de sortie : 0, 1 si un fichier a une erreur bloquante, 2 si un fichier est illisible.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs("indicators", args, COMMON_OPTIONS);
    if (values.help) {
      io.out(this.help + "\n");
      return 0;
    }
    if (positionals.length === 0) throw new UserError("usage.no-input", { command: "indicators" });
    const config = await loadConfig(stringOption(values, "config"));
    const files = await expandInputs(positionals);
    if (files.length === 0) throw new UserError("usage.no-xlsx-found", { inputs: positionals });
    const results = await analyzeAll(
      files,
      config,
      io,
      maxRowsFrom(io.env, stringOption(values, "max-rows")),
    );
    if (values.json) io.out(JSON.stringify(results.flatMap(indicatorsJson), null, 2) + "\n");
    else
      io.out(
        results
          .map((r) =>
            r.ok
              ? r.reports.map((a) => indicatorsText(reportTitle(r.file, a, r.reports.length), a)).join("\n")
              : `■ ${r.file}\n  ✗ Illisible : ${r.error.message}\n`,
          )
          .join("\n"),
      );
    return exitCodeOf(results);
  },
};
