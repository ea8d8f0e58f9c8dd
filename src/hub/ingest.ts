import { createHash } from "node:crypto";
import {
  computeIndicators,
  employeeKeys,
  motifIndexFor,
  INDICATOR_KEYS,
  periodOf,
  rowsFromRecords,
  type Indicators,
  type RulesConfig,
  type StructureInfo,
} from "../core";
import { periodKey, type SubmissionPayload } from "../core/submission";

export interface Recomputed {
  period: string;
  indicators: Indicators;
  mismatch: boolean;
  employeeKeys: string[];
  employeesUnkeyed: number;
  employeeFlags: boolean[];
  contentHash: string;
  payloadJson: string;
}

/**
 * What the hub derives from a valid payload: the period key, the indicators recomputed from the records with
 * the core engine (the client's are kept, and a flag says when they differ), the employees' keys for
 * distinctPersons, and the content hash of the canonical payload (replay or conflict for an idempotency key).
 */
export function recompute(payload: SubmissionPayload, rules: RulesConfig): Recomputed {
  const s = payload.structure;
  const structure: StructureInfo = { ...s };
  const motifs = motifIndexFor(rules.exitMotifs);
  const rows = rowsFromRecords(payload.records);
  const indicators = computeIndicators(rows, { structure, fieldsPresent: payload.fieldsPresent, config: rules, motifs });
  const { keys, unkeyed } = employeeKeys(rows, periodOf(structure).end);
  const employees = new Set(keys);
  // For distinctPersons the consolidation only compares keys: the first 64 bits of the HMAC are plenty
  // (collision odds ~1e-7 for a million persons) and make the 4 000-report consolidation read 4× less.
  const countingKeys = keys.map(countingKey);
  // The validated payload is rebuilt by zod with its keys in schema order, whatever the order the client
  // used: its JSON text is canonical, and much cheaper than sorting keys.
  const canonical = JSON.stringify(payload);
  return {
    period: periodKey(s.periodStart, s.periodEnd) as string,
    indicators,
    mismatch: !sameIndicators(indicators, payload.indicators),
    employeeKeys: countingKeys,
    employeesUnkeyed: unkeyed,
    employeeFlags: payload.records.map((r) => r.key !== null && employees.has(r.key)),
    contentHash: createHash("sha256").update(canonical, "utf8").digest("hex"),
    payloadJson: canonical,
  };
}

/** The part of a person key the consolidation compares (see recompute); also applied on read, so older rows match. */
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
