import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import {
  computeIndicators,
  employeeKeys,
  motifIndexFor,
  INDICATOR_KEYS,
  periodOf,
  rowsFromRecords,
  type Indicators,
  type Kind,
  type RulesConfig,
  type StructureInfo,
} from "../../core";
import { periodKey, type SubmissionPayload } from "../../core/submission";

/**
 * Everything the hub stores for a valid payload, derived from it once: what the route checks (SIRET, kind),
 * what the database rows hold, and the payload itself as canonical JSON bytes. Plain data only (strings,
 * numbers, one byte array).
 */
export interface PreparedSubmission {
  siret: string;
  kind: Kind;
  period: string;
  periodStart: string;
  periodEnd: string;
  schemaVersion: number;
  /** The indicators the client sent, as JSON. */
  clientIndicatorsJson: string;
  /** The indicators recomputed here from the records with the core engine (the receipt shows them). */
  indicators: Indicators;
  /** True when the client's indicators differ from the recomputed ones. */
  mismatch: boolean;
  valid: boolean;
  counts: { error: number; warning: number; info: number };
  recordCount: number;
  /** The employees' counting keys, newline-separated (distinctPersons in the consolidation). */
  employeeKeysText: string;
  employeesUnkeyed: number;
  /** One character per record, '1' when it is one of the report's employees. */
  employeeFlagsText: string;
  /** SHA-256 of the canonical payload: the same content whatever the client's key order (replay or conflict). */
  contentHash: string;
  /** The validated payload, canonical JSON, UTF-8. */
  payload: Uint8Array;
}

/**
 * Derives the stored form of a validated payload: the period key, the indicators recomputed from the records
 * (the client's are kept, and a flag says when they differ), the employees' keys, and the canonical payload
 * with its hash.
 */
export function preparePayload(payload: SubmissionPayload, rules: RulesConfig): PreparedSubmission {
  const s = payload.structure;
  const structure: StructureInfo = { ...s };
  const rows = rowsFromRecords(payload.records);
  const indicators = computeIndicators(rows, {
    structure,
    fieldsPresent: payload.fieldsPresent,
    config: rules,
    motifs: motifIndexFor(rules.exitMotifs),
  });
  const { keys, unkeyed } = employeeKeys(rows, periodOf(structure).end);
  const employees = new Set(keys);
  let flags = "";
  for (const r of payload.records) flags += r.key !== null && employees.has(r.key) ? "1" : "0";
  // The validated payload is rebuilt by zod (or the fast record check) with its keys in schema order, whatever
  // the order the client used: its JSON text is canonical, and much cheaper than sorting keys.
  const canonical = Buffer.from(JSON.stringify(payload), "utf8");
  return {
    siret: s.siret,
    kind: s.kind,
    period: periodKey(s.periodStart, s.periodEnd) as string,
    periodStart: s.periodStart,
    periodEnd: s.periodEnd,
    schemaVersion: payload.schemaVersion,
    clientIndicatorsJson: JSON.stringify(payload.indicators),
    indicators,
    mismatch: !sameIndicators(indicators, payload.indicators),
    valid: payload.validation.valid,
    counts: { ...payload.validation.counts },
    recordCount: payload.records.length,
    employeeKeysText: keys.map(countingKey).join("\n"),
    employeesUnkeyed: unkeyed,
    employeeFlagsText: flags,
    contentHash: createHash("sha256").update(canonical).digest("hex"),
    payload: canonical,
  };
}

/**
 * The part of a person key the consolidation compares: for distinctPersons the first 64 bits of the HMAC are
 * plenty (collision odds ~1e-7 for a million persons) and make the 4 000-report consolidation read 4× less.
 */
export function countingKey(key: string): string {
  return key.length > 16 ? key.slice(0, 16) : key;
}

/** Equal up to floating noise (the client may round differently in its last digits). */
export function sameIndicators(a: Indicators, b: Indicators): boolean {
  for (const k of INDICATOR_KEYS) {
    const x = a[k];
    const y = b[k];
    if (x === null || y === null) {
      if (x !== y) return false;
      continue;
    }
    if (Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(x), Math.abs(y))) return false;
  }
  return true;
}
