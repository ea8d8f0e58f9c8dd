import { EntryInts, PassEntries } from "./pass-entries";

/**
 * Identity text → the number of the person first seen with it. Identities are nearly always 12-digit
 * PASS numbers: those go to a typed FirstRowTable as numbers (a string Map costs a hash lookup and
 * several cache misses per row); the others (lettered PASS, names + birth date) to a Map. The two never
 * overlap: a text goes to the table exactly when it is 12 digits.
 */
export class IdentityIndex {
  private readonly passes: PassEntries;
  private readonly ownPasses: boolean;
  /** Person + 1 of each PASS entry (0: no person yet). */
  private readonly persons: EntryInts;
  private readonly others = new Map<string, number>();

  /** `passes`: entries shared with the duplicate-person rule in one pass (see PassEntries), else its own. */
  constructor(expected: number, passes?: PassEntries) {
    this.ownPasses = passes === undefined;
    this.passes = passes ?? new PassEntries(expected);
    this.persons = EntryInts.take(expected);
  }

  /** Hands the index's tables back for reuse (see Spares). The index must not be used afterwards. */
  release(): void {
    if (this.ownPasses) this.passes.release();
    this.persons.release();
  }

  /** The person already known under `id`, or -1 after recording `person` under it. */
  personOrAdd(id: string, person: number): number {
    const entry = this.passes.entryOfText(id);
    if (entry >= 0) {
      const known = this.persons.get(entry);
      if (known === 0) this.persons.set(entry, person + 1);
      return known - 1;
    }
    const known = this.others.get(id);
    if (known !== undefined) return known;
    this.others.set(id, person);
    return -1;
  }
}

/** Keeps the IdentityIndex shape alive between analyses (see KEEP_TABLE_SHAPE in key-table.ts). */
export const KEEP_INDEX_SHAPE = new IdentityIndex(1);
