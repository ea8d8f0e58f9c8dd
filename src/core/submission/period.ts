import { dayFromIso, daysInMonth } from "../dates/day-number";

/**
 * Period key of a report, derived from its periodStart/periodEnd (ISO dates). The hub files, versions and
 * consolidates submissions by it, and the department asks for `?period=KEY`:
 * - a calendar year (1 Jan → 31 Dec)           → "2025"
 * - a half year (1 Jan → 30 Jun, 1 Jul → 31 Dec) → "2025-S1", "2025-S2"
 * - a calendar quarter                          → "2025-Q1" … "2025-Q4"
 * - a calendar month                            → "2025-03"
 * - anything else                               → "2025-02-15_2026-02-14" (start_end, exact dates)
 * Returns null when a date is unreadable or the start is after the end.
 */
export function periodKey(periodStart: string, periodEnd: string): string | null {
  const s = dayFromIso(periodStart);
  const e = dayFromIso(periodEnd);
  if (s === null || e === null || s > e) return null;
  const [sy, sm, sd] = periodStart.split("-").map(Number);
  const [ey, em, ed] = periodEnd.split("-").map(Number);
  const endOfMonth = ed === daysInMonth(ey, em);
  if (sy === ey && sd === 1 && endOfMonth) {
    if (sm === 1 && em === 12) return String(sy);
    if (sm === 1 && em === 6) return `${sy}-S1`;
    if (sm === 7 && em === 12) return `${sy}-S2`;
    if (em === sm + 2 && (sm - 1) % 3 === 0) return `${sy}-Q${(sm - 1) / 3 + 1}`;
    if (em === sm) return `${sy}-${String(sm).padStart(2, "0")}`;
  }
  return `${periodStart}_${periodEnd}`;
}

/** Shape of a period key as accepted in queries (`?period=`). */
export const PERIOD_KEY_PATTERN =
  /^\d{4}(?:-(?:S[12]|Q[1-4]|0[1-9]|1[0-2]))?$|^\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}$/;

export function isPeriodKey(value: string): boolean {
  return PERIOD_KEY_PATTERN.test(value);
}
