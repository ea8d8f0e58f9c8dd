import type { RulesConfig, RulesConfigOverride } from "../model/config";
import { DEFAULT_CONFIG } from "./defaults";
import { validateConfig } from "./validate";

/** A configuration that cannot be used; `problems` are French sentences naming the setting. */
export class ConfigError extends Error {
  constructor(
    readonly problems: string[],
    readonly source: string | null = null,
  ) {
    super(
      `Configuration invalide${source ? ` (${source})` : ""} : ${problems.join(" ; ")}. ` +
        "Corrigez le fichier de configuration ou supprimez les réglages en cause pour revenir aux valeurs par défaut.",
    );
    this.name = "ConfigError";
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

const FORBIDDEN_KEYS = new Set(["__proto__", "prototype", "constructor"]);

function deepMerge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  // Arrays and scalars replace; objects merge key by key.
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(over)) {
    if (FORBIDDEN_KEYS.has(key)) continue;
    out[key] = deepMerge(base[key], over[key]);
  }
  return out;
}

/**
 * Merges a department override (already parsed from JSON) on top of the shipped defaults and validates
 * the result. Throws ConfigError with every problem at once.
 */
export function resolveConfig(override?: RulesConfigOverride | unknown, source: string | null = null): RulesConfig {
  if (override === undefined || override === null) return DEFAULT_CONFIG;
  if (!isPlainObject(override)) {
    throw new ConfigError(["le document doit être un objet JSON { … }"], source);
  }
  const unknownKeys = Object.keys(override).filter((k) => !(k in DEFAULT_CONFIG));
  const merged = deepMerge(DEFAULT_CONFIG, override);
  const problems = [
    ...unknownKeys.map((k) => `réglage inconnu « ${k} »`),
    ...validateConfig(merged),
  ];
  if (problems.length > 0) throw new ConfigError(problems, source);
  return merged as RulesConfig;
}
