import { writeFile } from "node:fs/promises";
import { isKind, KINDS } from "../../core";
import { canonicalTemplate } from "../../core/template/canonical-template";
import type { Command } from "../command";
import { parseCommandArgs, stringOption } from "../args";
import { loadConfig } from "../config";
import { UserError } from "../../core/errors/user-error";

export const templateCommand: Command = {
  name: "template",
  summary: "crée le classeur modèle vide (listes déroulantes, formats de date, mode d'emploi)",
  help: `Usage : bilan-iae template [--kind ACI] -o FICHIER.xlsx [--config FICHIER]

Crée le classeur modèle à remplir : feuille Structure, feuille Salariés avec listes déroulantes
pour chaque colonne codée, formats de date, en-tête figé, et une feuille « Mode d'emploi ».

  --kind TYPE       type de structure pré-rempli : ${KINDS.join(", ")}
  -o, --output FICHIER  fichier .xlsx à créer (obligatoire)
  --config FICHIER  réglages du Département (sa table des motifs de sortie alimente la liste)
  -h, --help        cette aide`,
  async run(args, io) {
    const { values } = parseCommandArgs("template", args, {
      kind: { type: "string" },
      output: { type: "string", short: "o" },
      config: { type: "string" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.out(this.help + "\n");
      return 0;
    }
    const out = stringOption(values, "output");
    if (!out) throw new UserError("usage.missing-output", {});
    const rawKind = stringOption(values, "kind")?.trim().toUpperCase();
    if (rawKind !== undefined && !isKind(rawKind)) {
      throw new UserError("usage.unknown-template-kind", {
        kind: stringOption(values, "kind") ?? "",
        known: [...KINDS],
      });
    }
    const config = await loadConfig(stringOption(values, "config"));
    // ExcelJS loads only for this command (a few hundred ms at start-up).
    const { writeTemplateXlsx } =
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require("../../xlsx/write-template") as typeof import("../../xlsx/write-template");
    const bytes = await writeTemplateXlsx(
      canonicalTemplate({ kind: rawKind ?? null, exitMotifs: config.exitMotifs }),
    );
    try {
      await writeFile(out, bytes);
    } catch (e) {
      throw new UserError(
        "usage.cannot-write",
        { path: out, errno: (e as NodeJS.ErrnoException).code ?? null },
        { cause: e },
      );
    }
    io.out(`Modèle créé : ${out}\n`);
    return 0;
  },
};
