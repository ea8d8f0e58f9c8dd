import { dayFromIso } from "../dates/day-number";
import {
  BIRTH_YEAR_MAX,
  BIRTH_YEAR_MIN,
  EDUCATION_LEVEL_PATTERN,
  EXIT_MOTIF_MAX_LENGTH,
  FT_DURATIONS,
  HOURS_LIMIT,
  isPersonKey,
  RSA_VALUES,
  SEXES,
} from "./record-fields";
import type { SubmissionRecord } from "./schema";

/**
 * A hand-written check of the person records, for the hub's hot path: zod takes ~3 ms for 300 records, this
 * a fraction of it. It accepts exactly what `submissionRecordSchema` accepts (a property test compares them);
 * on any rejection the caller runs zod, which stays the definition and produces the error list.
 */

/** The fields in the schema's order (the order of zod's output, hence of the canonical JSON). */
const FIELD_ORDER = [
  "key",
  "sex",
  "birthYear",
  "qpv",
  "zrr",
  "rsa",
  "ass",
  "aah",
  "rqth",
  "ftDuration",
  "educationLevel",
  "hireDate",
  "exitDate",
  "exitMotif",
  "hoursWorked",
  "hoursSinceHire",
] as const;
const FIELDS: ReadonlySet<string> = new Set(FIELD_ORDER);
const SEX_SET: ReadonlySet<unknown> = new Set(SEXES);
const RSA_SET: ReadonlySet<unknown> = new Set(RSA_VALUES);
const FT_SET: ReadonlySet<unknown> = new Set(FT_DURATIONS);

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const nullableBool = (v: unknown) => v === null || typeof v === "boolean";
const nullableHours = (v: unknown) => v === null || (isNumber(v) && v >= -HOURS_LIMIT && v <= HOURS_LIMIT);
// dayFromIso accepts exactly YYYY-MM-DD (ISO_DATE_PATTERN) and a real calendar date.
const nullableDate = (v: unknown) => v === null || (typeof v === "string" && dayFromIso(v) !== null);

/** How a record's keys stand: not all fields of the schema, all of them in another order, or in schema order. */
const enum Keys {
  Invalid,
  Reordered,
  InOrder,
}

/**
 * Like zod's strict object, every enumerable key, own or inherited, must be a field. Keys in schema order (as
 * our clients send them, and as JSON.parse gives them back) are answered by comparing each with the expected
 * one (parsed keys are internalised strings: a pointer comparison), without a set look-up per key.
 */
function keysOf(r: object): Keys {
  let i = 0;
  let inOrder = Object.getPrototypeOf(r) === Object.prototype;
  for (const k in r) {
    if (inOrder && k === FIELD_ORDER[i]) {
      i++;
      continue;
    }
    inOrder = false;
    if (!FIELDS.has(k)) return Keys.Invalid;
  }
  return inOrder && i === FIELD_ORDER.length ? Keys.InOrder : Keys.Reordered;
}

/** Keys.Invalid for anything but a valid record; otherwise how its keys stand. */
function checkRecord(r: unknown): Keys {
  if (typeof r !== "object" || r === null || Array.isArray(r)) return Keys.Invalid;
  const keys = keysOf(r);
  return keys !== Keys.Invalid && validFields(r as Record<string, unknown>) ? keys : Keys.Invalid;
}

export function isValidRecord(r: unknown): boolean {
  return checkRecord(r) !== Keys.Invalid;
}

function validFields(o: Record<string, unknown>): boolean {
  const key = o.key;
  if (key !== null && !(typeof key === "string" && isPersonKey(key))) return false;
  if (o.sex !== null && !SEX_SET.has(o.sex)) return false;
  const by = o.birthYear;
  if (by !== null && !(isNumber(by) && Number.isInteger(by) && by >= BIRTH_YEAR_MIN && by <= BIRTH_YEAR_MAX))
    return false;
  if (
    !nullableBool(o.qpv) ||
    !nullableBool(o.zrr) ||
    !nullableBool(o.ass) ||
    !nullableBool(o.aah) ||
    !nullableBool(o.rqth)
  )
    return false;
  if (o.rsa !== null && !RSA_SET.has(o.rsa)) return false;
  if (o.ftDuration !== null && !FT_SET.has(o.ftDuration)) return false;
  const edu = o.educationLevel;
  if (edu !== null && !(typeof edu === "string" && EDUCATION_LEVEL_PATTERN.test(edu))) return false;
  if (!nullableDate(o.hireDate) || !nullableDate(o.exitDate)) return false;
  const motif = o.exitMotif;
  if (
    motif !== null &&
    !(typeof motif === "string" && motif.length >= 1 && motif.length <= EXIT_MOTIF_MAX_LENGTH)
  )
    return false;
  return nullableHours(o.hoursWorked) && nullableHours(o.hoursSinceHire);
}

/**
 * The records as zod would return them (keys in schema order, so the canonical JSON and the content hash are
 * the same), or null when the value is not an array of at most `max` valid records. A valid record already in
 * schema order is returned as is (zod's copy would be equal to it, key for key): no copy of 300 objects per
 * submission on the hub's hot path; any other order is rebuilt.
 */
export function checkedRecords(value: unknown, max: number): SubmissionRecord[] | null {
  if (!Array.isArray(value) || value.length > max) return null;
  const out: SubmissionRecord[] = new Array<SubmissionRecord>(value.length);
  for (let i = 0; i < value.length; i++) {
    const r = value[i] as SubmissionRecord;
    const keys = checkRecord(r);
    if (keys === Keys.Invalid) return null;
    out[i] =
      keys === Keys.InOrder
        ? r
        : {
            key: r.key,
            sex: r.sex,
            birthYear: r.birthYear,
            qpv: r.qpv,
            zrr: r.zrr,
            rsa: r.rsa,
            ass: r.ass,
            aah: r.aah,
            rqth: r.rqth,
            ftDuration: r.ftDuration,
            educationLevel: r.educationLevel,
            hireDate: r.hireDate,
            exitDate: r.exitDate,
            exitMotif: r.exitMotif,
            hoursWorked: r.hoursWorked,
            hoursSinceHire: r.hoursSinceHire,
          };
  }
  return out;
}
