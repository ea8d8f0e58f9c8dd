import { readFile } from "node:fs/promises";
import { parseConfigText, resolveConfig, UserError, type RulesConfig } from "../core";

/** Loads --config FILE (a department's JSON override) on top of the defaults; any problem → a UserError (exit 2). */
export async function loadConfig(path: string | undefined): Promise<RulesConfig> {
  if (!path) return resolveConfig(undefined);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new UserError(
      "usage.config-unreadable",
      { path, errno: (e as NodeJS.ErrnoException).code ?? null },
      { cause: e },
    );
  }
  return parseConfigText(text, path);
}
