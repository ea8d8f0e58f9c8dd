import type { DayNumber } from "../model/person";
import { DEFAULT_CONFIG } from "../config/defaults";
import { motifIndexFor, type MotifIndex } from "../config/motifs";
import { classifyExit, exitContext, type ExitContext } from "../exits/classify-exit";
import { monthsBetween } from "../dates/day-number";
import { IdentityIndex } from "../keys/identity-index";
import type { IndicatorRow } from "./compute";
import { countedHours, isInReport } from "./population";
import { isRsa } from "./rsa";

/** The person-level attributes of one employee: a row, or a copy merged over their rows. */
export type Person = Pick<
  IndicatorRow,
  "sex" | "birthYear" | "qpv" | "zrr" | "rsa" | "ass" | "aah" | "rqth" | "ftDuration" | "educationLevel"
>;

/**
 * The per-row pass of the indicators: hours, exits, and persons grouped by identity. A class with one
 * `add` per row (not a loop inside computeIndicators) so that V8 optimises it once for every report;
 * a loop in a function called once per report was re-optimised on the fly (OSR) each time.
 * Persons are indices (first row, summed hours) rather than objects: 100 000 rows allocate nothing per
 * row. Only a person with several rows gets a merged attribute object (rare).
 */
export class RowTally {
  private readonly byIdentity: IdentityIndex;
  readonly firstRow: Int32Array;
  readonly personHours: Float64Array;
  personCount = 0;
  private merged: Map<number, Person> | null = null;
  /**
   * Hour sums (all, RSA) and the sum of path months in a Float64Array rather than number fields: a
   * field that starts at 0 (a small integer) changes representation at its first fraction, which gives
   * the object a new shape on every report, and the optimised code follows the dropped shape.
   */
  private readonly sums = new Float64Array(3);
  exits = 0;
  withdrawn = 0;
  tooShort = 0;
  examined = 0;
  durable = 0;
  transition = 0;
  positive = 0;
  other = 0;
  unknownCategory = 0;
  rsaDurableOrTraining = 0;
  pathCount = 0;

  constructor(
    private readonly rows: readonly IndicatorRow[],
    private readonly exitCtx: ExitContext,
    private readonly periodEnd: DayNumber | null,
    private readonly motifs: MotifIndex,
  ) {
    this.byIdentity = new IdentityIndex(rows.length);
    this.firstRow = new Int32Array(rows.length);
    this.personHours = new Float64Array(rows.length);
  }

  get hoursAll(): number {
    return this.sums[0];
  }

  get hoursRsa(): number {
    return this.sums[1];
  }

  get pathMonthsSum(): number {
    return this.sums[2];
  }

  /** Every row, in sheet order. The loop is the whole method, so its optimised code has nothing after it to miss. */
  addAll(): void {
    const rows = this.rows;
    for (let i = 0; i < rows.length; i++) this.add(rows[i], i);
  }

  /** Row i of `rows`. */
  add(row: IndicatorRow, i: number): void {
    if (!isInReport(row, this.periodEnd)) return;
    const h = countedHours(row.hoursWorked);
    this.sums[0] += h;
    if (isRsa(row.rsa)) this.sums[1] += h;

    const id = row.identity;
    const known = id === null ? -1 : this.byIdentity.personOrAdd(id, this.personCount);
    if (known < 0) {
      this.firstRow[this.personCount] = i;
      this.personHours[this.personCount] = h;
      this.personCount++;
    } else {
      this.personHours[known] += h;
      this.merge(known, row);
    }
    if (row.exitDate !== null) this.addExit(row, row.exitDate);
  }

  /** The attributes of person i (their first row, or the merge of their rows). */
  person(i: number): Person {
    return (this.merged !== null && this.merged.get(i)) || this.rows[this.firstRow[i]];
  }

  /** A later path of the same person fills what the earlier ones left blank; it never overrides a value. */
  private merge(known: number, row: IndicatorRow): void {
    this.merged ??= new Map();
    let p = this.merged.get(known);
    if (p === undefined) {
      p = personFrom(this.rows[this.firstRow[known]]);
      this.merged.set(known, p);
    }
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

  private addExit(row: IndicatorRow, exitDate: DayNumber): void {
    const exit = classifyExit(row, this.exitCtx);
    switch (exit.status) {
      case "none":
      case "outside":
        break;
      case "withdrawn":
        this.exits++;
        this.withdrawn++;
        break;
      case "tooShort":
        this.exits++;
        this.tooShort++;
        break;
      case "examined": {
        this.exits++;
        this.examined++;
        const cat = exit.category;
        if (cat === "durable") this.durable++;
        else if (cat === "transition") this.transition++;
        else if (cat === "positive") this.positive++;
        else if (cat === "other") this.other++;
        else this.unknownCategory++;
        if (isRsa(row.rsa)) {
          const training = row.exitMotif !== null && this.motifs.byKey(row.exitMotif)?.qualifyingTraining === true;
          if (cat === "durable" || training) this.rsaDurableOrTraining++;
        }
        // An exit before the hire (an error finding) has no length to average.
        if (row.hireDate !== null && exitDate >= row.hireDate) {
          this.sums[2] += monthsBetween(row.hireDate, exitDate);
          this.pathCount++;
        }
        break;
      }
    }
  }
}

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

/**
 * A tally that lives as long as the module. V8 holds object shapes only weakly: once every tally of a
 * report is garbage, a full GC frees the shape and throws away the optimised `add`, to be re-optimised
 * for the next report. One live instance keeps the shape, hence the code.
 */
export const KEEP_TALLY_SHAPE = new RowTally(
  [],
  exitContext(null, null, null, DEFAULT_CONFIG, motifIndexFor(DEFAULT_CONFIG.exitMotifs)),
  null,
  motifIndexFor(DEFAULT_CONFIG.exitMotifs),
);
