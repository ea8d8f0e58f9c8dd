import type { PersonRow } from "./model/person";
import type { RowSink } from "./read/read-rows";
import type { RowRule } from "./rules/rule-env";
import type { RowTally } from "./indicators/row-tally";

/**
 * The single pass of analyzeWorkbook: each row, as soon as it is read, goes through every row rule family
 * and the indicators' row tally. Neither keeps the row (the reader refills one object for every row), so
 * checking and counting 100 000 rows builds no row objects at all: they were most of an analysis's memory,
 * and allocating memory is most of what reading cost. A class, so `take` is optimised once for every analysis.
 */
export class RowPass implements RowSink {
  constructor(
    private readonly rules: readonly RowRule[],
    private readonly tally: RowTally,
  ) {}

  take(row: PersonRow): void {
    const rules = this.rules;
    for (let r = 0; r < rules.length; r++) rules[r].check(row);
    this.tally.add(row);
  }
}
