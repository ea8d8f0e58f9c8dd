/**
 * The generator's ground truth: what it put in each workbook, recorded as it writes it. The golden
 * tests compute the expected indicators and findings from this record with their own simple code.
 */
export type TruthKind = "ACI" | "AI" | "EI" | "ETTI" | "EITI";
export type TruthCategory = "durable" | "transition" | "positive" | "other" | "withdrawn";

export interface TruthPerson {
  /** 1-based Excel row of the person in the people sheet. */
  row: number;
  /** The people sheet holding the row, where a workbook has several (the corpus of examples/reels). */
  sheet?: string;
  pass: string | null;
  lastName: string;
  firstName: string;
  sex: "F" | "H" | null;
  /** ISO yyyy-mm-dd, null when not readable on purpose. */
  birth: string | null;
  qpv: boolean | null;
  zrr: boolean | null;
  rsa: "NON" | "OUI-M" | "OUI-NM" | "OUI" | null;
  ass: boolean | null;
  aah: boolean | null;
  rqth: boolean | null;
  ft: "00" | "01" | "02" | "03" | "04" | null;
  edu: string | null;
  hire: string | null;
  contractEnd: string | null;
  exit: string | null;
  motifCode: string | null;
  /** Category of the motif, from the generator's own motif list. */
  category: TruthCategory | null;
  qualifyingTraining: boolean;
  /** Hours worked in the period (null: not readable on purpose). */
  hours: number | null;
  hoursSinceHire: number | null;
  weekly: number | null;
}

export interface TruthFinding {
  code: string;
  severity: "error" | "warning" | "info";
  /** Excel row of the finding (people sheet row, or structure block row), null for whole-sheet findings. */
  row: number | null;
  why: string;
}

export interface TruthWorkbook {
  file: string;
  kind: TruthKind;
  siret: string;
  name: string;
  department: string;
  periodStart: string;
  periodEnd: string;
  fteConventioned: number | null;
  /** Columns present in the people sheet (by person field). */
  columns: string[];
  persons: TruthPerson[];
  /** Every finding the workbook must produce (and no other). */
  findings: TruthFinding[];
}
