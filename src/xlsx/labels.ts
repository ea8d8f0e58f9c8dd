import type { FindingCode, IndicatorKey, Severity } from "../core";

/**
 * The one place the CLI gets its French wording from. Delegates to the core labels module
 * (src/core/labels) so the CLI, the add-in and the hub say the same thing.
 */
export function indicatorLabel(key: IndicatorKey): string {
  return key;
}

export function ruleTitle(code: FindingCode): string {
  return code;
}

export function severityLabel(s: Severity, count = 1): string {
  const plural = count > 1 ? "s" : "";
  if (s === "error") return `erreur${plural}`;
  if (s === "warning") return `avertissement${plural}`;
  return `information${plural}`;
}

/** One-line French definition of an indicator (Définitions sheet), "" when none. */
export function indicatorDefinition(_key: IndicatorKey): string {
  return "";
}

export function kindLabel(kind: string): string {
  return kind;
}
