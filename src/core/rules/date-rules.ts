import type { RowRule, RuleEnv } from "./rule-env";
import { frDate } from "./format";

/** hire-after-period, exit-before-hire, exit-outside-period. */
export function dateRules(env: RuleEnv): RowRule | null {
  const hasHire = env.has("hireDate");
  const hasExit = env.has("exitDate");
  if (!hasHire && !hasExit) return null;
  const { findings, periodStart, periodEnd, periodOk } = env;

  return {
    check(row) {
      const hire = row.hireDate;
      const exit = row.exitDate;
      let foreign = false;
      if (hire !== null && periodOk && hire > periodEnd!) {
        foreign = true;
        findings.add("hire-after-period", "error", () => ({
          ...env.at("hireDate", row.excelRow),
          value: frDate(hire),
          message: `La date d'embauche (${frDate(hire)}) est postérieure à la fin de la période (${frDate(periodEnd!)}) : cette ligne n'appartient pas à ce bilan. Retirez-la ou corrigez la date d'embauche.`,
        }));
      }
      if (exit === null) return;
      if (hire !== null && exit < hire) {
        findings.add("exit-before-hire", "error", () => ({
          ...env.at("exitDate", row.excelRow),
          value: frDate(exit),
          message: `La date de sortie (${frDate(exit)}) est antérieure à la date d'embauche (${frDate(hire)}). Corrigez l'une des deux dates.`,
        }));
      }
      // Same bounds as classifyExit ("outside"); a row already foreign to the report is not flagged twice.
      if (!foreign && periodOk && (exit < periodStart! || exit > periodEnd!)) {
        findings.add("exit-outside-period", "warning", () => ({
          ...env.at("exitDate", row.excelRow),
          value: frDate(exit),
          message: `La date de sortie (${frDate(exit)}) est en dehors de la période du ${frDate(periodStart!)} au ${frDate(periodEnd!)} : cette sortie ne sera pas comptée dans ce bilan. Vérifiez la date (ou l'année) de sortie.`,
        }));
      }
    },
  };
}
