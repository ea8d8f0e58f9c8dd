import type { DayNumber } from "../model/person";
import { addMonths, frenchFromDay, ymdFromDay } from "../dates/day-number";

/** dd/mm/yyyy, the way the user typed it in a French workbook. */
export function frDate(day: DayNumber): string {
  return frenchFromDay(day);
}

/**
 * French number: decimal comma, at most two decimals; thousands grouped for messages ("2 502,86"),
 * not for the `value` of a finding, which mirrors the cell ("2502,86").
 */
export function frNumber(n: number, group = true): string {
  const rounded = Math.round(n * 100) / 100;
  const [int, dec] = String(Math.abs(rounded)).split(".");
  const grouped = group ? int.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0") : int;
  return `${rounded < 0 ? "-" : ""}${grouped}${dec ? `,${dec}` : ""}`;
}

/** "1 mois", "24 mois"; "1 heure", "2 heures" — French plural for counts in messages. */
export function plural(n: number, one: string, many: string): string {
  return `${frNumber(n)} ${Math.abs(n) < 2 ? one : many}`;
}

/**
 * Whole calendar months covered by the days from..to inclusive (01/02 → 31/05 = 4 months,
 * 15/01 → 14/05 = 4 months): the largest m with addMonths(from, m) ≤ to + 1.
 */
export function wholeMonthsInclusive(from: DayNumber, to: DayNumber): number {
  const a = ymdFromDay(from);
  const b = ymdFromDay(to + 1);
  let m = (b.y - a.y) * 12 + (b.m - a.m);
  while (m > 0 && addMonths(from, m) > to + 1) m--;
  return Math.max(0, m);
}
