import type { MotifIndex } from "../config/motifs";
import { classifyExit, type ExitContext } from "../exits/classify-exit";
import { monthsBetween } from "../dates/day-number";
import type { IndicatorRow } from "./compute";
import { isRsa } from "./rsa";

/** Exit counts of a report's rows (domain §4.1, §4.2): per row (per path), not per person. */
export interface ExitTally {
  exits: number;
  withdrawn: number;
  tooShort: number;
  examined: number;
  durable: number;
  transition: number;
  positive: number;
  other: number;
  unknownCategory: number;
  /** Examined exits whose motif is a qualifying training. */
  toTraining: number;
  rsaDurableOrTraining: number;
  /** Path lengths in months of the examined exits that have a hire date on or before the exit. */
  paths: number[];
}

export function tallyExits(rows: readonly IndicatorRow[], ctx: ExitContext, motifs: MotifIndex): ExitTally {
  const t: ExitTally = {
    exits: 0,
    withdrawn: 0,
    tooShort: 0,
    examined: 0,
    durable: 0,
    transition: 0,
    positive: 0,
    other: 0,
    unknownCategory: 0,
    toTraining: 0,
    rsaDurableOrTraining: 0,
    paths: [],
  };
  for (const row of rows) {
    if (row.exitDate === null) continue;
    const exit = classifyExit(row, ctx);
    if (exit.status === "none" || exit.status === "outside") continue;
    t.exits++;
    if (exit.status === "withdrawn") t.withdrawn++;
    else if (exit.status === "tooShort") t.tooShort++;
    else {
      t.examined++;
      const cat = exit.category;
      if (cat === "durable") t.durable++;
      else if (cat === "transition") t.transition++;
      else if (cat === "positive") t.positive++;
      else if (cat === "other") t.other++;
      else t.unknownCategory++;
      const training = row.exitMotif !== null && motifs.byKey(row.exitMotif)?.qualifyingTraining === true;
      if (training) t.toTraining++;
      if (isRsa(row.rsa) && (cat === "durable" || training)) t.rsaDurableOrTraining++;
      // An exit before the hire (an error finding) has no length to average.
      if (row.hireDate !== null && row.exitDate >= row.hireDate)
        t.paths.push(monthsBetween(row.hireDate, row.exitDate));
    }
  }
  return t;
}
