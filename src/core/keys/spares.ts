/**
 * Released scratch tables kept for the next analysis. Fresh memory is not free: the system maps each page
 * on its first touch, and growing arrays copy themselves; on a 100 000-row workbook the tables of one
 * analysis (identities, names, persons) cost more to allocate than to fill. Bounded: at most `max` kept,
 * the oldest dropped first. Analyses are synchronous, so a table is taken and given back within one.
 */
export class Spares<T> {
  private readonly items: T[] = [];

  constructor(private readonly max: number) {}

  /** A kept table that `fits`, removed from the spares; undefined when none does. */
  take(fits: (t: T) => boolean): T | undefined {
    for (let k = 0; k < this.items.length; k++) {
      const t = this.items[k];
      if (fits(t)) {
        this.items.splice(k, 1);
        return t;
      }
    }
    return undefined;
  }

  /** Keeps an emptied table (once: giving the same table twice is ignored). */
  give(t: T): void {
    if (this.items.includes(t)) return;
    if (this.items.length === this.max) this.items.shift();
    this.items.push(t);
  }
}
