/**
 * The browser languages every flow suite runs in. In file mode the pane takes its language from
 * `navigator.languages`, so each suite runs once per locale and looks for the words of that language. The
 * words are each test's own copy, not the pane's catalogs: a missing or wrong translation fails.
 */
import type { Page } from "playwright-core";
import { INDICATOR_LABELS, type IndicatorKey } from "../../src/core";
import { frenchLeaks } from "./french-leaks";

export const LOCALES = ["fr-FR", "en-US"] as const;
export type Locale = (typeof LOCALES)[number];

/** In an English pane, fails with the lines of the pane's own words still in French (named by view). */
export async function expectPaneLanguage(page: Page, locale: Locale, view: string): Promise<void> {
  if (locale !== "en-US") return;
  expect([view, await frenchLeaks(page)]).toEqual([view, []]);
}

/** Spaces as typed: French typography puts no-break spaces where the test writes plain ones. */
export const plainSpaces = (s: string | null | undefined): string =>
  (s ?? "").replace(/[\u00a0\u202f]/g, " ");

/**
 * A consolidation figure as the locale writes it, computed by Intl (independently of the pane's
 * formatters): counts, FTE with two decimals, shares with one; "—" when it cannot be computed.
 */
export function figureIn(locale: Locale, format: "count" | "fte" | "percent", value: number | null): string {
  if (value === null) return "—";
  const digits = format === "count" ? 0 : format === "fte" ? 2 : 1;
  const number = (format === "percent" ? value * 100 : value).toLocaleString(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return format === "percent" ? (locale === "fr-FR" ? `${number}\u202f%` : `${number}%`) : number;
}

/** An indicator of the consolidation tables as the locale writes it (counts, FTE and shares only). */
export function indicatorIn(locale: Locale, key: IndicatorKey, value: number | null): string {
  const format = INDICATOR_LABELS[key].format;
  if (format === "hours" || format === "months")
    throw new Error(`${key}: ${format} is not shown in these tables`);
  return figureIn(locale, format, value);
}
