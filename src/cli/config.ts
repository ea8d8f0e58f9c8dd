import { readFile } from "node:fs/promises";
import { ConfigError, parseConfigText, resolveConfig, type RulesConfig } from "../core";
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
      `Fichier de configuration « ${path} » illisible (${code === "ENOENT" ? "introuvable" : (code ?? "erreur de lecture")}) : vérifiez le chemin donné à --config.`,
    );
  }
  try {
    return parseConfigText(text, path);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
}
