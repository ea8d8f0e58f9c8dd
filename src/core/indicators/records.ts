import type { PersonRecord, PersonRow } from "../model/person";

/** STUB — owned by the indicators work: privacy-safe records (domain §5), key = plain identity. */
export function toRecords(_rows: readonly PersonRow[]): PersonRecord[] {
  throw new Error("toRecords: not implemented yet");
}
