import type { Kind } from "./kinds";

export type ExitCategory = "durable" | "transition" | "positive" | "other" | "withdrawn";

/** One row of the exit-motif table (shared/spec/exit-motifs.csv). */
export interface ExitMotif {
  /** ASP code, or null for motifs whose code is unknown (matched by label/aliases only). */
  code: string | null;
  label: string;
  aliases: string[];
  category: ExitCategory;
  confidence: "high" | "medium" | "low";
  /** Motif 5-like flag: qualifying training (counts in rsaExitsDurableOrTraining). */
  qualifyingTraining?: boolean;
}

/** Minimum stay before an exit is examined (domain §4.2): months after hire, or hours worked, or none. */
export type MinimumStay = { months: number } | { hours: number } | null;

/**
 * The rules configuration: every [S]/[P] fact of the domain is a setting here.
 * Shipped defaults live in src/core/config/defaults.ts; a department's override is merged on top.
 */
export interface RulesConfig {
  /** Version of the rules and defaults, stamped on outputs ("rules version"). */
  rulesVersion: string;
  annualHoursPerFte: Record<Kind, number>;
  minimumStay: Record<Kind, MinimumStay>;
  age: { min: number; max: number; youngUnder: number; seniorFrom: number };
  weeklyHours: { min: number; minKinds: Kind[]; max: number };
  contract: { minMonths: number; minKinds: Kind[]; maxMonths: number; maxMonthsWithDerogation: number };
  /** hours-implausible: more than this many hours per week of presence. */
  maxHoursPerWeek: number;
  period: { maxDays: number };
  /** unknown-share-high: share of "Sans nouvelle"/unknown-category exits above which a warning is raised. */
  unknownExitShareMax: number;
  /** Motif codes counted as "no news" for unknown-share-high. */
  noNewsMotifCodes: string[];
  /** Cap of listed findings per rule code (true counts are always kept). */
  findingsCapPerRule: number;
  targets: { rateDynamic: number; rateDurable: number; rateTransition?: number; ratePositive?: number };
  education: { belowCap: string[]; capBep: string[]; nonCertified: string[] };
  exitMotifs: ExitMotif[];
}

/** A department's override: any subset, deep-merged on top of the defaults (arrays replace). */
export type RulesConfigOverride = DeepPartial<RulesConfig>;
type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;
