import { FirstRowTable } from "./key-table";
import { passDigits } from "./pass-digits";

/**
 * Identity text → the number of the person first seen with it. Identities are nearly always 12-digit
 * PASS numbers: those go to a typed FirstRowTable as numbers (a string Map costs a hash lookup and
 * several cache misses per row); the others (lettered PASS, names + birth date) to a Map. The two never
 * overlap: a text goes to the table exactly when it is 12 digits.
 */
export class IdentityIndex {
  private readonly digits: FirstRowTable;
  private readonly others = new Map<string, number>();

  constructor(expected: number) {
    this.digits = FirstRowTable.take(expected);
  }

  /** Hands the index's table back for reuse (see FirstRowTable.take). The index must not be used afterwards. */
  release(): void {
    this.digits.release();
  }

  /** The person already known under `id`, or -1 after recording `person` under it. */
  personOrAdd(id: string, person: number): number {
    const value = passDigits(id);
    if (value >= 0) return this.digits.firstOrAdd(value, person + 1) - 1;
    const known = this.others.get(id);
    if (known !== undefined) return known;
    this.others.set(id, person);
    return -1;
  }
}

/** Keeps the IdentityIndex shape alive between analyses (see KEEP_TABLE_SHAPE in key-table.ts). */
export const KEEP_INDEX_SHAPE = new IdentityIndex(1);
