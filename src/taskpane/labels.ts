/**
 * What the pane shows for a rule code, an indicator or a field. Titles, definitions and French
 * number formats come from the core's labels module; this file only picks the language.
 */
import type { FindingCode, IndicatorKey, MappedField } from "../core";
import {
  FIELD_LABELS,
  FINDING_LABELS,
  INDICATOR_LABELS,
  formatIndicator as formatFr,
  formatDateTime as formatDateTimeFr,
  formatIsoDate,
  formatPercent as percentFr,
} from "../core";
import type { Language } from "./i18n/i18n";

export function ruleTitle(code: FindingCode, language: Language): string {
  return FINDING_LABELS[code][language];
}

export function indicatorLabel(key: IndicatorKey, language: Language): string {
  return INDICATOR_LABELS[key][language];
}

export function indicatorDefinition(key: IndicatorKey, language: Language): string {
  const label = INDICATOR_LABELS[key];
  return language === "en" ? label.definitionEn : label.definitionFr;
}

/** Field names are the canonical French column headers, the words of the workbook in both languages. */
export function fieldLabel(field: MappedField, _language: Language): string {
  return FIELD_LABELS[field];
}

const en = (options: Intl.NumberFormatOptions) => new Intl.NumberFormat("en-GB", options);

/** The value as the user reads it; null stays null (the view says "not computable"). */
export function formatIndicator(key: IndicatorKey, value: number | null, language: Language): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (language === "fr") return formatFr(key, value);
  switch (INDICATOR_LABELS[key].format) {
    case "count":
      return en({ maximumFractionDigits: 0 }).format(value);
    case "percent":
      return en({ style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
    case "hours":
      return `${en({ maximumFractionDigits: 2 }).format(value)} h`;
    case "fte":
      return en({ minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
    case "months":
      return `${en({ minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)} months`;
  }
}

export function formatPercent(value: number, language: Language): string {
  return language === "fr"
    ? percentFr(value)
    : en({ style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** ISO yyyy-mm-dd → dd/mm/yyyy in French, "Jan 31, 2025" in English. */
export function formatDate(iso: string | null, language: Language): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (language === "fr" || !m) return formatIsoDate(iso);
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat("en-US", {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  }).format(date);
}

/** A moment in local time: "02/01/2026 08:00" in French, "Jan 2, 2026, 8:00 AM" in English. */
export function formatDateTime(at: Date | string, language: Language): string {
  const d = typeof at === "string" ? new Date(at) : at;
  if (language === "fr" || Number.isNaN(d.getTime())) return formatDateTimeFr(at);
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" }).format(d);
}
