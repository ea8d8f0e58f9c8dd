import { randomUUID } from "node:crypto";
import type BetterSqlite3 from "better-sqlite3";
import type { AuditEntry } from "./repositories/audit";
import { isUniqueViolation } from "./unique-violation";

/**
 * What the SQLite writer needs to store one submission: plain strings and numbers only, so the message to
 * the writer thread is cheap to copy (the payload travels as its canonical JSON text, parsed over there).
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
  payloadJson: string;
  employeeKeysText: string;
  employeesUnkeyed: number;
  /** Per record, 1 when it is one of the report's employees. */
  employeeFlags: Uint8Array;
  contentHash: string;
  idempotencyKey: string;
  audit: Omit<AuditEntry, "action" | "target">;
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
  | { ok: false; message: string };

interface RecordRow {
  key: string | null;
  sex: string | null;
  birthYear: number | null;
  qpv: boolean | null;
  zrr: boolean | null;
  rsa: string | null;
  ass: boolean | null;
  aah: boolean | null;
  rqth: boolean | null;
  ftDuration: string | null;
  educationLevel: string | null;
  hireDate: string | null;
  exitDate: string | null;
  exitMotif: string | null;
  hoursWorked: number | null;
  hoursSinceHire: number | null;
}

const bit = (b: boolean | null | undefined): number | null => (b === null || b === undefined ? null : b ? 1 : 0);

/**
 * The hub's SQLite write path on a raw better-sqlite3 connection with prepared statements (no query
 * building per request). A batch is one transaction, hence one fsync; each request inside it runs in its
 * own savepoint, so a failing one is rolled back alone.
 */
export class SqliteStore {
  private readonly maxVersion;
  private readonly insertSubmission;
  private readonly insertBlob;
  private readonly insertKeys;
  private readonly insertRecord;
  private readonly insertAudit;
  private readonly findByKey;
  private readonly one;
  private readonly batch;

  constructor(private readonly db: BetterSqlite3.Database) {
    this.maxVersion = db.prepare<[number, string, string], { v: number | null }>("select max(version) as v from submissions where structure_id = ? and kind = ? and period = ?");
    this.insertSubmission = db.prepare(
      `insert into submissions (public_id, structure_id, token_id, kind, period, period_start, period_end, schema_version,
        client_indicators, indicators, indicators_mismatch, valid, errors, warnings, infos, record_count, employees_unkeyed,
        content_hash, idempotency_key, received_at, version)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertBlob = db.prepare("insert into submission_blobs (submission_id, payload) values (?, ?)");
    this.insertKeys = db.prepare("insert into submission_keys (submission_id, employee_keys) values (?, ?)");
    this.insertRecord = db.prepare(
      `insert into person_records (submission_id, idx, key, employee, sex, birth_year, qpv, zrr, rsa, ass, aah, rqth,
        ft_duration, education_level, hire_date, exit_date, exit_motif, hours_worked, hours_since_hire)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertAudit = db.prepare("insert into audit_log (at, actor, action, target, ip, status, details) values (?, ?, ?, ?, ?, ?, ?)");
    this.findByKey = db.prepare<[number, string], StoredRow>(
      "select public_id, kind, period, version, received_at, indicators, indicators_mismatch, content_hash from submissions where structure_id = ? and idempotency_key = ?",
    );
    // Nested better-sqlite3 transactions are savepoints.
    this.one = db.transaction((r: WriteRequest): WriteResult => (r.type === "audit" ? (this.audit(r.e), { ok: true }) : { ok: true, created: this.submission(r.s) }));
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

  private submission(s: SubmissionWrite): StoredRow {
    // One writer connection, one transaction at a time: max(version) + 1 cannot race.
    const version = (this.maxVersion.get(s.structureId, s.kind, s.period)?.v ?? 0) + 1;
    const receivedAt = new Date().toISOString();
    const publicId = randomUUID();
    const records = (JSON.parse(s.payloadJson) as { records: RecordRow[] }).records;
    const id = this.insertSubmission.run(
      publicId, s.structureId, s.tokenId, s.kind, s.period, s.periodStart, s.periodEnd, s.schemaVersion,
      s.clientIndicatorsJson, s.indicatorsJson, s.mismatch ? 1 : 0, s.valid ? 1 : 0, s.counts.error, s.counts.warning, s.counts.info,
      records.length, s.employeesUnkeyed, s.contentHash, s.idempotencyKey, receivedAt, version,
    ).lastInsertRowid;
    this.insertBlob.run(id, s.payloadJson);
    this.insertKeys.run(id, s.employeeKeysText);
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      this.insertRecord.run(
        id, i, r.key, s.employeeFlags[i] ?? 0, r.sex, r.birthYear, bit(r.qpv), bit(r.zrr), r.rsa, bit(r.ass), bit(r.aah), bit(r.rqth),
        r.ftDuration, r.educationLevel, r.hireDate, r.exitDate, r.exitMotif, r.hoursWorked, r.hoursSinceHire,
      );
    }
    this.audit({ ...s.audit, action: "submission.create", target: publicId, details: `${s.kind} ${s.period} v${version}` });
    return { public_id: publicId, kind: s.kind, period: s.period, version, received_at: receivedAt, indicators: s.indicatorsJson, indicators_mismatch: s.mismatch ? 1 : 0, content_hash: s.contentHash };
  }
}
