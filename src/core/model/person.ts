import type { Kind } from "./kinds";
/** Day numbers: whole days since 1970-01-01 (UTC). Fast to compare and subtract; ISO strings only at the edges. */
export type DayNumber = number;

export type Sex = "F" | "H";
/** RSA status at hire. "OUI" = yes without saying whether majoré. */
export type RsaStatus = "NON" | "OUI-M" | "OUI-NM" | "OUI";
/** France Travail registration duration codes: 00 not registered, 01 <6 months, 02 6–11, 03 12–23, 04 24+. */
export type FtDuration = "00" | "01" | "02" | "03" | "04";

/** One typed row of the people table, as read from the sheet (personal data: never leaves the workbook). */
export interface PersonRow {
  /** The sheet of the row (a workbook may hold several people sheets, domain §2.4.2). */
  sheet: string;
  /** 1-based Excel row number in the sheet. */
  excelRow: number;
  /** The row's convention, from its sheet or its convention column; null: the structure's (§2.4.3). */
  kind: Kind | null;
  passNumber: string | null;
  lastName: string | null;
  firstName: string | null;
  sex: Sex | null;
  birthDate: DayNumber | null;
  /** From the birth date, or from a birth-year column. */
  birthYear: number | null;
  postalCode: string | null;
  commune: string | null;
  qpv: boolean | null;
  qpvCode: string | null;
  zrr: boolean | null;
  rsa: RsaStatus | null;
  ass: boolean | null;
  aah: boolean | null;
  rqth: boolean | null;
  ftDuration: FtDuration | null;
  educationLevel: string | null;
  prescriber: string | null;
  hireDate: DayNumber | null;
  contractEndDate: DayNumber | null;
  weeklyHours: number | null;
  hoursWorked: number | null;
  hoursSinceHire: number | null;
  exitDate: DayNumber | null;
  /** The exit motif key (its code, or its label when the motif has no code), null when absent or unknown. */
  exitMotif: string | null;
  /** Raw text of the reason cell when one was given (for messages). */
  exitReasonRaw: string | null;
  derogation: boolean;
  /**
   * Identity used to count distinct persons: normalised PASS IAE, else "NOM|PRENOM|birthDay".
   * Null when neither is available. Personal: replaced by an HMAC before anything is sent.
   */
  identity: string | null;
}

/**
 * What the indicators need about one person's path, and nothing more (domain §5).
 * This is also the record of the submission payload (with `key` = HMAC of the identity).
 */
export interface PersonRecord {
  key: string | null;
  sex: Sex | null;
  birthYear: number | null;
  qpv: boolean | null;
  zrr: boolean | null;
  rsa: RsaStatus | null;
  ass: boolean | null;
  aah: boolean | null;
  rqth: boolean | null;
  ftDuration: FtDuration | null;
  educationLevel: string | null;
  /** ISO dates yyyy-mm-dd. */
  hireDate: string | null;
  exitDate: string | null;
  exitMotif: string | null;
  hoursWorked: number | null;
  hoursSinceHire: number | null;
}
