import type { RulesConfig } from "../model/config";
import type { PersonRow } from "../model/person";
import { addMonths, isAfterMonths } from "../dates/day-number";
import type { RowRule, RuleEnv } from "./rule-env";
import { frDate, frNumber, plural, wholeMonthsInclusive } from "./format";

/**
 * weekly-hours-low, weekly-hours-max, contract-too-short, path-too-long.
 * Durations count both ends: a contract from 01/02 to 31/05 lasts 4 months, as labour law counts it,
 * so "at least N months" means end + 1 day ≥ start + N calendar months.
 */
export function contractRules(env: RuleEnv): RowRule | null {
  const { config, kind } = env;
  const hasWeekly = env.has("weeklyHours");
  const contractMinApplies =
    env.has("hireDate") &&
    env.has("contractEndDate") &&
    kind !== null &&
    config.contract.minKinds.includes(kind);
  const hasHire = env.has("hireDate");
  if (!hasWeekly && !contractMinApplies && !hasHire) return null;
  return new ContractRules(env, hasWeekly, contractMinApplies, hasHire);
}

/** One rule family: its state in fields, its findings in small methods. */
export class ContractRules implements RowRule {
  private readonly wh: RulesConfig["weeklyHours"];
  private readonly contract: RulesConfig["contract"];
  private readonly weeklyMinApplies: boolean;
  private readonly periodEnd: number | null;
  // n calendar months last between n × 28 and n × 31 days: most rows are decided without calendar work.
  private readonly surelyLongContract: number;
  private readonly surelyShortPath: number;

  constructor(
    private readonly env: RuleEnv,
    private readonly hasWeekly: boolean,
    private readonly contractMinApplies: boolean,
    private readonly hasHire: boolean,
  ) {
    const { weeklyHours: wh, contract } = env.config;
    this.wh = wh;
    this.contract = contract;
    this.weeklyMinApplies = hasWeekly && env.kind !== null && wh.minKinds.includes(env.kind);
    this.periodEnd = env.periodEnd;
    this.surelyLongContract = contract.minMonths * 31;
    this.surelyShortPath = Math.min(contract.maxMonths, contract.maxMonthsWithDerogation) * 28;
  }

  check(row: PersonRow): void {
    const { wh, contract } = this;
    const weekly = row.weeklyHours;
    if (this.hasWeekly && weekly !== null && Number.isFinite(weekly)) {
      if (weekly > wh.max) this.weeklyMax(row, weekly);
      else if (this.weeklyMinApplies && weekly < wh.min && !row.derogation) this.weeklyLow(row, weekly);
    }

    const hire = row.hireDate;
    if (hire === null) return;
    const end = row.contractEndDate;
    if (
      this.contractMinApplies &&
      end !== null &&
      end >= hire &&
      end + 1 - hire < this.surelyLongContract &&
      end + 1 < addMonths(hire, contract.minMonths)
    ) {
      this.contractTooShort(row, hire, end);
    }

    const pathEnd = row.exitDate ?? this.periodEnd;
    if (!this.hasHire || pathEnd === null || pathEnd < hire || pathEnd + 1 - hire <= this.surelyShortPath)
      return;
    // Over N months: the path covers more than hire..hire+N months−1 day.
    if (isAfterMonths(pathEnd + 1, hire, contract.maxMonthsWithDerogation))
      this.pathTooLong(row, hire, pathEnd, true);
    else if (!row.derogation && isAfterMonths(pathEnd + 1, hire, contract.maxMonths))
      this.pathTooLong(row, hire, pathEnd, false);
  }

  private weeklyMax(row: PersonRow, weekly: number): void {
    const { env, wh } = this;
    env.findings.add("weekly-hours-max", "error", () => ({
      ...env.at("weeklyHours", row),
      value: frNumber(weekly, false),
      message: `La durée hebdomadaire (${frNumber(weekly)} h) dépasse le maximum légal de ${frNumber(wh.max)} heures par semaine. Corrigez la durée (heures par semaine, pas par mois).`,
    }));
  }

  private weeklyLow(row: PersonRow, weekly: number): void {
    const { env, wh } = this;
    env.findings.add("weekly-hours-low", "warning", () => ({
      ...env.at("weeklyHours", row),
      value: frNumber(weekly, false),
      message: `La durée hebdomadaire (${frNumber(weekly)} h) est inférieure aux ${frNumber(wh.min)} heures minimales d'un contrat en ${env.kind}. Si une dérogation existe, indiquez « Oui » dans la colonne Dérogation ; sinon corrigez la durée.`,
    }));
  }

  private contractTooShort(row: PersonRow, hire: number, end: number): void {
    const { env, contract } = this;
    env.findings.add("contract-too-short", "warning", () => ({
      ...env.at("contractEndDate", row),
      value: frDate(end),
      message: `Le contrat du ${frDate(hire)} au ${frDate(end)} dure moins de ${plural(contract.minMonths, "mois", "mois")}, la durée minimale d'un contrat d'insertion en ${env.kind}. Vérifiez la date de fin de contrat, ou justifiez la durée (par exemple une dérogation).`,
    }));
  }

  /** path-too-long: beyond the maximum even with a derogation (error), or beyond the plain one without (warning). */
  private pathTooLong(row: PersonRow, hire: number, pathEnd: number, evenWithDerogation: boolean): void {
    const { env, contract } = this;
    const open = row.exitDate === null ? " (fin de période)" : "";
    if (evenWithDerogation) {
      env.findings.add("path-too-long", "error", () => ({
        ...env.at("hireDate", row),
        value: frDate(hire),
        message: `Le parcours du ${frDate(hire)} au ${frDate(pathEnd)}${open} dure ${plural(wholeMonthsInclusive(hire, pathEnd), "mois", "mois")}, au-delà du maximum de ${frNumber(contract.maxMonthsWithDerogation)} mois même avec dérogation. Vérifiez la date d'embauche (date de la dernière embauche de ce parcours) et la date de sortie.`,
      }));
    } else {
      env.findings.add("path-too-long", "warning", () => ({
        ...env.at("hireDate", row),
        value: frDate(hire),
        message: `Le parcours du ${frDate(hire)} au ${frDate(pathEnd)}${open} dure ${plural(wholeMonthsInclusive(hire, pathEnd), "mois", "mois")}, au-delà de ${frNumber(contract.maxMonths)} mois. Si une prolongation ou dérogation a été accordée, indiquez « Oui » dans la colonne Dérogation ; sinon vérifiez les dates.`,
      }));
    }
  }
}
