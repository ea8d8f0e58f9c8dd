import type { RulesConfig } from "../model/config";
import type { PersonField } from "../model/fields";
import type { Indicators } from "../model/indicators";
import type { PersonRow } from "../model/person";
import type { StructureInfo } from "../model/structure";
import type { MotifIndex } from "../config/motifs";
import { exitContext } from "../exits/classify-exit";
import { countedHours, isInReport, MIN_HOURS_EMPLOYEE, periodOf } from "./population";
import { cleanNoise, cleanHours, ratio } from "./numbers";
import { isRsa } from "./rsa";
import { personsOf, type Person } from "./persons";
import { tallyExits } from "./exits";

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
  if (structure.annualHoursPerFte !== null && structure.annualHoursPerFte > 0)
    return structure.annualHoursPerFte;
  return structure.kind ? config.annualHoursPerFte[structure.kind] : null;
}

/**
 * Indicators of one report (domain §4): counts over the distinct persons, hours and exits over the rows.
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
  const { structure, config, motifs } = ctx;
  const present = new Set<PersonField>(ctx.fieldsPresent);
  const has = (f: PersonField) => present.has(f);
  const period = periodOf(structure);
  const inReport = rows.filter((r) => isInReport(r, period.end));

  // Employees: distinct persons with ≥ 1 h in the period.
  const employees = personsOf(rows, period.end).filter((p) => p.hours >= MIN_HOURS_EMPLOYEE);
  const n = employees.length;
  const count = (pred: (p: Person) => boolean) => employees.filter(pred).length;
  const endYear = period.end === null ? null : yearOfIso(structure.periodEnd as string);
  const age = (p: Person) => (endYear === null || p.birthYear === null ? null : endYear - p.birthYear);
  const levels = config.education;

  const women = count((p) => p.sex === "F");
  const men = count((p) => p.sex === "H");
  const rsa = count((p) => isRsa(p.rsa));
  const qpv = count((p) => p.qpv === true);
  const zrr = count((p) => p.zrr === true);
  const under26 = count((p) => age(p) !== null && (age(p) as number) < config.age.youngUnder);
  const age50plus = count((p) => age(p) !== null && (age(p) as number) >= config.age.seniorFrom);
  const deld = count((p) => p.ftDuration === "03");
  const detld = count((p) => p.ftDuration === "04");
  const rqth = count((p) => p.rqth === true);
  const level = (codes: readonly string[]) =>
    count((p) => p.educationLevel !== null && codes.includes(p.educationLevel));

  const hasHours = has("hoursWorked");
  const hasAge = (has("birthDate") || has("birthYear")) && endYear !== null;
  const hasExits = has("exitDate");
  const hasMotifs = hasExits && has("exitReason");
  // Person counts need the population (hours) and their own column; a share whose column is absent is null.
  const byCol = (field: boolean, value: number): number | null => (hasHours && field ? value : null);
  const share = (field: boolean, value: number): number | null =>
    hasHours && field ? ratio(value, n) : null;

  const annual = annualHoursPerFte(structure, config);
  const hoursAll = inReport.reduce((s, r) => s + countedHours(r.hoursWorked), 0);
  const hoursRsa = inReport.reduce((s, r) => s + (isRsa(r.rsa) ? countedHours(r.hoursWorked) : 0), 0);
  const hoursWorked = hasHours ? cleanHours(hoursAll) : null;
  const fte = hoursWorked !== null && annual !== null ? cleanNoise(hoursWorked / annual) : null;
  const fteRsa = hasHours && has("rsa") && annual !== null ? cleanNoise(cleanHours(hoursRsa) / annual) : null;
  const fteConventioned = structure.fteConventioned;
  const fteRealisationRate =
    fte !== null && fteConventioned !== null && fteConventioned > 0
      ? cleanNoise(fte / fteConventioned)
      : null;

  const exits = tallyExits(
    inReport,
    exitContext(structure.kind, period.start, period.end, config, motifs),
    motifs,
  );
  const exitCount = (value: number): number | null => (hasMotifs ? value : null);
  const exitRate = (value: number): number | null => (hasMotifs ? ratio(value, exits.examined) : null);

  return {
    employees: hasHours ? n : null,
    women: byCol(has("sex"), women),
    men: byCol(has("sex"), men),
    // Not filled, or a value other than F and H.
    sexUnknown: byCol(has("sex"), n - women - men),
    rsa: byCol(has("rsa"), rsa),
    rsaUnknown: byCol(
      has("rsa"),
      count((p) => p.rsa === null),
    ),
    qpv: byCol(has("qpv"), qpv),
    qpvUnknown: byCol(
      has("qpv"),
      count((p) => p.qpv === null),
    ),
    zrr: byCol(has("zrr"), zrr),
    zrrUnknown: byCol(
      has("zrr"),
      count((p) => p.zrr === null),
    ),
    under26: byCol(hasAge, under26),
    age50plus: byCol(hasAge, age50plus),
    ageUnknown: byCol(
      hasAge,
      count((p) => age(p) === null),
    ),
    deld: byCol(has("ftDuration"), deld),
    detld: byCol(has("ftDuration"), detld),
    ftUnknown: byCol(
      has("ftDuration"),
      count((p) => p.ftDuration === null),
    ),
    rqth: byCol(has("rqth"), rqth),
    rqthUnknown: byCol(
      has("rqth"),
      count((p) => p.rqth === null),
    ),
    ass: byCol(
      has("ass"),
      count((p) => p.ass === true),
    ),
    aah: byCol(
      has("aah"),
      count((p) => p.aah === true),
    ),
    levelBelowCap: byCol(has("educationLevel"), level(levels.belowCap)),
    levelCapBep: byCol(has("educationLevel"), level(levels.capBep)),
    levelNonCertified: byCol(has("educationLevel"), level(levels.nonCertified)),
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
    exits: hasExits ? exits.exits : null,
    exitsWithdrawn: exitCount(exits.withdrawn),
    exitsTooShort: exitCount(exits.tooShort),
    exitsExamined: exitCount(exits.examined),
    exitsDurable: exitCount(exits.durable),
    exitsTransition: exitCount(exits.transition),
    exitsPositive: exitCount(exits.positive),
    exitsOther: exitCount(exits.other),
    exitsUnknownCategory: exitCount(exits.unknownCategory),
    rateDurable: exitRate(exits.durable),
    rateTransition: exitRate(exits.transition),
    ratePositive: exitRate(exits.positive),
    rateDynamic: exitRate(exits.durable + exits.transition + exits.positive),
    exitsToTraining: exitCount(exits.toTraining),
    rateTraining: exitRate(exits.toTraining),
    rsaExitsDurableOrTraining: hasMotifs && has("rsa") ? exits.rsaDurableOrTraining : null,
    averagePathMonths:
      hasMotifs && exits.paths.length > 0
        ? cleanNoise(exits.paths.reduce((a, b) => a + b, 0) / exits.paths.length)
        : null,
  };
}

function yearOfIso(iso: string): number {
  return Number(iso.slice(0, 4));
}
