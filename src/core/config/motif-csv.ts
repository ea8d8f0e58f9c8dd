import type { ExitCategory, ExitMotif } from "../model/config";
import { UserError } from "../errors/user-error";

const CATEGORIES: ExitCategory[] = ["durable", "transition", "positive", "other", "withdrawn"];

/**
 * Parses an exit-motif table in the format of shared/spec/exit-motifs.csv
 * (`;`-separated: code;label;aliases(|);category;confidence[;note]). A department distributes its own.
 */
export function parseExitMotifCsv(text: string, source = "table des motifs"): ExitMotif[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = (lines.shift() ?? "").split(";").map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const [iCode, iLabel, iAliases, iCat, iConf] = ["code", "label", "aliases", "category", "confidence"].map(
    col,
  );
  if (iLabel < 0 || iCat < 0 || iCode < 0) {
    throw new UserError("config.invalid", {
      problems: ["la première ligne doit nommer les colonnes code;label;aliases;category;confidence"],
      source,
    });
  }
  const problems: string[] = [];
  const motifs: ExitMotif[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    const f = line.split(";");
    const category = (f[iCat] ?? "").trim() as ExitCategory;
    const label = (f[iLabel] ?? "").trim();
    if (!label) problems.push(`ligne ${i + 2} : libellé manquant`);
    if (!CATEGORIES.includes(category))
      problems.push(
        `ligne ${i + 2} : catégorie « ${category} » inconnue (attendu : ${CATEGORIES.join(", ")})`,
      );
    const confRaw = iConf >= 0 ? (f[iConf] ?? "").trim() : "medium";
    const confidence = confRaw === "high" || confRaw === "low" ? confRaw : "medium";
    const code = (f[iCode] ?? "").trim() || null;
    motifs.push({
      code,
      label,
      aliases:
        iAliases >= 0
          ? (f[iAliases] ?? "")
              .split("|")
              .map((a) => a.trim())
              .filter(Boolean)
          : [],
      category,
      confidence,
      ...(code === "5" ? { qualifyingTraining: true } : {}),
    });
  });
  if (problems.length) throw new UserError("config.invalid", { problems, source });
  return motifs;
}
