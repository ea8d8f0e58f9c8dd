import { addMonths } from "../dates/day-number";
import type { RowRule, RuleEnv } from "./rule-env";
import { frDate, frNumber, plural, wholeMonthsInclusive } from "./format";

/**
 * weekly-hours-low, weekly-hours-max, contract-too-short, path-too-long.
 * Durations count both ends: a contract from 01/02 to 31/05 lasts 4 months, as labour law counts it,
 * so "at least N months" means end + 1 day ≥ start + N calendar months.
 */
export function contractRules(env: RuleEnv): RowRule | null {
  const { findings, config, kind } = env;
  const { weeklyHours: wh, contract } = config;
  const hasWeekly = env.has("weeklyHours");
  const weeklyMinApplies = hasWeekly && kind !== null && wh.minKinds.includes(kind);
  const contractMinApplies = env.has("hireDate") && env.has("contractEndDate") && kind !== null && contract.minKinds.includes(kind);
  const hasHire = env.has("hireDate");
  if (!hasWeekly && !contractMinApplies && !hasHire) return null;
  const periodEnd = env.periodEnd;
  // n calendar months last between n × 28 and n × 31 days: most rows are decided without calendar work.
  const surelyLongContract = contract.minMonths * 31;
  const surelyShortPath = Math.min(contract.maxMonths, contract.maxMonthsWithDerogation) * 28;

  return {
    check(row) {
      const weekly = row.weeklyHours;
      if (hasWeekly && weekly !== null && Number.isFinite(weekly)) {
        if (weekly > wh.max) {
          findings.add("weekly-hours-max", "error", () => ({
            ...env.at("weeklyHours", row.excelRow),
            value: frNumber(weekly, false),
            message: `La durée hebdomadaire (${frNumber(weekly)} h) dépasse le maximum légal de ${frNumber(wh.max)} heures par semaine. Corrigez la durée (heures par semaine, pas par mois).`,
          }));
        } else if (weeklyMinApplies && weekly < wh.min && !row.derogation) {
          findings.add("weekly-hours-low", "warning", () => ({
            ...env.at("weeklyHours", row.excelRow),
            value: frNumber(weekly, false),
            message: `La durée hebdomadaire (${frNumber(weekly)} h) est inférieure aux ${frNumber(wh.min)} heures minimales d'un contrat en ${kind}. Si une dérogation existe, indiquez « Oui » dans la colonne Dérogation ; sinon corrigez la durée.`,
          }));
        }
      }

      const hire = row.hireDate;
      if (hire === null) return;
      const end = row.contractEndDate;
      if (
        contractMinApplies &&
        end !== null &&
        end >= hire &&
        end + 1 - hire < surelyLongContract &&
        end + 1 < addMonths(hire, contract.minMonths)
      ) {
        findings.add("contract-too-short", "warning", () => ({
          ...env.at("contractEndDate", row.excelRow),
          value: frDate(end),
          message: `Le contrat du ${frDate(hire)} au ${frDate(end)} dure moins de ${plural(contract.minMonths, "mois", "mois")}, la durée minimale d'un contrat d'insertion en ${kind}. Vérifiez la date de fin de contrat, ou justifiez la durée (par exemple une dérogation).`,
        }));
      }

      const pathEnd = row.exitDate ?? periodEnd;
      if (!hasHire || pathEnd === null || pathEnd < hire || pathEnd + 1 - hire <= surelyShortPath) return;
      // Over N months: the path covers more than hire..hire+N months−1 day.
      if (pathEnd + 1 > addMonths(hire, contract.maxMonthsWithDerogation)) {
        findings.add("path-too-long", "error", () => ({
          ...env.at("hireDate", row.excelRow),
          value: frDate(hire),
          message: `Le parcours du ${frDate(hire)} au ${frDate(pathEnd)}${row.exitDate === null ? " (fin de période)" : ""} dure ${plural(wholeMonthsInclusive(hire, pathEnd), "mois", "mois")}, au-delà du maximum de ${frNumber(contract.maxMonthsWithDerogation)} mois même avec dérogation. Vérifiez la date d'embauche (date de la dernière embauche de ce parcours) et la date de sortie.`,
        }));
      } else if (!row.derogation && pathEnd + 1 > addMonths(hire, contract.maxMonths)) {
        findings.add("path-too-long", "warning", () => ({
          ...env.at("hireDate", row.excelRow),
          value: frDate(hire),
          message: `Le parcours du ${frDate(hire)} au ${frDate(pathEnd)}${row.exitDate === null ? " (fin de période)" : ""} dure ${plural(wholeMonthsInclusive(hire, pathEnd), "mois", "mois")}, au-delà de ${frNumber(contract.maxMonths)} mois. Si une prolongation ou dérogation a été accordée, indiquez « Oui » dans la colonne Dérogation ; sinon vérifiez les dates.`,
        }));
      }
    },
  };
}
