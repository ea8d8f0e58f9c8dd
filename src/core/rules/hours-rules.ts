import { MIN_HOURS_EMPLOYEE } from "../indicators/population";
import type { PersonRow } from "../model/person";
import type { FindingCollector } from "../findings/collector";
import type { RowRule, RuleEnv } from "./rule-env";
import { frDate, frNumber } from "./format";

/** hours-negative, hours-implausible, no-hours. */
export function hoursRules(env: RuleEnv): RowRule | null {
  return env.has("hoursWorked") ? new HoursRules(env) : null;
}

/** One rule family: its state in fields, its findings in small methods. */
export class HoursRules implements RowRule {
  private readonly findings: FindingCollector;
  private readonly periodOk: boolean;
  private readonly perWeek: number;
  private readonly pStart: number;
  private readonly pEnd: number;

  constructor(private readonly env: RuleEnv) {
    this.findings = env.findings;
    this.periodOk = env.periodOk;
    this.perWeek = env.config.maxHoursPerWeek;
    this.pStart = env.periodStart ?? 0;
    this.pEnd = env.periodEnd ?? 0;
  }

  check(row: PersonRow): void {
    const hours = row.hoursWorked;
    // A non-finite number is not a reading of the cell: the reader reports such values.
    if (hours === null || !Number.isFinite(hours)) return;
    if (hours < 0) {
      this.negative(row, hours);
      return;
    }
    // Same threshold as the employees indicator, so the info explains exactly who it left out.
    if (hours < MIN_HOURS_EMPLOYEE) {
      this.noHours(row, hours);
      return;
    }
    if (!this.periodOk) return;
    // Presence inside the period: max(hire, start) → min(exit, end), both days included.
    const from = row.hireDate !== null && row.hireDate > this.pStart ? row.hireDate : this.pStart;
    const to = row.exitDate !== null && row.exitDate < this.pEnd ? row.exitDate : this.pEnd;
    const days = to - from + 1;
    // No presence at all is a date problem, reported by the date rules.
    if (days <= 0) return;
    const max = (this.perWeek * days) / 7;
    if (hours <= max) return;
    this.implausible(row, hours, from, to, days, max);
  }

  private negative(row: PersonRow, hours: number): void {
    const env = this.env;
    this.findings.add("hours-negative", "error", () => ({
      ...env.at("hoursWorked", row),
      value: frNumber(hours, false),
      message: `Les heures travaillées (${frNumber(hours)}) sont négatives. Indiquez le nombre d'heures réellement travaillées sur la période (0 ou plus).`,
    }));
  }

  private noHours(row: PersonRow, hours: number): void {
    const env = this.env;
    this.findings.add("no-hours", "info", () => ({
      ...env.at("hoursWorked", row),
      value: frNumber(hours, false),
      message: `${hours === 0 ? "Aucune heure travaillée" : `Moins d'une heure travaillée (${frNumber(hours)} h)`} sur la période : la personne n'est pas comptée parmi les salariés du bilan. Complétez les heures si elle a travaillé pendant la période.`,
    }));
  }

  private implausible(
    row: PersonRow,
    hours: number,
    from: number,
    to: number,
    days: number,
    max: number,
  ): void {
    const env = this.env;
    const perWeek = this.perWeek;
    this.findings.add("hours-implausible", "warning", () => ({
      ...env.at("hoursWorked", row),
      value: frNumber(hours, false),
      message: `${frNumber(hours)} heures travaillées du ${frDate(from)} au ${frDate(to)} (${frNumber(days)} jours), c'est plus que ${frNumber(perWeek)} heures par semaine (au plus ${frNumber(Math.floor(max * 100) / 100)} heures). Vérifiez les heures (cumul depuis l'embauche au lieu des heures de la période ?) et les dates.`,
    }));
  }
}
