import type { DayNumber, PersonRow } from "../model/person";
import { ymdFromDay } from "../dates/day-number";
import type { RowRule, RuleEnv } from "./rule-env";
import { frDate } from "./format";

/** Age in whole years on a day (a person born 29 February turns a year older on 1 March). */
export function ageOn(birth: DayNumber, day: DayNumber): number {
  const b = ymdFromDay(birth);
  const d = ymdFromDay(day);
  return d.y - b.y - (d.m < b.m || (d.m === b.m && d.d < b.d) ? 1 : 0);
}

/** age-range: age at hire below config.age.min or at/above config.age.max [C: ASP accepts 16–99]. */
export function ageRules(env: RuleEnv): RowRule | null {
  const hasDate = env.has("birthDate");
  // A year read from a "Année de naissance" column is shown on that column.
  const hasYear = env.table?.columns.some((c) => c.field === "birthYear") ?? false;
  if (!env.has("hireDate") || (!hasDate && !hasYear)) return null;
  return new AgeRules(env, hasYear);
}

/** One rule family: its state in fields, its findings in small methods. */
export class AgeRules implements RowRule {
  private readonly min: number;
  private readonly max: number;
  private readonly limits: string;
  // n years last at most n × 366 days and at least n × 365: ages between these bounds need no calendar work.
  private readonly surelyOldEnough: number;
  private readonly surelyYoungEnough: number;

  constructor(
    private readonly env: RuleEnv,
    private readonly hasYear: boolean,
  ) {
    const { min, max } = env.config.age;
    this.min = min;
    this.max = max;
    this.limits = `${min} à ${max - 1} ans`;
    this.surelyOldEnough = min * 366;
    this.surelyYoungEnough = max * 365;
  }

  check(row: PersonRow): void {
    const hire = row.hireDate;
    if (hire === null) return;
    const { min, max } = this;
    const birth = row.birthDate;
    if (birth !== null) {
      const days = hire - birth;
      if (days >= this.surelyOldEnough && days < this.surelyYoungEnough) return;
      const age = ageOn(birth, hire);
      if (age >= min && age < max) return;
      this.outOfRange(row, age, birth, hire);
      return;
    }
    const year = row.birthYear;
    if (year === null) return;
    // With a birth year only, the age is one of two values: report only when both are out of range.
    const older = ymdFromDay(hire).y - year;
    const younger = older - 1;
    if (older >= min && younger < max) return;
    this.yearOutOfRange(row, year, hire, older, younger);
  }

  private outOfRange(row: PersonRow, age: number, birth: number, hire: number): void {
    const { env, limits } = this;
    env.findings.add("age-range", "error", () => ({
      ...env.at("birthDate", row),
      value: frDate(birth),
      message: `L'âge à l'embauche (${age} ans, né(e) le ${frDate(birth)}, embauche le ${frDate(hire)}) est hors des limites admises (${limits}). Vérifiez la date de naissance et la date d'embauche.`,
    }));
  }

  private yearOutOfRange(row: PersonRow, year: number, hire: number, older: number, younger: number): void {
    const { env, limits, min } = this;
    env.findings.add("age-range", "error", () => ({
      ...env.at(this.hasYear ? "birthYear" : "birthDate", row),
      value: String(year),
      message: `Avec une naissance en ${year} et une embauche le ${frDate(hire)}, l'âge à l'embauche (${older < min ? `au plus ${older}` : `au moins ${younger}`} ans) est hors des limites admises (${limits}). Vérifiez l'année de naissance et la date d'embauche.`,
    }));
  }
}
