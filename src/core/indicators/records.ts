import type { PersonRecord, PersonRow } from "../model/person";
import { dayFromIso, isoFromDay } from "../dates/day-number";
import type { IndicatorRow } from "./compute";

/**
 * Privacy-safe records (domain §5): exactly what the indicators need, one per row (per path), in sheet order.
 * `key` is the plain identity here; the client replaces it with an HMAC before anything leaves the machine.
 * Built field by field on purpose: names, birth date, postal code, commune, PASS number, QPV code,
 * prescriber, contract dates and weekly hours can never slip in through a spread.
 */
export function toRecords(rows: readonly PersonRow[]): PersonRecord[] {
  const out: PersonRecord[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    out[i] = {
      key: r.identity,
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
      hireDate: r.hireDate === null ? null : isoFromDay(r.hireDate),
      exitDate: r.exitDate === null ? null : isoFromDay(r.exitDate),
      exitMotif: r.exitMotif,
      hoursWorked: r.hoursWorked,
      hoursSinceHire: r.hoursSinceHire,
    };
  }
  return out;
}

/**
 * Rows rebuilt from records, so the hub recomputes a submission's indicators with the same code
 * (computeIndicators) as the client. The key stands for the identity: distinct keys are distinct persons.
 * An unreadable ISO date becomes null (the payload schema rejects it before this point).
 */
export function rowsFromRecords(records: readonly PersonRecord[]): IndicatorRow[] {
  const out: IndicatorRow[] = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    out[i] = {
      identity: r.key,
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
      hireDate: r.hireDate === null ? null : dayFromIso(r.hireDate),
      exitDate: r.exitDate === null ? null : dayFromIso(r.exitDate),
      exitMotif: r.exitMotif,
      hoursWorked: r.hoursWorked,
      hoursSinceHire: r.hoursSinceHire,
    };
  }
  return out;
}
