import type { RulesConfig } from "../model/config";
import type { PersonField } from "../model/fields";
import type { Indicators } from "../model/indicators";
import type { PersonRow, RsaStatus } from "../model/person";
import type { StructureInfo } from "../model/structure";
import type { MotifIndex } from "../config/motifs";
import { classifyExit, type ExitContext } from "../exits/classify-exit";
import { monthsBetween } from "../dates/day-number";
import { countedHours, isInReport, MIN_HOURS_EMPLOYEE, periodOf } from "./population";
import { cleanNoise, cleanHours, ratio } from "./numbers";
import { IdentityIndex } from "../keys/identity-index";

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

/** The person-level attributes of one employee: a row, or a copy merged over their rows (see computeIndicators). */
type Person = Pick<
  IndicatorRow,
  "sex" | "birthYear" | "qpv" | "zrr" | "rsa" | "ass" | "aah" | "rqth" | "ftDuration" | "educationLevel"
>;

function personFrom(row: IndicatorRow): Person {
  return {
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
}

/** A later path of the same person fills what the earlier ones left blank; it never overrides a value. */
function fillBlanks(p: Person, row: IndicatorRow): void {
  if (p.sex === null) p.sex = row.sex;
  if (p.birthYear === null) p.birthYear = row.birthYear;
  if (p.qpv === null) p.qpv = row.qpv;
  if (p.zrr === null) p.zrr = row.zrr;
  if (p.rsa === null) p.rsa = row.rsa;
  if (p.ass === null) p.ass = row.ass;
  if (p.aah === null) p.aah = row.aah;
  if (p.rqth === null) p.rqth = row.rqth;
  if (p.ftDuration === null) p.ftDuration = row.ftDuration;
  if (p.educationLevel === null) p.educationLevel = row.educationLevel;
}

/** RSA at hire [C]: OUI-M, OUI-NM, and a plain "Oui" that does not say which. */
export function isRsa(status: RsaStatus | null): boolean {
  return status !== null && status !== "NON";
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
  const { structure, config, motifs } = ctx;
  const present = new Set<PersonField>(ctx.fieldsPresent);
  const has = (f: PersonField) => present.has(f);
  const period = periodOf(structure);
  const exitCtx: ExitContext = {
    kind: structure.kind,
    periodStart: period.start,
    periodEnd: period.end,
    config,
    motifs,
  };

  // Persons as indices (first row, summed hours) rather than objects: 100 000 rows allocate nothing per row.
  // Only a person with several rows gets a merged attribute object (rare).
  const byIdentity = new IdentityIndex(rows.length);
  const firstRow = new Int32Array(rows.length);
  const personHours = new Float64Array(rows.length);
  let personCount = 0;
  let merged: Map<number, Person> | null = null;
  let hoursAll = 0;
  let hoursRsa = 0;
  let exits = 0;
  let withdrawn = 0;
  let tooShort = 0;
  let examined = 0;
  let durable = 0;
  let transition = 0;
  let positive = 0;
  let other = 0;
  let unknownCategory = 0;
  let rsaDurableOrTraining = 0;
  let pathMonthsSum = 0;
  let pathCount = 0;

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!isInReport(row, period.end)) continue;
    const h = countedHours(row.hoursWorked);
    hoursAll += h;
    if (isRsa(row.rsa)) hoursRsa += h;

    const id = row.identity;
    const known = id === null ? -1 : byIdentity.personOrAdd(id, personCount);
    if (known < 0) {
      firstRow[personCount] = i;
      personHours[personCount] = h;
      personCount++;
    } else {
      personHours[known] += h;
      merged ??= new Map();
      let p = merged.get(known);
      if (p === undefined) {
        p = personFrom(rows[firstRow[known]]);
        merged.set(known, p);
      }
      fillBlanks(p, row);
    }

    if (row.exitDate === null) continue;
    const exit = classifyExit(row, exitCtx);
    switch (exit.status) {
      case "none":
      case "outside":
        break;
      case "withdrawn":
        exits++;
        withdrawn++;
        break;
      case "tooShort":
        exits++;
        tooShort++;
        break;
      case "examined": {
        exits++;
        examined++;
        const cat = exit.category;
        if (cat === "durable") durable++;
        else if (cat === "transition") transition++;
        else if (cat === "positive") positive++;
        else if (cat === "other") other++;
        else unknownCategory++;
        if (isRsa(row.rsa)) {
          const training = row.exitMotif !== null && motifs.byKey(row.exitMotif)?.qualifyingTraining === true;
          if (cat === "durable" || training) rsaDurableOrTraining++;
        }
        // An exit before the hire (an error finding) has no length to average.
        if (row.hireDate !== null && row.exitDate >= row.hireDate) {
          pathMonthsSum += monthsBetween(row.hireDate, row.exitDate);
          pathCount++;
        }
        break;
      }
    }
  }

  // Distinct persons with ≥ 1 h in the period.
  const endYear = period.end === null ? null : yearOfIso(structure.periodEnd as string);
  let employees = 0;
  let women = 0;
  let men = 0;
  let sexUnknown = 0;
  let rsa = 0;
  let rsaUnknown = 0;
  let qpv = 0;
  let qpvUnknown = 0;
  let zrr = 0;
  let zrrUnknown = 0;
  let under26 = 0;
  let age50plus = 0;
  let ageUnknown = 0;
  let deld = 0;
  let detld = 0;
  let ftUnknown = 0;
  let rqth = 0;
  let rqthUnknown = 0;
  let ass = 0;
  let aah = 0;
  let belowCap = 0;
  let capBep = 0;
  let nonCertified = 0;
  // One lookup per employee: code → bit mask of the levels it belongs to (a department may list a code twice).
  const eduLevels = new Map<string, number>();
  const addLevel = (codes: readonly string[], bit: number) => {
    for (const c of codes) eduLevels.set(c, (eduLevels.get(c) ?? 0) | bit);
  };
  addLevel(config.education.belowCap, 1);
  addLevel(config.education.capBep, 2);
  addLevel(config.education.nonCertified, 4);
  const { youngUnder, seniorFrom } = config.age;

  for (let i = 0; i < personCount; i++) {
    if (personHours[i] < MIN_HOURS_EMPLOYEE) continue;
    const p: Person = (merged !== null && merged.get(i)) || rows[firstRow[i]];
    employees++;
    if (p.sex === "F") women++;
    else if (p.sex === "H") men++;
    else sexUnknown++;
    if (p.rsa === null) rsaUnknown++;
    else if (isRsa(p.rsa)) rsa++;
    if (p.qpv === null) qpvUnknown++;
    else if (p.qpv) qpv++;
    if (p.zrr === null) zrrUnknown++;
    else if (p.zrr) zrr++;
    if (p.birthYear === null || endYear === null) ageUnknown++;
    else {
      const age = endYear - p.birthYear;
      if (age < youngUnder) under26++;
      if (age >= seniorFrom) age50plus++;
    }
    if (p.ftDuration === null) ftUnknown++;
    else if (p.ftDuration === "03") deld++;
    else if (p.ftDuration === "04") detld++;
    if (p.rqth === null) rqthUnknown++;
    else if (p.rqth) rqth++;
    if (p.ass === true) ass++;
    if (p.aah === true) aah++;
    if (p.educationLevel !== null) {
      const levels = eduLevels.get(p.educationLevel);
      if (levels !== undefined) {
        if (levels & 1) belowCap++;
        if (levels & 2) capBep++;
        if (levels & 4) nonCertified++;
      }
    }
  }

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
