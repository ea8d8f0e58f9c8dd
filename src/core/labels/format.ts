import type { IndicatorKey } from "../model/indicators";
import { INDICATOR_LABELS, type IndicatorFormat } from "./indicator-labels";

/**
 * French number formatting for the CLI text mode, the add-in and exported notes. Written by hand rather
 * than with Intl so the output is identical on every runtime (Node without full ICU, old Office webviews).
 * Separators follow French typography as Intl fr-FR does: narrow no-break space for thousands and before %.
 */
export const NNBSP = "\u202f";
/** Shown for null: not computable (column absent, or nothing to divide by). */
export const NULL_TEXT = "—";

/** Rounds half away from zero on the decimal value people see (1.005 → 1.01, not the binary 1.00). */
function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const scaled = Number((Math.abs(x) * f).toPrecision(15));
  return (Math.sign(x) * Math.round(scaled)) / f;
}

/**
 * 1234567.891 → "1 234 567,89" (decimals fixed), or with trim: trailing zeros dropped ("2 603,5").
 * Null, NaN and infinities → "—".
 */
export function formatNumber(value: number | null | undefined, decimals = 0, trim = false): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NULL_TEXT;
  const r = roundTo(value, decimals);
  const negative = r < 0;
  let [int, frac = ""] = Math.abs(r).toFixed(decimals).split(".");
  if (trim) frac = frac.replace(/0+$/, "");
  int = int.replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
  return `${negative ? "-" : ""}${int}${frac ? `,${frac}` : ""}`;
}

/** 0.425 → "42,5 %". */
export function formatPercent(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NULL_TEXT;
  return `${formatNumber(value * 100, decimals)}${NNBSP}%`;
}

/** 2603.5 → "2 603,5 h" (up to 2 decimals, trailing zeros dropped). */
export function formatHours(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NULL_TEXT;
  return `${formatNumber(value, 2, true)}${NNBSP}h`;
}

/** 1.4305 → "1,43" (ETP, two decimals as annexes financières write them). */
export function formatFte(value: number | null | undefined): string {
  return formatNumber(value, 2);
}

/** 10.97 → "11,0 mois". */
export function formatMonths(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NULL_TEXT;
  return `${formatNumber(value, 1)}${NNBSP}mois`;
}

export function formatValue(format: IndicatorFormat, value: number | null | undefined): string {
  switch (format) {
    case "count":
      return formatNumber(value, 0);
    case "percent":
      return formatPercent(value);
    case "hours":
      return formatHours(value);
    case "fte":
      return formatFte(value);
    case "months":
      return formatMonths(value);
  }
}

/** ISO yyyy-mm-dd → dd/mm/yyyy (the workbooks' convention, in both languages); other text as is; null → "—". */
export function formatIsoDate(iso: string | null | undefined): string {
  if (!iso) return NULL_TEXT;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * A moment as "15/01/2026 09:05" in the local time of the machine showing it: the accountant's or the
 * department's clock (overseas departments included), for "Calculé le", receipts and the follow-up sheet.
 * Accepts an ISO timestamp; one that does not parse is shown as it came.
 */
export function formatDateTime(at: Date | string): string {
  const d = typeof at === "string" ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return String(at);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** An indicator value as French text, by its key's format. */
export function formatIndicator(key: IndicatorKey, value: number | null | undefined): string {
  return formatValue(INDICATOR_LABELS[key].format, value);
}
