import type { RulesConfig } from "../model/config";
import { DEFAULT_CONFIG } from "../config/defaults";
import type { RowTally } from "./row-tally";
import { MIN_HOURS_EMPLOYEE } from "./population";
import { FT_03, FT_04, NOT_FILLED, RSA_YES, SEX_F, SEX_H, YES, type PersonTable } from "./person-table";

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
    const persons = tally.persons;
    const n = persons.size;
    const hours = persons.hours;
    for (let i = 0; i < n; i++) if (hours[i] >= MIN_HOURS_EMPLOYEE) this.add(persons, i);
  }

  /** Person i of the table. */
  add(p: PersonTable, i: number): void {
    this.employees++;
    const sex = p.sex[i];
    if (sex === SEX_F) this.women++;
    else if (sex === SEX_H) this.men++;
    else this.sexUnknown++;
    const rsa = p.rsa[i];
    if (rsa === NOT_FILLED) this.rsaUnknown++;
    else if (rsa === RSA_YES) this.rsa++;
    const qpv = p.qpv[i];
    if (qpv === NOT_FILLED) this.qpvUnknown++;
    else if (qpv === YES) this.qpv++;
    const zrr = p.zrr[i];
    if (zrr === NOT_FILLED) this.zrrUnknown++;
    else if (zrr === YES) this.zrr++;
    const birthYear = p.birthYear[i];
    if (Number.isNaN(birthYear) || this.endYear === null) this.ageUnknown++;
    else {
      const age = this.endYear - birthYear;
      if (age < this.youngUnder) this.under26++;
      if (age >= this.seniorFrom) this.age50plus++;
    }
    const ft = p.ft[i];
    if (ft === NOT_FILLED) this.ftUnknown++;
    else if (ft === FT_03) this.deld++;
    else if (ft === FT_04) this.detld++;
    const rqth = p.rqth[i];
    if (rqth === NOT_FILLED) this.rqthUnknown++;
    else if (rqth === YES) this.rqth++;
    if (p.ass[i] === YES) this.ass++;
    if (p.aah[i] === YES) this.aah++;
    const education = p.education[i];
    if (education !== null) {
      const levels = this.eduLevels.get(education);
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
