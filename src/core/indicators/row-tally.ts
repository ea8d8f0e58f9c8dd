import type { DayNumber } from "../model/person";
import { DEFAULT_CONFIG } from "../config/defaults";
import { motifIndexFor, type MotifIndex } from "../config/motifs";
import { classifyExit, exitContext, type ExitContext } from "../exits/classify-exit";
import { monthsBetween } from "../dates/day-number";
import { passDigits } from "../keys/pass-digits";
import { PassLog } from "../keys/pass-log";
import type { IndicatorRow } from "./compute";
import { countedHours, isInReport } from "./population";
import { isRsa } from "./rsa";
import { PersonTable } from "./person-table";

/**
 * The per-row pass of the indicators: hours, exits, and persons grouped by identity. A class with one
 * `add` per row (not a loop inside computeIndicators) so that V8 optimises it once for every report;
 * a loop in a function called once per report was re-optimised on the fly (OSR) each time.
 * Persons are entries of a PersonTable (columns), not objects: 100 000 rows allocate nothing per row,
 * and `add` keeps nothing of the row it is given (analyzeWorkbook hands it one refilled row object).
 */
export class RowTally {
  // Identities are nearly always 12-digit PASS numbers: each row with one gets a person entry, noted in
  // a PassLog with its value, and the entries of one PASS are merged after the pass (personTable). The
  // other identities (lettered PASS, names + birth date) are merged at once, found through a Map.
  private readonly passes: PassLog;
  private readonly others = new Map<string, number>();
  private grouped = false;
  private readonly persons: PersonTable;
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

  /** `expectedRows` sizes the tables (they grow past it). */
  constructor(
    expectedRows: number,
    private readonly exitCtx: ExitContext,
    private readonly periodEnd: DayNumber | null,
    private readonly motifs: MotifIndex,
  ) {
    this.passes = PassLog.take(expectedRows);
    this.persons = PersonTable.take(expectedRows);
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

  /**
   * The distinct persons, once every row is in: the entries of a PASS seen on several rows merged into
   * its first row's, in row order, as the other identities are row by row.
   */
  personTable(): PersonTable {
    if (!this.grouped) {
      const persons = this.persons;
      this.passes.repeats((entry, first) => persons.absorb(first, entry));
      this.grouped = true;
    }
    return this.persons;
  }

  /** After the last row and the person counts: the tables go back for the next report. */
  release(): void {
    this.passes.release();
    this.persons.release();
  }

  /** Every row, in sheet order. The loop is the whole method, so its optimised code has nothing after it to miss. */
  addAll(rows: readonly IndicatorRow[]): void {
    for (let i = 0; i < rows.length; i++) this.add(rows[i]);
  }

  /** The next row in sheet order. */
  add(row: IndicatorRow): void {
    if (!isInReport(row, this.periodEnd)) return;
    const h = countedHours(row.hoursWorked);
    this.sums[0] += h;
    if (isRsa(row.rsa)) this.sums[1] += h;

    const id = row.identity;
    const persons = this.persons;
    const entry = persons.add(row, h);
    if (id !== null) {
      const value = passDigits(id);
      if (value >= 0) this.passes.add(value, entry);
      else {
        const known = this.others.get(id);
        if (known === undefined) this.others.set(id, entry);
        else persons.absorb(known, entry);
      }
    }
    if (row.exitDate !== null) this.addExit(row, row.exitDate);
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

/**
 * A tally that lives as long as the module. V8 holds object shapes only weakly: once every tally of a
 * report is garbage, a full GC frees the shape and throws away the optimised `add`, to be re-optimised
 * for the next report. One live instance keeps the shape, hence the code.
 */
export const KEEP_TALLY_SHAPE = new RowTally(
  0,
  exitContext(null, null, null, DEFAULT_CONFIG, motifIndexFor(DEFAULT_CONFIG.exitMotifs)),
  null,
  motifIndexFor(DEFAULT_CONFIG.exitMotifs),
);
