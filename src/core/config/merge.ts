import type { RulesConfig, RulesConfigOverride } from "../model/config";
import { DEFAULT_CONFIG } from "./defaults";
import { validateConfig } from "./validate";
import { UserError } from "../errors/user-error";

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

const FORBIDDEN_KEYS = new Set(["__proto__", "prototype", "constructor"]);

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Settings replaced as a whole rather than merged: a minimum stay is { months } or { hours }, and merging
 * { hours: 100 } into the default { months: 3 } would silently keep the months.
 */
function isLeaf(path: string): boolean {
  return path.startsWith("minimumStay.");
}

/** Keys an override may add although the defaults do not set them (optional settings). */
const OPTIONAL_KEYS: Record<string, readonly string[]> = { targets: ["rateTransition", "ratePositive"] };

function deepMerge(base: unknown, over: unknown, path = ""): unknown {
  if (over === undefined) return base;
  // Arrays and scalars replace; objects merge key by key.
  if (isLeaf(path) || !isPlainObject(base) || !isPlainObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(over)) {
    if (FORBIDDEN_KEYS.has(key)) continue;
    out[key] = deepMerge(base[key], over[key], path ? `${path}.${key}` : key);
  }
  return out;
}

/**
 * Paths of the override's settings that the defaults do not know, at any depth (a typo such as
 * "age.youngUndr" must not be silently ignored). Own keys only: "toString" is not a setting.
 */
function unknownSettings(base: unknown, over: unknown, path = ""): string[] {
  if (isLeaf(path) || !isPlainObject(base) || !isPlainObject(over)) return [];
  const found: string[] = [];
  for (const key of Object.keys(over)) {
    if (FORBIDDEN_KEYS.has(key)) continue;
    const at = path ? `${path}.${key}` : key;
    if (!hasOwn(base, key)) {
      if (!(OPTIONAL_KEYS[path] ?? []).includes(key)) found.push(at);
      continue;
    }
    found.push(...unknownSettings(base[key], over[key], at));
  }
  return found;
}

/**
 * Merges a department override (already parsed from JSON) on top of the shipped defaults and validates
 * the result. Throws a `config.invalid` UserError with every problem at once.
 */
export function resolveConfig(
  override?: RulesConfigOverride | unknown,
  source: string | null = null,
): RulesConfig {
  if (override === undefined || override === null) return DEFAULT_CONFIG;
  if (!isPlainObject(override)) {
    throw new UserError("config.invalid", {
      problems: ["le document doit être un objet JSON { … }"],
      source,
    });
  }
  const unknownKeys = unknownSettings(DEFAULT_CONFIG, override);
  const merged = deepMerge(DEFAULT_CONFIG, override);
  const problems = [...unknownKeys.map((k) => `réglage inconnu « ${k} »`), ...validateConfig(merged)];
  if (problems.length > 0) throw new UserError("config.invalid", { problems, source });
  return merged as RulesConfig;
}

/**
 * A department's settings file as text (CLI --config, the pane's Consolider view): JSON with or without
 * a byte-order mark, merged on the defaults and validated. Any problem is a `config.invalid` UserError naming the file.
 */
export function parseConfigText(text: string, source: string): RulesConfig {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new UserError("config.invalid", {
      problems: [`ce n'est pas du JSON valide (${e instanceof Error ? e.message : String(e)})`],
      source,
    });
  }
  return resolveConfig(json, source);
}
