import {
  FINDING_LABELS,
  INDICATOR_LABELS,
  SEVERITY_LABELS,
  type FindingCode,
  type IndicatorFormat,
  type IndicatorKey,
  type Severity,
} from "../core";

/**
 * The French wording of the CLI and the xlsx outputs, from the core labels module, so the CLI,
 * the add-in and the hub say the same thing.
 */
export function indicatorLabel(key: IndicatorKey): string {
  return INDICATOR_LABELS[key].fr;
}

export function indicatorDefinition(key: IndicatorKey): string {
  return INDICATOR_LABELS[key].definitionFr;
}

export function indicatorFormat(key: IndicatorKey): IndicatorFormat {
  return INDICATOR_LABELS[key].format;
}

export function ruleTitle(code: FindingCode): string {
  return FINDING_LABELS[code]?.fr ?? code;
}

/** "erreur(s)", lower case, for counts in sentences. */
export function severityLabel(s: Severity, count = 1): string {
  const word = SEVERITY_LABELS[s].fr.toLowerCase();
  return count > 1 ? `${word}s` : word;
}
