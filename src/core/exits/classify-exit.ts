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

/** What classifying an exit needs of its report. */
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

// The answers, built once: classifyExit runs twice per exit (rules, indicators) and callers only read them.
const NONE: ExitStatus = Object.freeze({ status: "none" });
const OUTSIDE: ExitStatus = Object.freeze({ status: "outside" });
const WITHDRAWN: ExitStatus = Object.freeze({ status: "withdrawn" });
const TOO_SHORT: ExitStatus = Object.freeze({ status: "tooShort" });
const EXAMINED_UNKNOWN: ExitStatus = Object.freeze({ status: "examined", category: null });
const EXAMINED = new Map<string, ExitStatus>();

function examined(category: ExitCategory): ExitStatus {
  let status = EXAMINED.get(category);
  if (status === undefined) {
    status = Object.freeze({ status: "examined", category: category as Exclude<ExitCategory, "withdrawn"> });
    EXAMINED.set(category, status);
  }
  return status;
}

export function classifyExit(row: ExitFields, ctx: ExitContext): ExitStatus {
  const exit = row.exitDate;
  if (exit === null) return NONE;
  if (
    (ctx.periodStart !== null && exit < ctx.periodStart) ||
    (ctx.periodEnd !== null && exit > ctx.periodEnd)
  ) {
    return OUTSIDE;
  }
  const motif = row.exitMotif === null ? undefined : ctx.motifs.byKey(row.exitMotif);
  if (motif?.category === "withdrawn") return WITHDRAWN;
  if (isTooShort(row, ctx)) return TOO_SHORT;
  return motif ? examined(motif.category) : EXAMINED_UNKNOWN;
}

/** Minimum stay: ACI/EI months after hire; AI/ETTI hours in the structure (else the period's hours); EITI none. */
export function isTooShort(row: ExitFields, ctx: Pick<ExitContext, "kind" | "config">): boolean {
  if (ctx.kind === null || row.exitDate === null) return false;
  const stay = ctx.config.minimumStay[ctx.kind];
  if (!stay) return false;
  if ("months" in stay) {
    // Without a hire date the stay cannot be measured: the exit is examined rather than silently dropped.
    if (row.hireDate === null) return false;
    const months = stay.months;
    // n calendar months last between n × 28 and n × 31 days: most exits are decided without calendar work.
    if (Number.isInteger(months) && months >= 0) {
      const days = row.exitDate - row.hireDate;
      if (days < months * 28) return true;
      if (days >= months * 31) return false;
    }
    return row.exitDate < addMonths(row.hireDate, months);
  }
  const hours = row.hoursSinceHire ?? row.hoursWorked;
  if (hours === null) return false;
  return hours < stay.hours;
}
