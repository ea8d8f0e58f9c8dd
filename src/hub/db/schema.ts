import type { Generated } from "kysely";

/**
 * Tables of the hub, as Kysely sees them. Portable types only (integer, text, double precision) so the same
 * queries run on SQLite and PostgreSQL: booleans are 0/1 integers, times ISO-8601 UTC text, JSON as text.
 */
export interface HubDatabase {
  structures: StructuresTable;
  tokens: TokensTable;
  submissions: SubmissionsTable;
  submission_blobs: SubmissionBlobsTable;
  submission_keys: SubmissionKeysTable;
  person_records: PersonRecordsTable;
  audit_log: AuditLogTable;
}

export interface StructuresTable {
  id: Generated<number>;
  siret: string;
  name: string;
  /** JSON array of kinds (one SIRET can hold two conventions, e.g. EI and ETTI). */
  kinds: string;
  created_at: string;
}

export interface TokensTable {
  id: Generated<number>;
  role: "structure" | "department";
  structure_id: number | null;
  /** SHA-256 of the token, hex. The token itself is never stored. */
  hash: string;
  label: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface SubmissionsTable {
  id: Generated<number>;
  /** Opaque id shown in receipts and URLs (random UUID: ids cannot be guessed or enumerated). */
  public_id: string;
  structure_id: number;
  token_id: number;
  kind: string;
  period: string;
  period_start: string;
  period_end: string;
  schema_version: number;
  client_indicators: string;
  indicators: string;
  indicators_mismatch: number;
  valid: number;
  errors: number;
  warnings: number;
  infos: number;
  record_count: number;
  employees_unkeyed: number;
  content_hash: string;
  idempotency_key: string;
  received_at: string;
  version: number;
  /** Bytes of the stored payload (migration 005), summed by the quotas. */
  payload_bytes: number;
}

/** Big texts of a submission, apart so that submissions rows stay small (migration 002). */
export interface SubmissionBlobsTable {
  submission_id: number;
  /** The validated payload as received (canonical JSON). */
  payload: string;
}

/** The employees' keys of a submission, apart from the payload so the consolidation reads only them (migration 003). */
export interface SubmissionKeysTable {
  submission_id: number;
  /** Employees' pseudonymous keys, newline-separated, for distinctPersons in consolidation. */
  employee_keys: string;
  /** One character per record of the payload, '1' when it is one of the report's employees (migration 004). */
  employee_flags: string;
}

/**
 * A view (migration 004) over the records of the stored payloads: read-only, one row per record, for SQL
 * queries (statistics, retention checks). Deleting a submission removes its records.
 */
export interface PersonRecordsTable {
  submission_id: number;
  idx: number;
  key: string | null;
  employee: number;
  sex: string | null;
  birth_year: number | null;
  qpv: number | null;
  zrr: number | null;
  rsa: string | null;
  ass: number | null;
  aah: number | null;
  rqth: number | null;
  ft_duration: string | null;
  education_level: string | null;
  hire_date: string | null;
  exit_date: string | null;
  exit_motif: string | null;
  hours_worked: number | null;
  hours_since_hire: number | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  /** "token:12", "cli" … never the token. */
  actor: string;
  action: string;
  target: string | null;
  ip: string | null;
  status: number | null;
  details: string | null;
}
