/**
 * What the pane shows for a rule code, an indicator or a field: titles, definitions and French
 * number formats come from the core's labels module; this file only chooses the language.
 * Until that module lands, neutral fallbacks (the key itself, Intl formats) keep the pane usable.
 */
import type { FindingCode, IndicatorKey, MappedField } from "../core";
import { RATIO_KEYS } from "../core";
import type { Language } from "./i18n/i18n";

export function ruleTitle(code: FindingCode, _language: Language): string {
  return code;
}

export function indicatorLabel(key: IndicatorKey, _language: Language): string {
  return key;
}

export function indicatorDefinition(_key: IndicatorKey, _language: Language): string | null {
  return null;
}

export function fieldLabel(field: MappedField, _language: Language): string {
  return field;
}

const ratioKeys = new Set<IndicatorKey>(RATIO_KEYS);

export function formatIndicator(key: IndicatorKey, value: number | null, language: Language): string | null {
  if (value === null) return null;
  const locale = language === "en" ? "en-GB" : "fr-FR";
  if (ratioKeys.has(key))
    return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

export function formatPercent(value: number, language: Language): string {
  return new Intl.NumberFormat(language === "en" ? "en-GB" : "fr-FR", {
    style: "percent",
    maximumFractionDigits: 1,
  }).format(value);
}

export function formatDate(iso: string | null, language: Language): string {
  if (!iso) return "—";
  const [y, m, d] = iso.split("-");
  return language === "en" ? `${d}/${m}/${y}` : `${d}/${m}/${y}`;
}
