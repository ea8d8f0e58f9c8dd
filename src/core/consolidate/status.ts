import type { Severity } from "../model/findings";
import type { Kind } from "../model/kinds";

/** The latest submission of one structure and kind, as the hub's follow-up list shows it. */
export interface SubmissionSummary {
  id: string;
  version: number;
  /** ISO 8601 timestamp given by the hub. */
  receivedAt: string;
  valid: boolean;
  counts: Record<Severity, number>;
}

/** One expected report (a structure and one of its kinds): submitted or missing. */
export interface StructureStatus {
  siret: string;
  name: string;
  kind: Kind;
  status: "submitted" | "missing";
  submission: SubmissionSummary | null;
}

/** GET /api/v1/structures/status: the department's follow-up list for one period (shared by hub and pane). */
export interface StructuresStatus {
  period: string;
  summary: { expected: number; submitted: number; missing: number };
  structures: StructureStatus[];
}

/** File mode: one returned file, read (its structure, period and validity) or unreadable (its French error). */
export interface ReceivedFile {
  file: string;
  siret: string | null;
  name: string | null;
  kind: Kind | null;
  periodStart: string | null;
  periodEnd: string | null;
  /** Null when the file could not be read. */
  valid: boolean | null;
  errors: number;
  /** The reader's French message for an unreadable file. */
  error: string | null;
}

/** Where the "Suivi des envois" sheet comes from: the hub's list, or the files received. */
export type FollowUp =
  { source: "hub"; status: StructuresStatus } | { source: "files"; files: ReceivedFile[] };
