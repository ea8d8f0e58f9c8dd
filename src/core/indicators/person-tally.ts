import type { RulesConfig } from "../model/config";
import { DEFAULT_CONFIG } from "../config/defaults";
import type { Person, RowTally } from "./row-tally";
import { MIN_HOURS_EMPLOYEE } from "./population";
import { isRsa } from "./rsa";

/**
 * The per-employee pass of the indicators: counts of distinct persons with ≥ 1 h in the period.
 * A class with one `add` per employee, for the same reason as RowTally (optimised once, not per report).
 */
export class PersonTally {
  /** Education code → bit mask of the levels it belongs to (a department may list a code twice). */
  private readonly eduLevels = new Map<string, number>();
  private readonly youngUnder: number;
  private readonly seniorFrom: number;
  employees = 0;
  women = 0;
  men = 0;
  sexUnknown = 0;
  rsa = 0;
  rsaUnknown = 0;
  qpv = 0;
  qpvUnknown = 0;
  zrr = 0;
  zrrUnknown = 0;
  under26 = 0;
  age50plus = 0;
  ageUnknown = 0;
  deld = 0;
  detld = 0;
  ftUnknown = 0;
  rqth = 0;
  rqthUnknown = 0;
  ass = 0;
  aah = 0;
  belowCap = 0;
  capBep = 0;
  nonCertified = 0;

  /** `endYear`: the year of the period end, in which ages are measured (null: ages unknown). */
  constructor(
    config: RulesConfig,
    private readonly endYear: number | null,
  ) {
    this.addLevel(config.education.belowCap, 1);
    this.addLevel(config.education.capBep, 2);
    this.addLevel(config.education.nonCertified, 4);
    this.youngUnder = config.age.youngUnder;
    this.seniorFrom = config.age.seniorFrom;
  }

  /** The persons of a row tally with ≥ MIN_HOURS_EMPLOYEE hours. The loop is the whole method (see RowTally.addAll). */
  addEmployees(tally: RowTally): void {
    const n = tally.personCount;
    const hours = tally.personHours;
    for (let i = 0; i < n; i++) if (hours[i] >= MIN_HOURS_EMPLOYEE) this.add(tally.person(i));
  }

  add(p: Person): void {
    this.employees++;
    if (p.sex === "F") this.women++;
    else if (p.sex === "H") this.men++;
    else this.sexUnknown++;
    if (p.rsa === null) this.rsaUnknown++;
    else if (isRsa(p.rsa)) this.rsa++;
    if (p.qpv === null) this.qpvUnknown++;
    else if (p.qpv) this.qpv++;
    if (p.zrr === null) this.zrrUnknown++;
    else if (p.zrr) this.zrr++;
    if (p.birthYear === null || this.endYear === null) this.ageUnknown++;
    else {
      const age = this.endYear - p.birthYear;
      if (age < this.youngUnder) this.under26++;
      if (age >= this.seniorFrom) this.age50plus++;
    }
    if (p.ftDuration === null) this.ftUnknown++;
    else if (p.ftDuration === "03") this.deld++;
    else if (p.ftDuration === "04") this.detld++;
    if (p.rqth === null) this.rqthUnknown++;
    else if (p.rqth) this.rqth++;
    if (p.ass === true) this.ass++;
    if (p.aah === true) this.aah++;
    if (p.educationLevel !== null) {
      const levels = this.eduLevels.get(p.educationLevel);
      if (levels !== undefined) {
        if (levels & 1) this.belowCap++;
        if (levels & 2) this.capBep++;
        if (levels & 4) this.nonCertified++;
      }
    }
  }

  private addLevel(codes: readonly string[], bit: number): void {
    for (const c of codes) this.eduLevels.set(c, (this.eduLevels.get(c) ?? 0) | bit);
  }
}

/** Keeps the PersonTally shape alive between reports (see KEEP_TALLY_SHAPE in row-tally.ts). */
export const KEEP_PERSONS_SHAPE = new PersonTally(DEFAULT_CONFIG, null);
