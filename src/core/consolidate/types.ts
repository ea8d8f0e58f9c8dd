import type { Severity } from "../model/findings";
import type { Indicators } from "../model/indicators";
import type { Kind } from "../model/kinds";

/** One report to consolidate: a checked file, or a submission received by the hub. */
export interface ConsolidationInput {
  /** File path or name, or submission id: what the department sees in the report's row. */
  file: string;
  siret: string | null;
  name: string | null;
  kind: Kind | null;
  valid: boolean;
  counts: Record<Severity, number>;
  indicators: Indicators;
  /**
   * Keys of the report's employees (plain identities for files, HMAC keys for submissions — never mix the
   * two in one consolidation), so that a person employed by two structures is counted once.
   */
  personKeys: readonly string[];
  /** Employees without any key (no PASS nor name + birth date): each is a distinct person. Default 0. */
  unkeyedPersons?: number;
}

/** One row per report (domain §4.5). */
export interface ConsolidatedReport {
  file: string;
  siret: string | null;
  name: string | null;
  kind: Kind | null;
  valid: boolean;
  counts: Record<Severity, number>;
  indicators: Indicators;
}

export interface KindTotal {
  /** Distinct SIRETs (a report without SIRET counts as a structure of its own). */
  structures: number;
  reports: number;
  indicators: Indicators;
}

export interface DepartmentTotal extends KindTotal {
  /** People counted once across reports, by key. */
  distinctPersons: number;
}

/** The output of `bilan-iae consolidate --json` and of the hub's GET /api/v1/consolidation. */
export interface Consolidation {
  reports: ConsolidatedReport[];
  /** Only the kinds present, in KINDS order. */
  byKind: Partial<Record<Kind, KindTotal>>;
  total: DepartmentTotal;
}
