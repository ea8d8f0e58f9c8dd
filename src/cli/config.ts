import { readFile } from "node:fs/promises";
import { ConfigError, resolveConfig, type RulesConfig } from "../core";
import { UsageError } from "./io";

/** Loads --config FILE (a department's JSON override) on top of the defaults; any problem → UsageError (exit 2). */
export async function loadConfig(path: string | undefined): Promise<RulesConfig> {
  if (!path) return resolveConfig(undefined);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      `Fichier de configuration « ${path} » illisible (${code === "ENOENT" ? "introuvable" : code ?? "erreur de lecture"}) : vérifiez le chemin donné à --config.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new UsageError(
      `Fichier de configuration « ${path} » : ce n'est pas du JSON valide (${e instanceof Error ? e.message : String(e)}). Corrigez-le ou supprimez l'option --config.`,
    );
  }
  try {
    return resolveConfig(json, path);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
}
