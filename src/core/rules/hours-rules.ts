import { MIN_HOURS_EMPLOYEE } from "../indicators/population";
import type { RowRule, RuleEnv } from "./rule-env";
import { frDate, frNumber } from "./format";

/** hours-negative, hours-implausible, no-hours. */
export function hoursRules(env: RuleEnv): RowRule | null {
  if (!env.has("hoursWorked")) return null;
  const { findings, periodOk, periodStart, periodEnd } = env;
  const perWeek = env.config.maxHoursPerWeek;
  const pStart = periodStart ?? 0;
  const pEnd = periodEnd ?? 0;

  return {
    check(row) {
      const hours = row.hoursWorked;
      // A non-finite number is not a reading of the cell: the reader reports such values.
      if (hours === null || !Number.isFinite(hours)) return;
      if (hours < 0) {
        findings.add("hours-negative", "error", () => ({
          ...env.at("hoursWorked", row.excelRow),
          value: frNumber(hours, false),
          message: `Les heures travaillées (${frNumber(hours)}) sont négatives. Indiquez le nombre d'heures réellement travaillées sur la période (0 ou plus).`,
        }));
        return;
      }
      // Same threshold as the employees indicator, so the info explains exactly who it left out.
      if (hours < MIN_HOURS_EMPLOYEE) {
        findings.add("no-hours", "info", () => ({
          ...env.at("hoursWorked", row.excelRow),
          value: frNumber(hours, false),
          message: `${hours === 0 ? "Aucune heure travaillée" : `Moins d'une heure travaillée (${frNumber(hours)} h)`} sur la période : la personne n'est pas comptée parmi les salariés du bilan. Complétez les heures si elle a travaillé pendant la période.`,
        }));
        return;
      }
      if (!periodOk) return;
      // Presence inside the period: max(hire, start) → min(exit, end), both days included.
      const from = row.hireDate !== null && row.hireDate > pStart ? row.hireDate : pStart;
      const to = row.exitDate !== null && row.exitDate < pEnd ? row.exitDate : pEnd;
      const days = to - from + 1;
      // No presence at all is a date problem, reported by the date rules.
      if (days <= 0) return;
      const max = (perWeek * days) / 7;
      if (hours <= max) return;
      findings.add("hours-implausible", "warning", () => ({
        ...env.at("hoursWorked", row.excelRow),
        value: frNumber(hours, false),
        message: `${frNumber(hours)} heures travaillées du ${frDate(from)} au ${frDate(to)} (${frNumber(days)} jours), c'est plus que ${frNumber(perWeek)} heures par semaine (au plus ${frNumber(Math.floor(max * 100) / 100)} heures). Vérifiez les heures (cumul depuis l'embauche au lieu des heures de la période ?) et les dates.`,
      }));
    },
  };
}
