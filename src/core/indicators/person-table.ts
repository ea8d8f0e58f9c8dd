import type { IndicatorRow } from "./compute";
import { Spares } from "../keys/spares";
import { widen } from "../keys/widen";

/** Codes of the small attributes: 0 always means "not filled" (null), so a merge fills the zeros. */
export const NOT_FILLED = 0;
/** sex: F, H, and any other filled value (counted as unknown, as before). */
export const SEX_F = 1;
export const SEX_H = 2;
export const SEX_OTHER = 3;
/** Yes/no fields: filled but not a yes, and yes (truthy for qpv/zrr/rqth, `=== true` for ass/aah). */
export const NO = 1;
export const YES = 2;
/** rsa: "NON", or any other filled value (isRsa). */
export const RSA_NO = 1;
export const RSA_YES = 2;
/** ftDuration: another filled code, "03" (12–23 months), "04" (24 months and more). */
export const FT_OTHER = 1;
export const FT_03 = 2;
export const FT_04 = 3;

/**
 * The attributes the indicators count, one entry per distinct person, as columns: the person's first row
 * in sheet order, whose blanks later rows of the same person fill. Columns instead of a reference to the
 * row: the single pass of analyzeWorkbook refills one row object, and 100 000 retained rows (or person
 * objects) are most of the memory, hence of the time, of an analysis.
 */
export class PersonTable {
  size = 0;
  hours: Float64Array;
  sex: Uint8Array;
  /** NaN when not filled. */
  birthYear: Float64Array;
  qpv: Uint8Array;
  zrr: Uint8Array;
  rsa: Uint8Array;
  ass: Uint8Array;
  aah: Uint8Array;
  rqth: Uint8Array;
  ft: Uint8Array;
  education: (string | null)[];

  private constructor(expected: number) {
    const n = Math.max(1024, expected);
    this.hours = new Float64Array(n);
    this.sex = new Uint8Array(n);
    this.birthYear = new Float64Array(n);
    this.qpv = new Uint8Array(n);
    this.zrr = new Uint8Array(n);
    this.rsa = new Uint8Array(n);
    this.ass = new Uint8Array(n);
    this.aah = new Uint8Array(n);
    this.rqth = new Uint8Array(n);
    this.ft = new Uint8Array(n);
    this.education = new Array<string | null>(n).fill(null);
  }

  /** An empty table for about `expected` persons, reusing a released one (see Spares). */
  static take(expected: number): PersonTable {
    const n = Math.max(1024, expected);
    return SPARE.take((t) => t.hours.length >= n && t.hours.length <= 2 * n) ?? new PersonTable(n);
  }

  /**
   * Empties the table and keeps it for a later take(); the caller must not use it afterwards. Only the
   * columns a merge reads before writing need zeros; the others are written for each new person.
   */
  release(): void {
    const n = this.size;
    this.sex.fill(0, 0, n);
    this.qpv.fill(0, 0, n);
    this.zrr.fill(0, 0, n);
    this.rsa.fill(0, 0, n);
    this.ass.fill(0, 0, n);
    this.aah.fill(0, 0, n);
    this.rqth.fill(0, 0, n);
    this.ft.fill(0, 0, n);
    this.education.fill(null, 0, n);
    this.size = 0;
    if (this.hours.length <= SPARE_MAX_PERSONS) SPARE.give(this);
  }

  /** A new person from their first row; returns its index. */
  add(row: IndicatorRow, hours: number): number {
    const i = this.size++;
    if (i === this.hours.length) this.grow();
    this.hours[i] = hours;
    this.sex[i] = sexCode(row.sex);
    this.birthYear[i] = row.birthYear === null ? NaN : row.birthYear;
    this.qpv[i] = truthCode(row.qpv);
    this.zrr[i] = truthCode(row.zrr);
    this.rsa[i] = rsaCode(row.rsa);
    this.ass[i] = trueCode(row.ass);
    this.aah[i] = trueCode(row.aah);
    this.rqth[i] = truthCode(row.rqth);
    this.ft[i] = ftCode(row.ftDuration);
    this.education[i] = row.educationLevel;
    return i;
  }

  /**
   * Merges entry j, a later path of person i added as an entry of its own, into entry i: adds its hours
   * and fills what the earlier rows left blank, never overriding. Entry j is then no person (hours NaN:
   * below every threshold).
   */
  absorb(i: number, j: number): void {
    this.hours[i] += this.hours[j];
    this.hours[j] = NaN;
    if (this.sex[i] === NOT_FILLED) this.sex[i] = this.sex[j];
    if (Number.isNaN(this.birthYear[i])) this.birthYear[i] = this.birthYear[j];
    if (this.qpv[i] === NOT_FILLED) this.qpv[i] = this.qpv[j];
    if (this.zrr[i] === NOT_FILLED) this.zrr[i] = this.zrr[j];
    if (this.rsa[i] === NOT_FILLED) this.rsa[i] = this.rsa[j];
    if (this.ass[i] === NOT_FILLED) this.ass[i] = this.ass[j];
    if (this.aah[i] === NOT_FILLED) this.aah[i] = this.aah[j];
    if (this.rqth[i] === NOT_FILLED) this.rqth[i] = this.rqth[j];
    if (this.ft[i] === NOT_FILLED) this.ft[i] = this.ft[j];
    if (this.education[i] === null) this.education[i] = this.education[j];
  }

  private grow(): void {
    const n = this.hours.length * 2;
    this.hours = widen(this.hours, n);
    this.birthYear = widen(this.birthYear, n);
    this.sex = widen(this.sex, n);
    this.qpv = widen(this.qpv, n);
    this.zrr = widen(this.zrr, n);
    this.rsa = widen(this.rsa, n);
    this.ass = widen(this.ass, n);
    this.aah = widen(this.aah, n);
    this.rqth = widen(this.rqth, n);
    this.ft = widen(this.ft, n);
    const education = new Array<string | null>(n).fill(null);
    for (let i = 0; i < this.size; i++) education[i] = this.education[i];
    this.education = education;
  }
}

const SPARE = new Spares<PersonTable>(2);
const SPARE_MAX_PERSONS = 1 << 21;

// The codes below are computed without a branch on the value where it can be helped: these values
// vary at random from one row to the next, and each mispredicted branch costs more than the arithmetic.

function sexCode(v: IndicatorRow["sex"]): number {
  if (v === null) return NOT_FILLED;
  const c = v.charCodeAt(0);
  return v.length === 1 && c < 128 ? SEX_BY_CHAR[c] : SEX_OTHER;
}

/** SEX_F for "F", SEX_H for "H", SEX_OTHER for any other single character. */
const SEX_BY_CHAR = new Uint8Array(128).fill(SEX_OTHER);
SEX_BY_CHAR["F".charCodeAt(0)] = SEX_F;
SEX_BY_CHAR["H".charCodeAt(0)] = SEX_H;

/** qpv, zrr, rqth: a filled value counts as yes when truthy. */
function truthCode(v: boolean | null): number {
  return v === null ? NOT_FILLED : NO + Number(Boolean(v));
}

/** ass, aah: only `true` counts. */
function trueCode(v: boolean | null): number {
  return v === null ? NOT_FILLED : NO + Number(v === true);
}

function ftCode(v: IndicatorRow["ftDuration"]): number {
  if (v === null) return NOT_FILLED;
  const c = v.charCodeAt(1);
  return v.length === 2 && v.charCodeAt(0) === 48 && c < 128 ? FT_BY_DIGIT[c] : FT_OTHER;
}

/** "0x" codes by their second character: FT_03, FT_04, FT_OTHER for the others. */
const FT_BY_DIGIT = new Uint8Array(128).fill(FT_OTHER);
FT_BY_DIGIT["3".charCodeAt(0)] = FT_03;
FT_BY_DIGIT["4".charCodeAt(0)] = FT_04;

/** rsa: "NON" is RSA_NO, any other filled status RSA_YES (isRsa). */
function rsaCode(v: IndicatorRow["rsa"]): number {
  return v === null ? NOT_FILLED : RSA_NO + Number(v !== "NON");
}

/** Keeps the PersonTable shape alive between analyses (see KEEP_ROW_SHAPE in read/empty-row.ts). */
export const KEEP_PERSON_TABLE_SHAPE = PersonTable.take(1);
