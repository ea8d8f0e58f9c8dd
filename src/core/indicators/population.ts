import type { DayNumber, PersonRow } from "../model/person";
import type { StructureInfo } from "../model/structure";
import { dayFromIso } from "../dates/day-number";

/**
 * Hours in the period from which a person counts among employees [C: pilotage-airflow
 * int_beneficiaires_sorties.sql, "≥ 1 heure"]. Confirmed, not a department setting, hence not in RulesConfig.
 */
export const MIN_HOURS_EMPLOYEE = 1;

/** Period bounds of a report as day numbers (null when missing or unreadable). */
export function periodOf(structure: Pick<StructureInfo, "periodStart" | "periodEnd">): {
  start: DayNumber | null;
  end: DayNumber | null;
} {
  return {
    start: structure.periodStart ? dayFromIso(structure.periodStart) : null,
    end: structure.periodEnd ? dayFromIso(structure.periodEnd) : null,
  };
}

/**
 * A row belongs to the report unless it was hired after the period end (rule hire-after-period: the
 * path belongs to a later report). A row without a hire date is kept: it is reported, not dropped.
 */
export function isInReport(row: Pick<PersonRow, "hireDate">, periodEnd: DayNumber | null): boolean {
  return periodEnd === null || row.hireDate === null || row.hireDate <= periodEnd;
}

/** Hours that count in sums: negative hours are an error (hours-negative) and count as nothing. */
export function countedHours(h: number | null): number {
  return h !== null && h > 0 ? h : 0;
}

/**
 * The employees of a report as identity keys, for consolidation's distinctPersons: persons whose hours
 * summed over their rows in the report reach MIN_HOURS_EMPLOYEE. Rows without identity are persons of
 * their own: they cannot be matched with anyone, so they are counted (unkeyed), never merged.
 */
export function employeeKeys(
  rows: readonly Pick<PersonRow, "identity" | "hireDate" | "hoursWorked">[],
  periodEnd: DayNumber | null,
): { keys: string[]; unkeyed: number } {
  const hours = new Map<string, number>();
  let unkeyed = 0;
  for (const row of rows) {
    if (!isInReport(row, periodEnd)) continue;
    const h = countedHours(row.hoursWorked);
    if (row.identity === null) {
      if (h >= MIN_HOURS_EMPLOYEE) unkeyed++;
      continue;
    }
    hours.set(row.identity, (hours.get(row.identity) ?? 0) + h);
  }
  const keys: string[] = [];
  for (const [key, h] of hours) if (h >= MIN_HOURS_EMPLOYEE) keys.push(key);
  return { keys, unkeyed };
}
