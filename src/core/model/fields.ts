/** Fields of the people table (domain §2.2). Keys are stable: they name columns in mappings and payloads. */
export const PERSON_FIELDS = [
  "passNumber",
  "lastName",
  "firstName",
  "sex",
  "birthDate",
  "birthYear",
  "postalCode",
  "commune",
  "qpv",
  "qpvCode",
  "zrr",
  "rsa",
  "ass",
  "aah",
  "rqth",
  "ftDuration",
  "educationLevel",
  "prescriber",
  "hireDate",
  "contractEndDate",
  "weeklyHours",
  "hoursWorked",
  "hoursSinceHire",
  "exitDate",
  "exitReason",
  "derogation",
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

/**
 * Pseudo-fields of a column: monthly hours ("Heures janvier" … or "Heures 01" …, with a month 1–12), and
 * the convention of each row (a kind per row, domain §2.4.3).
 */
export type MappedField = PersonField | "hoursMonth" | "convention";

/** Fields of the structure block (domain §2.1). */
export const STRUCTURE_FIELDS = [
  "siret",
  "name",
  "kind",
  "afNumber",
  "department",
  "periodStart",
  "periodEnd",
  "fteConventioned",
  "annualHoursPerFte",
  "cdCofinancedAmount",
] as const;
export type StructureField = (typeof STRUCTURE_FIELDS)[number];

/** A recognised column of the people table. */
export interface ColumnMapping {
  field: MappedField;
  /** 0-based index in the sheet's rows array (add the origin column for the sheet column). */
  index: number;
  /** Header text as found in the sheet. */
  header: string;
  /** 1–12 for hoursMonth. */
  month?: number;
}

/**
 * A mapping fixed by hand by the user (saved in the workbook by the add-in, or passed to the CLI).
 * Keys of `columns` are header texts as found in the sheet (exact, trimmed); value null means "ignore".
 */
export interface MappingOverride {
  sheet?: string;
  /** 1-based Excel row of the header. */
  headerRow?: number;
  columns?: Record<string, MappedField | null>;
  /** The people sheets to read, chosen by hand (domain §2.4.2); they replace the detection. */
  sheets?: string[];
}
