import type { PersonRow } from "../model/person";
import type { FindingCollector } from "../findings/collector";
import type { RowRule, RuleEnv } from "./rule-env";
import { frDate } from "./format";

/** hire-after-period, exit-before-hire, exit-outside-period. */
export function dateRules(env: RuleEnv): RowRule | null {
  const hasHire = env.has("hireDate");
  const hasExit = env.has("exitDate");
  if (!hasHire && !hasExit) return null;
  return new DateRules(env);
}

/** One rule family: its state in fields, its findings in small methods. */
export class DateRules implements RowRule {
  private readonly findings: FindingCollector;
  private readonly periodOk: boolean;
  /** Period bounds, meaningful only when periodOk. */
  private readonly periodStart: number;
  private readonly periodEnd: number;

  constructor(private readonly env: RuleEnv) {
    this.findings = env.findings;
    this.periodOk = env.periodOk;
    this.periodStart = env.periodStart ?? 0;
    this.periodEnd = env.periodEnd ?? 0;
  }

  check(row: PersonRow): void {
    const hire = row.hireDate;
    const exit = row.exitDate;
    let foreign = false;
    if (hire !== null && this.periodOk && hire > this.periodEnd) {
      foreign = true;
      this.hireAfterPeriod(row, hire);
    }
    if (exit === null) return;
    if (hire !== null && exit < hire) this.exitBeforeHire(row, exit, hire);
    // Same bounds as classifyExit ("outside"); a row already foreign to the report is not flagged twice.
    if (!foreign && this.periodOk && (exit < this.periodStart || exit > this.periodEnd))
      this.exitOutside(row, exit);
  }

  private hireAfterPeriod(row: PersonRow, hire: number): void {
    const { env, periodEnd } = this;
    this.findings.add("hire-after-period", "error", () => ({
      ...env.at("hireDate", row),
      value: frDate(hire),
      message: `La date d'embauche (${frDate(hire)}) est postérieure à la fin de la période (${frDate(periodEnd)}) : cette ligne n'appartient pas à ce bilan. Retirez-la ou corrigez la date d'embauche.`,
    }));
  }

  private exitBeforeHire(row: PersonRow, exit: number, hire: number): void {
    const env = this.env;
    this.findings.add("exit-before-hire", "error", () => ({
      ...env.at("exitDate", row),
      value: frDate(exit),
      message: `La date de sortie (${frDate(exit)}) est antérieure à la date d'embauche (${frDate(hire)}). Corrigez l'une des deux dates.`,
    }));
  }

  private exitOutside(row: PersonRow, exit: number): void {
    const { env, periodStart, periodEnd } = this;
    this.findings.add("exit-outside-period", "warning", () => ({
      ...env.at("exitDate", row),
      value: frDate(exit),
      message: `La date de sortie (${frDate(exit)}) est en dehors de la période du ${frDate(periodStart)} au ${frDate(periodEnd)} : cette sortie ne sera pas comptée dans ce bilan. Vérifiez la date (ou l'année) de sortie.`,
    }));
  }
}
