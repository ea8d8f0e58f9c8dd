import { formatIndicator as coreFormatIndicator, type IndicatorKey } from "../../core";

/** French display of an indicator ("42,5 %", "1 234,50", "—" when not computable), from the core labels. */
export function formatIndicator(key: IndicatorKey, v: number | null): string {
  return coreFormatIndicator(key, v);
}

/** yyyy-mm-dd → dd/mm/yyyy; anything else as is. */
export function frenchDate(iso: string | null): string {
  if (!iso) return "?";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
