import { RATIO_KEYS, type IndicatorKey } from "../../core";

const RATIOS = new Set<IndicatorKey>(RATIO_KEYS);
const HOURS_LIKE = new Set<IndicatorKey>(["hoursWorked", "fte", "fteRsa", "fteConventioned", "averagePathMonths"]);

/** French display of an indicator: "42,5 %", "1 234,50", "—" for null (not computable). */
export function formatIndicator(key: IndicatorKey, v: number | null): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  if (RATIOS.has(key)) return `${(v * 100).toLocaleString("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
  if (HOURS_LIKE.has(key)) return v.toLocaleString("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return v.toLocaleString("fr-FR", { maximumFractionDigits: 2 });
}

export function isRatioKey(key: IndicatorKey): boolean {
  return RATIOS.has(key);
}

/** yyyy-mm-dd → dd/mm/yyyy; anything else as is. */
export function frenchDate(iso: string | null): string {
  if (!iso) return "?";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
