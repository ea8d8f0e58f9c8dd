import { randomUUID } from "node:crypto";
import type BetterSqlite3 from "better-sqlite3";
import type { QuotaConfig } from "../config";
import { quotaRefusal, type QuotaRefusal } from "../quotas";
import type { AuditEntry } from "./repositories/audit";
import { isUniqueViolation } from "./unique-violation";

/**
 * What the SQLite writer needs to store one submission: plain strings, numbers and the payload's bytes, so
 * the message to the writer thread is cheap to copy (the payload is not parsed over there).
 */
export interface SubmissionWrite {
  structureId: number;
  tokenId: number;
  kind: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  schemaVersion: number;
  clientIndicatorsJson: string;
  indicatorsJson: string;
  mismatch: boolean;
  valid: boolean;
  counts: { error: number; warning: number; info: number };
  /** The canonical JSON payload, UTF-8 (stored as text). */
  payload: Uint8Array;
  employeeKeysText: string;
  employeesUnkeyed: number;
  /** One character per record, '1' when it is one of the report's employees. */
  employeeFlagsText: string;
  recordCount: number;
  contentHash: string;
  idempotencyKey: string;
  audit: Omit<AuditEntry, "action" | "target">;
  /** The structure's quotas, checked in the writing transaction (null: none). */
  quotas: QuotaConfig | null;
}

/** The stored row behind a receipt (the receipt itself is built by the caller). */
export interface StoredRow {
  public_id: string;
  kind: string;
  period: string;
  version: number;
  received_at: string;
  indicators: string;
  indicators_mismatch: number;
  content_hash: string;
}

export type WriteRequest = { type: "submission"; s: SubmissionWrite } | { type: "audit"; e: AuditEntry };

export type WriteResult =
  | { ok: true; created: StoredRow }
  /** Same idempotency key stored before: the caller answers a replay or a conflict from this row. */
  | { ok: true; existing: StoredRow }
  | { ok: true }
  /** Over a quota, and no submission with this key stored before: nothing written. */
  | { ok: true; quota: QuotaRefusal }
  | { ok: false; message: string };

/**
 * The hub's SQLite write path on a raw better-sqlite3 connection with prepared statements (no query
 * building per request). A batch is one transaction, hence one fsync; each request inside it runs in its
 * own savepoint, so a failing one is rolled back alone.
 */
export class SqliteStore {
  private readonly maxVersion;
  private readonly periodUsage;
  private readonly structureBytes;
  private readonly insertSubmission;
  private readonly insertBlob;
  private readonly insertKeys;
  private readonly insertAudit;
  private readonly findByKey;
  private readonly one;
  private readonly batch;

  constructor(private readonly db: BetterSqlite3.Database) {
    this.maxVersion = db.prepare<[number, string, string], { v: number | null }>("select max(version) as v from submissions where structure_id = ? and kind = ? and period = ?");
    this.periodUsage = db.prepare<[number, string], { versions: number; bytes: number }>(
      "select count(*) as versions, coalesce(sum(payload_bytes), 0) as bytes from submissions where structure_id = ? and period = ?",
    );
    this.structureBytes = db.prepare<[number], { bytes: number }>("select coalesce(sum(payload_bytes), 0) as bytes from submissions where structure_id = ?");
    this.insertSubmission = db.prepare(
      `insert into submissions (public_id, structure_id, token_id, kind, period, period_start, period_end, schema_version,
        client_indicators, indicators, indicators_mismatch, valid, errors, warnings, infos, record_count, employees_unkeyed,
        content_hash, idempotency_key, received_at, version, payload_bytes)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // The bytes are bound as a blob and stored as the text they are (UTF-8), without a string in between.
    this.insertBlob = db.prepare("insert into submission_blobs (submission_id, payload) values (?, cast(? as text))");
    this.insertKeys = db.prepare("insert into submission_keys (submission_id, employee_keys, employee_flags) values (?, ?, ?)");
    this.insertAudit = db.prepare("insert into audit_log (at, actor, action, target, ip, status, details) values (?, ?, ?, ?, ?, ?, ?)");
    this.findByKey = db.prepare<[number, string], StoredRow>(
      "select public_id, kind, period, version, received_at, indicators, indicators_mismatch, content_hash from submissions where structure_id = ? and idempotency_key = ?",
    );
    // Nested better-sqlite3 transactions are savepoints.
    this.one = db.transaction((r: WriteRequest): WriteResult => (r.type === "audit" ? (this.audit(r.e), { ok: true }) : this.submissionWithin(r.s)));
    this.batch = db.transaction((rs: readonly WriteRequest[]): WriteResult[] => rs.map((r) => this.tryOne(r)));
  }

  /** Writes the requests in one transaction; a result per request, in order. Throws when the COMMIT fails. */
  write(requests: readonly WriteRequest[]): WriteResult[] {
    // IMMEDIATE: the write lock is taken (waiting busy_timeout) before the first read. A deferred transaction
    // that read first would fail at once with SQLITE_BUSY if another connection (the CLI adding a structure,
    // say) wrote in between.
    return this.batch.immediate(requests);
  }

  private tryOne(r: WriteRequest): WriteResult {
    try {
      return this.one(r);
    } catch (e) {
      if (r.type === "submission" && isUniqueViolation(e)) {
        const existing = this.findByKey.get(r.s.structureId, r.s.idempotencyKey);
        if (existing) return { ok: true, existing };
      }
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
  }

  private audit(e: AuditEntry): void {
    this.insertAudit.run(new Date().toISOString(), e.actor, e.action, e.target ?? null, e.ip ?? null, e.status ?? null, e.details ?? null);
  }

  /**
   * Within quota: stored. Over it: a replay of a key already stored is still answered (a client resending its
   * last version must get its receipt); anything else is refused. One writer: the check cannot race.
   */
  private submissionWithin(s: SubmissionWrite): WriteResult {
    if (s.quotas) {
      const period = this.periodUsage.get(s.structureId, s.period) ?? { versions: 0, bytes: 0 };
      const usage = { versions: period.versions, periodBytes: period.bytes, structureBytes: this.structureBytes.get(s.structureId)?.bytes ?? 0 };
      const refusal = quotaRefusal(usage, s.payload.byteLength, s.quotas, s.period);
      if (refusal) {
        const existing = this.findByKey.get(s.structureId, s.idempotencyKey);
        return existing ? { ok: true, existing } : { ok: true, quota: refusal };
      }
    }
    return { ok: true, created: this.submission(s) };
  }

  private submission(s: SubmissionWrite): StoredRow {
    // One writer connection, one transaction at a time: max(version) + 1 cannot race.
    const version = (this.maxVersion.get(s.structureId, s.kind, s.period)?.v ?? 0) + 1;
    const receivedAt = new Date().toISOString();
    const publicId = randomUUID();
    const id = this.insertSubmission.run(
      publicId, s.structureId, s.tokenId, s.kind, s.period, s.periodStart, s.periodEnd, s.schemaVersion,
      s.clientIndicatorsJson, s.indicatorsJson, s.mismatch ? 1 : 0, s.valid ? 1 : 0, s.counts.error, s.counts.warning, s.counts.info,
      s.recordCount, s.employeesUnkeyed, s.contentHash, s.idempotencyKey, receivedAt, version, s.payload.byteLength,
    ).lastInsertRowid;
    this.insertBlob.run(id, s.payload);
    // The records stay in the payload (person_records is a view over it, migration 004).
    this.insertKeys.run(id, s.employeeKeysText, s.employeeFlagsText);
    this.audit({ ...s.audit, action: "submission.create", target: publicId, details: `${s.kind} ${s.period} v${version}` });
    return { public_id: publicId, kind: s.kind, period: s.period, version, received_at: receivedAt, indicators: s.indicatorsJson, indicators_mismatch: s.mismatch ? 1 : 0, content_hash: s.contentHash };
  }
}
