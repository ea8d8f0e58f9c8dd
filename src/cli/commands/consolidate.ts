import { writeFile } from "node:fs/promises";
import {
  consolidate,
  DEFAULT_CONFIG,
  formatIndicator,
  INDICATOR_KEYS,
  type Consolidation,
  type ConsolidationInput,
  type FollowUp,
  type Indicators,
  type ReceivedFile,
} from "../../core";
import { indicatorLabel } from "../../xlsx/labels";
import type { Command } from "../command";
import { HubClient, isHubError } from "../../client";
import { parseCommandArgs, stringOption } from "../args";
import { loadConfig } from "../config";
import { expandInputs } from "../files";
import type { CliIo } from "../io";
import { UserError } from "../../core/errors/user-error";
import { maxRowsFrom } from "../analyze-file";
import { isolationFrom, readIsolated } from "../isolated-read";
import { Progress, progressWanted } from "../progress";
import { consolidationCsv } from "../../core/report/csv";
import { COMMON_HELP, COMMON_OPTIONS } from "./run-files";

/** ExcelJS loads only when an .xlsx is written: it costs a few hundred ms at start-up. */
function loadConsolidationWriter(): typeof import("../../xlsx/write-consolidation") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("../../xlsx/write-consolidation") as typeof import("../../xlsx/write-consolidation");
}

async function writeOut(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFile(path, data);
  } catch (e) {
    throw new UserError(
      "usage.cannot-write",
      { path, errno: (e as NodeJS.ErrnoException).code ?? null },
      { cause: e },
    );
  }
}

function consolidationText(c: Consolidation): string {
  const cols: { title: string; ind: Indicators; sub: string }[] = [
    ...Object.entries(c.byKind).map(([k, t]) => ({
      title: k,
      ind: t.indicators,
      sub: `${t.structures} str. / ${t.reports} rap.`,
    })),
    {
      title: "Département",
      ind: c.total.indicators,
      sub: `${c.total.structures} str. / ${c.total.reports} rap.`,
    },
  ];
  const labelWidth = Math.max(...INDICATOR_KEYS.map((k) => indicatorLabel(k).length), 20);
  const w = 18;
  const lines = [
    `${c.reports.length} rapport${c.reports.length > 1 ? "s" : ""} consolidé${c.reports.length > 1 ? "s" : ""} · ${c.total.structures} structure(s) · ${c.total.distinctPersons} personne(s) distincte(s)`,
    "",
    ...c.reports.map(
      (r) =>
        `  ${r.valid ? "✓" : "✗"} ${r.file} — ${r.kind ?? "?"} ${r.name ?? ""} (SIRET ${r.siret ?? "?"})${r.valid ? "" : ` : ${r.counts.error} erreur(s)`}`,
    ),
    "",
    `${"".padEnd(labelWidth)}  ${cols.map((col) => col.title.padStart(w)).join(" ")}`,
    `${"".padEnd(labelWidth)}  ${cols.map((col) => col.sub.padStart(w)).join(" ")}`,
    ...INDICATOR_KEYS.map(
      (k) =>
        `${indicatorLabel(k).padEnd(labelWidth)}  ${cols.map((col) => formatIndicator(k, col.ind[k]).padStart(w)).join(" ")}`,
    ),
  ];
  return lines.join("\n") + "\n";
}

export const consolidateCommand: Command = {
  name: "consolidate",
  summary: "consolide plusieurs bilans (fichiers ou dossiers) : par rapport, par type, total départemental",
  help: `Usage : bilan-iae consolidate FICHIER_OU_DOSSIER… [--json] [--csv SORTIE.csv] [--xlsx SORTIE.xlsx] [--config FICHIER]
        bilan-iae consolidate --hub URL --token JETON_DEPARTEMENT --period 2025 [--json] [--csv …] [--xlsx …]

Lit tous les bilans (.xlsx, dossiers parcourus récursivement) et produit une ligne par rapport, un
total par type de structure et le total du département. Les parts et taux sont recalculés à partir
des totaux ; une personne présente dans deux structures n'est comptée qu'une fois.

  --csv SORTIE      écrit la consolidation en CSV (séparateur « ; », virgule décimale, s'ouvre dans Excel)
  --xlsx SORTIE     écrit un classeur mis en forme (Consolidation, Par type avec graphique,
                    Suivi des envois, Définitions)
  --hub URL         consolide depuis le hub départemental (dernière version de chaque bilan reçu)
  --token JETON     jeton du Département (ou BILAN_IAE_TOKEN), avec --hub
  --period P        période, avec --hub : 2025, 2025-S1, 2025-Q1, 2025-03
${COMMON_HELP}

Chaque fichier est lu à part, avec ses propres limites de mémoire et de durée (BILAN_IAE_READ_MEMORY_MB,
1 024 Mo par défaut ; BILAN_IAE_READ_TIMEOUT_S, 120 s par défaut) : un fichier illisible ou piégé est écarté
avec la raison, les autres sont consolidés.

Code de sortie : 0, 1 si un bilan a une erreur bloquante ou si un fichier est illisible (écarté), 2 si la
commande est mal formée.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs("consolidate", args, {
      ...COMMON_OPTIONS,
      csv: { type: "string" },
      xlsx: { type: "string" },
      hub: { type: "string" },
      token: { type: "string" },
      period: { type: "string" },
    });
    if (values.help) {
      io.out(this.help + "\n");
      return 0;
    }
    const hub = stringOption(values, "hub");
    if (hub !== undefined) {
      if (positionals.length > 0) throw new UserError("usage.hub-with-files", {});
      const period = stringOption(values, "period");
      if (!period) throw new UserError("usage.missing-period", {});
      const token = stringOption(values, "token") ?? io.env.BILAN_IAE_TOKEN;
      if (!token) throw new UserError("usage.missing-department-token", {});
      const { consolidation, followUp } = await fetchHubConsolidation(
        hub,
        token,
        period,
        stringOption(values, "xlsx") !== undefined,
      );
      return emit(consolidation, values, io, DEFAULT_CONFIG.rulesVersion, 0, followUp);
    }
    if (positionals.length === 0) throw new UserError("usage.no-input", { command: "consolidate" });
    const config = await loadConfig(stringOption(values, "config"));
    const files = await expandInputs(positionals);
    if (files.length === 0) throw new UserError("usage.no-xlsx-found", { inputs: positionals });
    const maxRows = maxRowsFrom(io.env, stringOption(values, "max-rows"));
    const progress = new Progress(
      io,
      progressWanted(
        files.length,
        files.reduce((s, f) => s + f.size, 0),
      ),
    );
    // Each file in its own worker (memory and time limits), and only its consolidation part kept.
    const isolation = isolationFrom(io.env);
    const inputs: ConsolidationInput[] = [];
    const received: ReceivedFile[] = [];
    let unreadable = 0;
    for (let i = 0; i < files.length; i++) {
      progress.step(i + 1, files.length, files[i].display);
      const r = await readIsolated(files[i], config, maxRows, isolation);
      if (r.ok) {
        inputs.push(...r.part.inputs);
        received.push(...r.part.received);
      } else {
        received.push({
          file: files[i].display,
          siret: null,
          name: null,
          kind: null,
          periodStart: null,
          periodEnd: null,
          valid: null,
          errors: 0,
          error: r.error.message,
        });
        unreadable++;
        progress.done();
        io.err(`${r.error.message} (fichier écarté de la consolidation)\n`);
      }
    }
    progress.done();
    return emit(
      consolidate(inputs),
      values,
      io,
      config.rulesVersion ?? DEFAULT_CONFIG.rulesVersion,
      unreadable,
      { source: "files", files: received },
    );
  },
};

/** Writes the consolidation (JSON, text, CSV, xlsx) the same way whether it came from files or from the hub. */
async function emit(
  result: Consolidation,
  values: Record<string, unknown>,
  io: CliIo,
  rulesVersion: string,
  unreadable: number,
  followUp: FollowUp | null,
): Promise<number> {
  const csvOut = stringOption(values, "csv");
  const xlsxOut = stringOption(values, "xlsx");
  if (csvOut) await writeOut(csvOut, consolidationCsv(result));
  if (xlsxOut)
    await writeOut(
      xlsxOut,
      await loadConsolidationWriter().writeConsolidationXlsx(result, {
        generatedAt: new Date(),
        rulesVersion,
        followUp,
      }),
    );
  if (values.json) io.out(JSON.stringify(result, null, 2) + "\n");
  else {
    io.out(consolidationText(result));
    if (csvOut) io.out(`CSV écrit : ${csvOut}\n`);
    if (xlsxOut) io.out(`Classeur écrit : ${xlsxOut}\n`);
  }
  // An unreadable file is left out, the others are consolidated: a result with a problem, as a report with errors.
  return unreadable > 0 || result.reports.some((r) => !r.valid) ? 1 : 0;
}

/** The department's consolidation from the hub (latest version of each report), in the file command's shape. */
async function fetchHubConsolidation(
  hub: string,
  token: string,
  period: string,
  withStatus: boolean,
): Promise<{ consolidation: Consolidation; followUp: FollowUp | null }> {
  try {
    const client = new HubClient({ baseUrl: hub, token, maxElapsedMs: 30_000 });
    const consolidation = await client.getConsolidation(period);
    // The follow-up list only feeds the workbook's "Suivi des envois" sheet.
    const followUp: FollowUp | null = withStatus
      ? { source: "hub", status: await client.getStructuresStatus(period) }
      : null;
    return { consolidation, followUp };
  } catch (e) {
    if (isHubError(e)) throw new UserError("consolidate.hub-failed", { detail: e.message }, { cause: e });
    throw e;
  }
}
