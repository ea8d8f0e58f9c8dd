import type { RulesConfig } from "../model/config";
import type { PersonField } from "../model/fields";
import type { Indicators } from "../model/indicators";
import type { PersonRow } from "../model/person";
import type { StructureInfo } from "../model/structure";
import type { MotifIndex } from "../config/motifs";
import { exitContext } from "../exits/classify-exit";
import { periodOf } from "./population";
import { cleanNoise, cleanHours, ratio } from "./numbers";
import { RowTally } from "./row-tally";
import { PersonTally } from "./person-tally";

/** What the indicators read of a row: PersonRow satisfies it, and so do rows rebuilt from submission records. */
export type IndicatorRow = Pick<
  PersonRow,
  | "identity"
  | "sex"
  | "birthYear"
  | "qpv"
  | "zrr"
  | "rsa"
  | "ass"
  | "aah"
  | "rqth"
  | "ftDuration"
  | "educationLevel"
  | "hireDate"
  | "exitDate"
  | "exitMotif"
  | "hoursWorked"
  | "hoursSinceHire"
>;

export interface IndicatorContext {
  structure: StructureInfo;
  /** Columns present in the sheet: a share whose column is absent is null, not 0. */
  fieldsPresent: readonly PersonField[];
  config: RulesConfig;
  motifs: MotifIndex;
}

/** Annual hours of one ETP: the structure's own figure when given, else the kind's default (domain §4.3). */
export function annualHoursPerFte(structure: StructureInfo, config: RulesConfig): number | null {
  if (structure.annualHoursPerFte !== null && structure.annualHoursPerFte > 0) return structure.annualHoursPerFte;
  return structure.kind ? config.annualHoursPerFte[structure.kind] : null;
}

/**
 * Indicators of one report (domain §4). One pass over the rows, then one over the distinct persons.
 *
 * Decisions where the domain is silent:
 * - Rows hired after the period end do not belong to the report (rule hire-after-period): ignored everywhere.
 * - A person with several rows (several paths) is one employee when their hours summed over those rows
 *   reach 1 h. Their attributes are those of their first row in sheet order; a blank there is filled by the
 *   first later row that has the value (a blank on one path is not "not filled" when another path says it).
 *   Rows without identity are each a person of their own.
 * - hoursWorked, fte, fteRsa and every exit count are per row (per path), not per person: two paths are
 *   two exits and their hours add up. Negative hours (an error finding) count as 0.
 * - A column absent from the sheet (ctx.fieldsPresent) makes its counts, Unknown count and share null.
 *   Without an hours column the population itself is unknown: employees and every person count are null.
 *   Without an exit-date column every exit indicator is null; without an exit-reason column only `exits`
 *   (a count of dates) is given, since withdrawn, too short and categories all depend on the motif.
 *   Age needs the period end (ages are measured in its year): without it the age counts are null.
 * - rsaExitsDurableOrTraining counts examined exits only, for a qualifying-training motif as for durable.
 * - averagePathMonths averages examined exits that have a hire date on or before the exit date.
 * - Nothing is rounded except floating noise: hour sums to 1e-6 h, other values to 15 significant digits
 *   (so 0.1 + 0.2 reads 0.3); display rounding belongs to the formatting helpers (labels/format.ts).
 */
export function computeIndicators(rows: readonly IndicatorRow[], ctx: IndicatorContext): Indicators {
  const tally = indicatorTally(rows.length, ctx);
  tally.addAll(rows);
  const indicators = indicatorsFrom(tally, ctx);
  tally.release();
  return indicators;
}

/**
 * The per-row pass of computeIndicators, to be fed row by row (analyzeWorkbook feeds it while reading).
 */
export function indicatorTally(expectedRows: number, ctx: IndicatorContext): RowTally {
  const period = periodOf(ctx.structure);
  const exitCtx = exitContext(ctx.structure.kind, period.start, period.end, ctx.config, ctx.motifs);
  return new RowTally(expectedRows, exitCtx, period.end, ctx.motifs);
}

/** The indicators once every row of the report went through `tally`. */
export function indicatorsFrom(tally: RowTally, ctx: IndicatorContext): Indicators {
  const { structure, config } = ctx;
  const present = new Set<PersonField>(ctx.fieldsPresent);
  const has = (f: PersonField) => present.has(f);
  const period = periodOf(structure);
  const { hoursAll, hoursRsa, exits, withdrawn, tooShort, examined, durable, transition, positive, other } = tally;
  const { unknownCategory, rsaDurableOrTraining, pathMonthsSum, pathCount } = tally;

  // Distinct persons with ≥ 1 h in the period.
  const endYear = period.end === null ? null : yearOfIso(structure.periodEnd as string);
  const persons = new PersonTally(config, endYear);
  persons.addEmployees(tally);
  const { employees, women, men, sexUnknown, rsa, rsaUnknown, qpv, qpvUnknown, zrr, zrrUnknown } = persons;
  const { under26, age50plus, ageUnknown, deld, detld, ftUnknown, rqth, rqthUnknown, ass, aah } = persons;
  const { belowCap, capBep, nonCertified } = persons;

  const hasHours = has("hoursWorked");
  const hasAge = (has("birthDate") || has("birthYear")) && endYear !== null;
  const hasExits = has("exitDate");
  const hasMotifs = hasExits && has("exitReason");
  // Person counts need the population (hours) and their own column.
  const count = (field: boolean, value: number): number | null => (hasHours && field ? value : null);
  const share = (field: boolean, value: number): number | null =>
    hasHours && field ? ratio(value, employees) : null;
  const exitCount = (value: number): number | null => (hasMotifs ? value : null);
  const exitRate = (value: number): number | null => (hasMotifs ? ratio(value, examined) : null);

  const annual = annualHoursPerFte(structure, config);
  const hoursWorked = hasHours ? cleanHours(hoursAll) : null;
  const fte = hoursWorked !== null && annual !== null ? cleanNoise(hoursWorked / annual) : null;
  const fteRsa = hasHours && has("rsa") && annual !== null ? cleanNoise(cleanHours(hoursRsa) / annual) : null;
  const fteConventioned = structure.fteConventioned;
  const fteRealisationRate =
    fte !== null && fteConventioned !== null && fteConventioned > 0 ? cleanNoise(fte / fteConventioned) : null;

  return {
    employees: hasHours ? employees : null,
    women: count(has("sex"), women),
    men: count(has("sex"), men),
    sexUnknown: count(has("sex"), sexUnknown),
    rsa: count(has("rsa"), rsa),
    rsaUnknown: count(has("rsa"), rsaUnknown),
    qpv: count(has("qpv"), qpv),
    qpvUnknown: count(has("qpv"), qpvUnknown),
    zrr: count(has("zrr"), zrr),
    zrrUnknown: count(has("zrr"), zrrUnknown),
    under26: count(hasAge, under26),
    age50plus: count(hasAge, age50plus),
    ageUnknown: count(hasAge, ageUnknown),
    deld: count(has("ftDuration"), deld),
    detld: count(has("ftDuration"), detld),
    ftUnknown: count(has("ftDuration"), ftUnknown),
    rqth: count(has("rqth"), rqth),
    rqthUnknown: count(has("rqth"), rqthUnknown),
    ass: count(has("ass"), ass),
    aah: count(has("aah"), aah),
    levelBelowCap: count(has("educationLevel"), belowCap),
    levelCapBep: count(has("educationLevel"), capBep),
    levelNonCertified: count(has("educationLevel"), nonCertified),
    shareWomen: share(has("sex"), women),
    shareRsa: share(has("rsa"), rsa),
    shareQpv: share(has("qpv"), qpv),
    shareZrr: share(has("zrr"), zrr),
    shareUnder26: share(hasAge, under26),
    shareAge50plus: share(hasAge, age50plus),
    shareDeld: share(has("ftDuration"), deld),
    shareDetld: share(has("ftDuration"), detld),
    shareRqth: share(has("rqth"), rqth),
    hoursWorked,
    fte,
    fteRsa,
    fteConventioned,
    fteRealisationRate,
    exits: hasExits ? exits : null,
    exitsWithdrawn: exitCount(withdrawn),
    exitsTooShort: exitCount(tooShort),
    exitsExamined: exitCount(examined),
    exitsDurable: exitCount(durable),
    exitsTransition: exitCount(transition),
    exitsPositive: exitCount(positive),
    exitsOther: exitCount(other),
    exitsUnknownCategory: exitCount(unknownCategory),
    rateDurable: exitRate(durable),
    rateTransition: exitRate(transition),
    ratePositive: exitRate(positive),
    rateDynamic: exitRate(durable + transition + positive),
    rsaExitsDurableOrTraining: hasMotifs && has("rsa") ? rsaDurableOrTraining : null,
    averagePathMonths: hasMotifs && pathCount > 0 ? cleanNoise(pathMonthsSum / pathCount) : null,
  };
}

function yearOfIso(iso: string): number {
  return Number(iso.slice(0, 4));
}
