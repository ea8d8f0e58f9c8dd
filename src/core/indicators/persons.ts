import type { DayNumber } from "../model/person";
import type { IndicatorRow } from "./compute";
import { countedHours, isInReport } from "./population";

const ATTRIBUTES = [
  "sex",
  "birthYear",
  "qpv",
  "zrr",
  "rsa",
  "ass",
  "aah",
  "rqth",
  "ftDuration",
  "educationLevel",
] as const;

/** One distinct person of a report: their rows' hours summed, their attributes from their first row. */
export type Person = { hours: number } & Pick<IndicatorRow, (typeof ATTRIBUTES)[number]>;

/**
 * The distinct persons of a report's rows (domain §4): rows share a person when they share an identity
 * (PASS, else name + birth date); a row without identity is a person of its own. A person's attributes
 * are their first row's; a blank there is filled by the first later row that has the value (a blank on
 * one path is not "not filled" when another path says it). Rows hired after the period end are not in
 * the report.
 */
export function personsOf(rows: readonly IndicatorRow[], periodEnd: DayNumber | null): Person[] {
  const persons: Person[] = [];
  const byIdentity = new Map<string, Person>();
  for (const row of rows) {
    if (!isInReport(row, periodEnd)) continue;
    const hours = countedHours(row.hoursWorked);
    const known = row.identity === null ? undefined : byIdentity.get(row.identity);
    if (known) {
      known.hours += hours;
      for (const a of ATTRIBUTES)
        if (known[a] === null) (known as unknown as Record<string, unknown>)[a] = row[a];
      continue;
    }
    const person: Person = {
      hours,
      sex: row.sex,
      birthYear: row.birthYear,
      qpv: row.qpv,
      zrr: row.zrr,
      rsa: row.rsa,
      ass: row.ass,
      aah: row.aah,
      rqth: row.rqth,
      ftDuration: row.ftDuration,
      educationLevel: row.educationLevel,
    };
    persons.push(person);
    if (row.identity !== null) byIdentity.set(row.identity, person);
  }
  return persons;
}
