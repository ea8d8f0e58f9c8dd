import type { ExitCategory, RulesConfig } from "../model/config";
import type { Kind } from "../model/kinds";
import type { DayNumber, PersonRow } from "../model/person";
import type { MotifIndex } from "../config/motifs";
import { addMonths } from "../dates/day-number";

/**
 * How an exit counts (domain §4.2), shared by the exit rules and the indicators so they never disagree.
 * - none: no exit date;  outside: dated outside the period (not an exit of this period);
 * - withdrawn: "retrait" category, whatever its length;  tooShort: below the minimum stay;
 * - examined: counted in the rates, with its category (null = motif missing or unknown: counted apart).
 */
export type ExitStatus =
  | { status: "none" }
  | { status: "outside" }
  | { status: "withdrawn" }
  | { status: "tooShort" }
  | { status: "examined"; category: Exclude<ExitCategory, "withdrawn"> | null };

export interface ExitContext {
  kind: Kind | null;
  periodStart: DayNumber | null;
  periodEnd: DayNumber | null;
  config: RulesConfig;
  motifs: MotifIndex;
}

/**
 * The one place an ExitContext is built: every context then has the same shape (one object literal),
 * which the long-lived ones keep alive for the optimised code that reads them (see KEEP_TALLY_SHAPE).
 */
export function exitContext(
  kind: Kind | null,
  periodStart: DayNumber | null,
  periodEnd: DayNumber | null,
  config: RulesConfig,
  motifs: MotifIndex,
): ExitContext {
  return { kind, periodStart, periodEnd, config, motifs };
}

type ExitFields = Pick<PersonRow, "hireDate" | "exitDate" | "exitMotif" | "hoursWorked" | "hoursSinceHire">;

export function classifyExit(row: ExitFields, ctx: ExitContext): ExitStatus {
  const exit = row.exitDate;
  if (exit === null) return { status: "none" };
  if ((ctx.periodStart !== null && exit < ctx.periodStart) || (ctx.periodEnd !== null && exit > ctx.periodEnd)) {
    return { status: "outside" };
  }
  const motif = row.exitMotif === null ? undefined : ctx.motifs.byKey(row.exitMotif);
  if (motif?.category === "withdrawn") return { status: "withdrawn" };
  if (isTooShort(row, ctx)) return { status: "tooShort" };
  return { status: "examined", category: motif ? (motif.category as Exclude<ExitCategory, "withdrawn">) : null };
}

/** Minimum stay: ACI/EI months after hire; AI/ETTI hours in the structure (else the period's hours); EITI none. */
export function isTooShort(row: ExitFields, ctx: Pick<ExitContext, "kind" | "config">): boolean {
  if (ctx.kind === null || row.exitDate === null) return false;
  const stay = ctx.config.minimumStay[ctx.kind];
  if (!stay) return false;
  if ("months" in stay) {
    // Without a hire date the stay cannot be measured: the exit is examined rather than silently dropped.
    if (row.hireDate === null) return false;
    return row.exitDate < addMonths(row.hireDate, stay.months);
  }
  const hours = row.hoursSinceHire ?? row.hoursWorked;
  if (hours === null) return false;
  return hours < stay.hours;
}
