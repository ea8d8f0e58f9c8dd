import type { RulesConfig } from "../model/config";
import { DEFAULT_CONFIG } from "../config/defaults";
import type { RowTally } from "./row-tally";
import { MIN_HOURS_EMPLOYEE } from "./population";
import { FT_03, FT_04, NOT_FILLED, RSA_YES, SEX_F, SEX_H, SEX_OTHER, YES } from "./person-table";

// Where each attribute's counts start in PersonTally.counts: one slot per code of person-table.ts, so
// that a person is counted by adding 1 at [start + code] (no branch on values that vary at random from
// one person to the next, each a likely misprediction).
const SEX = 0; // 4 codes
const RSA = 4; // 3 codes
const QPV = 7;
const ZRR = 10;
const FT = 13; // 4 codes
const RQTH = 17;
const ASS = 20;
const AAH = 23;
const YOUNG = 26;
const SENIOR = 27;
const AGE_UNKNOWN = 28;
/** 8 slots: the bit mask of education levels a person's code belongs to (1 below CAP, 2 CAP/BEP, 4 non-certified). */
const LEVELS = 29;
const SLOTS = 37;

/**
 * The per-employee pass of the indicators: counts of distinct persons with ≥ 1 h in the period.
 * A class with the loop as one method, for the same reason as RowTally (optimised once, not per report).
 */
export class PersonTally {
  /** Education code → bit mask of the levels it belongs to (a department may list a code twice). */
  private readonly eduLevels = new Map<string, number>();
  /**
   * The same for the two-digit codes (every ASP code), indexed by their value: a Map look-up per person
   * was half of this pass.
   */
  private readonly eduLevelsByDigits = new Uint8Array(100);
  private readonly youngUnder: number;
  private readonly seniorFrom: number;
  private readonly counts = new Int32Array(SLOTS);
  employees = 0;

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
    const p = tally.personTable();
    const n = p.size;
    const { hours, sex, rsa, qpv, zrr, ft, rqth, ass, aah, birthYear, education } = p;
    const c = this.counts;
    const levels = this.eduLevels;
    const byDigits = this.eduLevelsByDigits;
    const hasEnd = this.endYear !== null;
    const endYear = this.endYear ?? 0;
    const youngUnder = this.youngUnder;
    const seniorFrom = this.seniorFrom;
    let employees = 0;
    for (let i = 0; i < n; i++) {
      if (!(hours[i] >= MIN_HOURS_EMPLOYEE)) continue;
      employees++;
      c[SEX + sex[i]]++;
      c[RSA + rsa[i]]++;
      c[QPV + qpv[i]]++;
      c[ZRR + zrr[i]]++;
      c[FT + ft[i]]++;
      c[RQTH + rqth[i]]++;
      c[ASS + ass[i]]++;
      c[AAH + aah[i]]++;
      const year = birthYear[i];
      if (Number.isNaN(year) || !hasEnd) c[AGE_UNKNOWN]++;
      else {
        const age = endYear - year;
        c[YOUNG] += age < youngUnder ? 1 : 0;
        c[SENIOR] += age >= seniorFrom ? 1 : 0;
      }
      const code = education[i];
      if (code !== null) {
        const d = twoDigits(code);
        c[LEVELS + (d >= 0 ? byDigits[d] : (levels.get(code) ?? 0))]++;
      }
    }
    this.employees += employees;
  }

  get women(): number {
    return this.counts[SEX + SEX_F];
  }
  get men(): number {
    return this.counts[SEX + SEX_H];
  }
  /** Not filled, or a value other than F and H. */
  get sexUnknown(): number {
    return this.counts[SEX + NOT_FILLED] + this.counts[SEX + SEX_OTHER];
  }
  get rsa(): number {
    return this.counts[RSA + RSA_YES];
  }
  get rsaUnknown(): number {
    return this.counts[RSA + NOT_FILLED];
  }
  get qpv(): number {
    return this.counts[QPV + YES];
  }
  get qpvUnknown(): number {
    return this.counts[QPV + NOT_FILLED];
  }
  get zrr(): number {
    return this.counts[ZRR + YES];
  }
  get zrrUnknown(): number {
    return this.counts[ZRR + NOT_FILLED];
  }
  get under26(): number {
    return this.counts[YOUNG];
  }
  get age50plus(): number {
    return this.counts[SENIOR];
  }
  get ageUnknown(): number {
    return this.counts[AGE_UNKNOWN];
  }
  get deld(): number {
    return this.counts[FT + FT_03];
  }
  get detld(): number {
    return this.counts[FT + FT_04];
  }
  get ftUnknown(): number {
    return this.counts[FT + NOT_FILLED];
  }
  get rqth(): number {
    return this.counts[RQTH + YES];
  }
  get rqthUnknown(): number {
    return this.counts[RQTH + NOT_FILLED];
  }
  get ass(): number {
    return this.counts[ASS + YES];
  }
  get aah(): number {
    return this.counts[AAH + YES];
  }
  get belowCap(): number {
    return this.withLevel(1);
  }
  get capBep(): number {
    return this.withLevel(2);
  }
  get nonCertified(): number {
    return this.withLevel(4);
  }

  /** Persons whose education code belongs to the level `bit`. */
  private withLevel(bit: number): number {
    let n = 0;
    for (let mask = 1; mask < 8; mask++) if (mask & bit) n += this.counts[LEVELS + mask];
    return n;
  }

  private addLevel(codes: readonly string[], bit: number): void {
    for (const c of codes) {
      this.eduLevels.set(c, (this.eduLevels.get(c) ?? 0) | bit);
      const d = twoDigits(c);
      if (d >= 0) this.eduLevelsByDigits[d] |= bit;
    }
  }
}

/** The value of a code of exactly two ASCII digits ("05" → 5), else -1. */
function twoDigits(code: string): number {
  if (code.length !== 2) return -1;
  const a = code.charCodeAt(0) - 48;
  const b = code.charCodeAt(1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Keeps the PersonTally shape alive between reports (see KEEP_TALLY_SHAPE in row-tally.ts). */
export const KEEP_PERSONS_SHAPE = new PersonTally(DEFAULT_CONFIG, null);
