import { randomUUID } from "node:crypto";
import { sql, type Kysely, type Transaction } from "kysely";
import type { Indicators, Kind } from "../../../core";
import type { SubmissionReceipt } from "../../../core/submission";
import type { PreparedSubmission } from "../../ingest/prepare";
import type { HubDatabase } from "../schema";
import { isUniqueViolation } from "../unique-violation";
import type { HubDb } from "../connect";
import { insertAudit, type AuditEntry } from "./audit";
import type { Dialect } from "../dialect";
import type { QuotaConfig } from "../../config";
import { quotaRefusal, type QuotaRefusal } from "../../quotas";

export type Receipt = SubmissionReceipt;

/** A prepared submission (ingest/prepare) and who sent it, with which idempotency key. */
export interface NewSubmission extends PreparedSubmission {
  structureId: number;
  tokenId: number;
  idempotencyKey: string;
  audit: Omit<AuditEntry, "action" | "target">;
  /** The structure's quotas, checked in the storing transaction; absent: none (tools, tests). */
  quotas?: QuotaConfig;
}

export type StoreOutcome =
  | { kind: "created"; receipt: Receipt }
  | { kind: "replay"; receipt: Receipt }
  | { kind: "conflict" }
  | { kind: "quota"; refusal: QuotaRefusal };

const RECEIPT_COLUMNS = [
  "public_id",
  "kind",
  "period",
  "version",
  "received_at",
  "indicators",
  "indicators_mismatch",
  "content_hash",
] as const;

function toReceipt(
  siret: string,
  r: {
    public_id: string;
    kind: string;
    period: string;
    version: number;
    received_at: string;
    indicators: string;
    indicators_mismatch: number;
  },
): Receipt {
  return {
    id: r.public_id,
    siret,
    kind: r.kind,
    period: r.period,
    version: r.version,
    receivedAt: r.received_at,
    indicators: JSON.parse(r.indicators) as Indicators,
    indicatorsMismatch: r.indicators_mismatch === 1,
  };
}

/** The stored submission for (structure, idempotency key): a replay (same content) or a conflict (other content). */
export async function findByIdempotencyKey(
  db: Kysely<HubDatabase>,
  structureId: number,
  siret: string,
  key: string,
  contentHash: string,
): Promise<StoreOutcome | undefined> {
  const r = await db
    .selectFrom("submissions")
    .select(RECEIPT_COLUMNS)
    .where("structure_id", "=", structureId)
    .where("idempotency_key", "=", key)
    .executeTakeFirst();
  if (!r) return undefined;
  return r.content_hash === contentHash
    ? { kind: "replay", receipt: toReceipt(siret, r) }
    : { kind: "conflict" };
}

const MAX_ATTEMPTS = 8;

type Trx = Transaction<HubDatabase>;

/** What the structure has stored, for its quotas: versions and bytes of the period, bytes in all. */
async function usageOf(trx: Trx, structureId: number, period: string) {
  const p = await trx
    .selectFrom("submissions")
    .select((eb) => [
      eb.fn.countAll().as("versions"),
      eb.fn.coalesce(eb.fn.sum<number>("payload_bytes"), eb.lit(0)).as("bytes"),
    ])
    .where("structure_id", "=", structureId)
    .where("period", "=", period)
    .executeTakeFirstOrThrow();
  const all = await trx
    .selectFrom("submissions")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("payload_bytes"), eb.lit(0)).as("bytes"))
    .where("structure_id", "=", structureId)
    .executeTakeFirstOrThrow();
  // PostgreSQL answers count and sum as bigint strings.
  return { versions: Number(p.versions), periodBytes: Number(p.bytes), structureBytes: Number(all.bytes) };
}

/**
 * Inserts one submission and its records inside the caller's transaction; returns its receipt, or the quota
 * it would exceed (a replay of a stored key is still answered: the caller's unique-key path finds it).
 */
async function insertOne(trx: Trx, s: NewSubmission, dialect: Dialect): Promise<Receipt | QuotaRefusal> {
  // PostgreSQL: submissions of one structure take turns (row lock), so the next version and the quotas are
  // computed from committed rows instead of racing. SQLite has a single writer: transactions never interleave.
  if (dialect === "postgres") {
    await trx.selectFrom("structures").select("id").where("id", "=", s.structureId).forUpdate().execute();
  }
  if (s.quotas) {
    const refusal = quotaRefusal(
      await usageOf(trx, s.structureId, s.period),
      s.payload.byteLength,
      s.quotas,
      s.period,
    );
    if (refusal) return refusal;
  }
  const max = await trx
    .selectFrom("submissions")
    .select((eb) => eb.fn.max("version").as("v"))
    .where("structure_id", "=", s.structureId)
    .where("kind", "=", s.kind)
    .where("period", "=", s.period)
    .executeTakeFirst();
  const version = Number(max?.v ?? 0) + 1;
  const receivedAt = new Date().toISOString();
  const publicId = randomUUID();
  const counts = s.counts;
  const inserted = await trx
    .insertInto("submissions")
    .values({
      public_id: publicId,
      structure_id: s.structureId,
      token_id: s.tokenId,
      kind: s.kind,
      period: s.period,
      period_start: s.periodStart,
      period_end: s.periodEnd,
      schema_version: s.schemaVersion,
      client_indicators: s.clientIndicatorsJson,
      indicators: JSON.stringify(s.indicators),
      indicators_mismatch: s.mismatch ? 1 : 0,
      valid: s.valid ? 1 : 0,
      errors: counts.error,
      warnings: counts.warning,
      infos: counts.info,
      record_count: s.recordCount,
      employees_unkeyed: s.employeesUnkeyed,
      content_hash: s.contentHash,
      idempotency_key: s.idempotencyKey,
      received_at: receivedAt,
      version,
      payload_bytes: s.payload.byteLength,
    })
    .returning(["id"])
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("submission_blobs")
    .values({ submission_id: inserted.id, payload: textDecoder.decode(s.payload) })
    .execute();
  // The records stay in the payload (person_records is a view over it, migration 004).
  await trx
    .insertInto("submission_keys")
    .values({
      submission_id: inserted.id,
      employee_keys: s.employeeKeysText,
      employee_flags: s.employeeFlagsText,
    })
    .execute();
  await insertAudit(trx, {
    ...s.audit,
    action: "submission.create",
    target: publicId,
    details: `${s.kind} ${s.period} v${version}`,
  });
  return {
    id: publicId,
    siret: s.siret,
    kind: s.kind,
    period: s.period,
    version,
    receivedAt,
    indicators: s.indicators,
    indicatorsMismatch: s.mismatch,
  };
}

const textDecoder = new TextDecoder();

/**
 * Stores a submission and its records in ONE transaction. The unique constraint on (structure, idempotency
 * key) makes concurrent or retried requests with the same key store it once: the loser of a race finds the
 * winner's row and answers a replay (or a conflict). The version is the next one for (structure, kind,
 * period). The receipt is returned only once the transaction is committed. One path for both databases: on
 * SQLite, Kysely's single connection runs the transactions one after the other.
 */
export async function storeSubmission(hub: HubDb, s: NewSubmission): Promise<StoreOutcome> {
  const { db, dialect } = hub;
  for (let attempt = 1; ; attempt++) {
    try {
      const stored = await db.transaction().execute((trx) => insertOne(trx, s, dialect));
      if ("limit" in stored) {
        const existing = await findByIdempotencyKey(
          db,
          s.structureId,
          s.siret,
          s.idempotencyKey,
          s.contentHash,
        );
        return existing ?? { kind: "quota", refusal: stored };
      }
      return { kind: "created", receipt: stored };
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= MAX_ATTEMPTS) throw e;
      const existing = await findByIdempotencyKey(
        db,
        s.structureId,
        s.siret,
        s.idempotencyKey,
        s.contentHash,
      );
      if (existing) return existing;
      // Version race with another key: try again with the next version.
    }
  }
}

export interface SubmissionSummary {
  id: string;
  siret: string;
  name: string;
  kind: string;
  period: string;
  version: number;
  receivedAt: string;
  valid: boolean;
  counts: { error: number; warning: number; info: number };
  recordCount: number;
  indicatorsMismatch: boolean;
  latest: boolean;
}

function summaryQuery(db: Kysely<HubDatabase>) {
  return db
    .selectFrom("submissions as s")
    .innerJoin("structures as st", "st.id", "s.structure_id")
    .select([
      "s.id as rowId",
      "s.public_id",
      "st.siret",
      "st.name",
      "s.structure_id",
      "s.kind",
      "s.period",
      "s.version",
      "s.received_at",
      "s.valid",
      "s.errors",
      "s.warnings",
      "s.infos",
      "s.record_count",
      "s.indicators_mismatch",
    ])
    .select((eb) =>
      eb
        .not(
          eb.exists(
            eb
              .selectFrom("submissions as n")
              .select("n.id")
              .whereRef("n.structure_id", "=", "s.structure_id")
              .whereRef("n.kind", "=", "s.kind")
              .whereRef("n.period", "=", "s.period")
              .whereRef("n.version", ">", "s.version"),
          ),
        )
        .as("latest"),
    );
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>["executeTakeFirstOrThrow"]>>;

function toSummary(r: SummaryRow): SubmissionSummary {
  return {
    id: r.public_id,
    siret: r.siret,
    name: r.name,
    kind: r.kind,
    period: r.period,
    version: r.version,
    receivedAt: r.received_at,
    valid: r.valid === 1,
    counts: { error: r.errors, warning: r.warnings, info: r.infos },
    recordCount: r.record_count,
    indicatorsMismatch: r.indicators_mismatch === 1,
    // SQLite answers 0/1, PostgreSQL true/false.
    latest: Boolean(r.latest),
  };
}

export interface SubmissionFilter {
  period?: string;
  siret?: string;
  kind?: string;
  structureId?: number;
  limit: number;
  offset: number;
}

export async function listSubmissions(
  db: Kysely<HubDatabase>,
  f: SubmissionFilter,
): Promise<SubmissionSummary[]> {
  let q = summaryQuery(db);
  if (f.period) q = q.where("s.period", "=", f.period);
  if (f.siret) q = q.where("st.siret", "=", f.siret);
  if (f.kind) q = q.where("s.kind", "=", f.kind);
  if (f.structureId !== undefined) q = q.where("s.structure_id", "=", f.structureId);
  const rows = await q.orderBy("s.id", "desc").limit(f.limit).offset(f.offset).execute();
  return rows.map(toSummary);
}

export interface SubmissionDetail extends SubmissionSummary {
  structureId: number;
  schemaVersion: number;
  contentHash: string;
  indicators: Indicators;
  clientIndicators: Indicators;
  payload: unknown;
}

export async function getSubmission(
  db: Kysely<HubDatabase>,
  publicId: string,
): Promise<SubmissionDetail | undefined> {
  const r = await summaryQuery(db)
    .innerJoin("submission_blobs as b", "b.submission_id", "s.id")
    .select(["s.schema_version", "s.content_hash", "s.indicators", "s.client_indicators", "b.payload"])
    .where("s.public_id", "=", publicId)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    ...toSummary(r),
    structureId: r.structure_id,
    schemaVersion: r.schema_version,
    contentHash: r.content_hash,
    indicators: JSON.parse(r.indicators) as Indicators,
    clientIndicators: JSON.parse(r.client_indicators) as Indicators,
    payload: JSON.parse(r.payload) as unknown,
  };
}

export interface LatestReport {
  id: string;
  siret: string;
  name: string;
  kind: Kind;
  version: number;
  receivedAt: string;
  valid: boolean;
  counts: { error: number; warning: number; info: number };
  indicators: Indicators;
  /** The employees' keys, one a line (empty unless asked for). */
  employeeKeysText: string;
  employeesUnkeyed: number;
}

/** The latest version of each (structure, kind) report of a period, in SIRET then kind order. */
export async function latestReports(
  db: Kysely<HubDatabase>,
  period: string,
  withKeys: boolean,
): Promise<LatestReport[]> {
  const rows = await db
    .selectFrom("submissions as s")
    .innerJoin("structures as st", "st.id", "s.structure_id")
    .select([
      "s.public_id",
      "st.siret",
      "st.name",
      "s.kind",
      "s.version",
      "s.received_at",
      "s.valid",
      "s.errors",
      "s.warnings",
      "s.infos",
      "s.indicators",
      "s.employees_unkeyed",
    ])
    .$if(withKeys, (q) =>
      q.innerJoin("submission_keys as k", "k.submission_id", "s.id").select("k.employee_keys"),
    )
    .where("s.period", "=", period)
    .where(
      "s.version",
      "=",
      sql<number>`(select max(n.version) from submissions n where n.structure_id = s.structure_id and n.kind = s.kind and n.period = s.period)`,
    )
    .orderBy("st.siret")
    .orderBy("s.kind")
    .execute();
  return rows.map((r) => {
    const keys = (r as { employee_keys?: string }).employee_keys;
    return {
      id: r.public_id,
      siret: r.siret,
      name: r.name,
      kind: r.kind as Kind,
      version: r.version,
      receivedAt: r.received_at,
      valid: r.valid === 1,
      counts: { error: r.errors, warning: r.warnings, info: r.infos },
      indicators: JSON.parse(r.indicators) as Indicators,
      employeeKeysText: keys ?? "",
      employeesUnkeyed: r.employees_unkeyed,
    };
  });
}

/** Rows stored for a structure (durability tests and operators). */
export async function countSubmissions(db: Kysely<HubDatabase>): Promise<number> {
  const r = await db
    .selectFrom("submissions")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
