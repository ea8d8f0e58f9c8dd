import type { PersonRow } from "./model/person";
import type { RowSink } from "./read/read-rows";
import type { RowRule } from "./rules/rule-env";
import { KEEP_TALLY_SHAPE, type RowTally } from "./indicators/row-tally";

/** Rows checked together: the reader refills this many row objects in turn (see RowReader.readEach). */
export const PASS_CHUNK = 32;

/**
 * The single pass of analyzeWorkbook: each row, once read, goes through every row rule family and the
 * indicators' row tally, in sheet order. Neither keeps the row, so checking and counting 100 000 rows
 * builds no row objects: they were most of an analysis's memory, and allocating memory most of what
 * reading cost. Rows are taken in chunks of PASS_CHUNK: reading 32 rows, then checking 32, runs each
 * loop's code and branch history warm, where one row at a time alternated between them (measured 15 %
 * slower). A class, so `take` and `flush` are optimised once for every analysis.
 */
export class RowPass implements RowSink {
  /**
   * Each rule's `check`, looked up once: `rules[r].check` on seven kinds of rule objects is a megamorphic
   * property load (a generic look-up per row and rule); calling a held function with its rule is not.
   */
  private readonly checks: ((this: RowRule, row: PersonRow) => void)[];
  /** The rows taken since the last flush: chunk[0…count - 1] (a fixed array: no reallocation per chunk). */
  private readonly chunk: PersonRow[] = [];
  private count = 0;

  constructor(
    private readonly rules: readonly RowRule[],
    private readonly tally: RowTally,
  ) {
    this.checks = rules.map((r) => r.check);
  }

  take(row: PersonRow): void {
    const chunk = this.chunk;
    if (this.count === chunk.length) chunk.push(row);
    else chunk[this.count] = row;
    if (++this.count === PASS_CHUNK) this.flush();
  }

  /** Checks and counts the rows taken since the last flush; call once more after the last row. */
  flush(): void {
    const chunk = this.chunk;
    const n = this.count;
    const rules = this.rules;
    const checks = this.checks;
    for (let i = 0; i < n; i++) {
      const row = chunk[i];
      for (let r = 0; r < rules.length; r++) checks[r].call(rules[r], row);
      this.tally.add(row);
    }
    this.count = 0;
  }
}

/**
 * A pass that lives as long as the module. V8 holds object shapes only weakly: once every pass of a run
 * is garbage, a full GC frees the shape and throws away the optimised take and flush (with the checks
 * inlined into them), to be re-optimised by the next workbook. One live instance keeps the shape.
 */
export const KEEP_PASS_SHAPE = new RowPass([], KEEP_TALLY_SHAPE);
