import type { TruthPerson, TruthWorkbook } from "../examples/truth";

/**
 * The truth of one case of examples/reels: what the generator put in the cells, per report
 * (one per SIRET and kind, domain §2.4.3), never what the engine reads.
 */
export type Writer = "exceljs" | "libreoffice" | "inline";
export const WRITERS: readonly Writer[] = ["exceljs", "libreoffice", "inline"];

/** A property of a file that the corpus test checks in its bytes. */
export type Claim =
  | "shared-strings" // strings in xl/sharedStrings.xml
  | "inline-strings" // t="inlineStr", no sharedStrings part
  | "formula-cached" // every <f> has a <v>
  | "formula-no-value" // some <f> has no <v>
  | "table-totals-row" // a table part with totalsRowCount="1"
  | "merged-cells" // <mergeCell> in a sheet
  | "libreoffice-app"; // docProps/app.xml names LibreOffice

export interface CorpusFile {
  path: string;
  writer: Writer;
  claims: Claim[];
  /** LibreOffice files: the ExcelJS file converted, and its SHA-256 when it was (reconverted when it changes). */
  source?: string;
  sourceSha256?: string;
}

export interface CorpusFinding {
  code: string;
  severity: "error" | "warning" | "info";
  sheet: string | null;
  /** Excel row, null for a finding on a whole sheet or column. */
  row: number | null;
  why: string;
  /** Only in the files of these writers (absent from the others); every writer when omitted. */
  writers?: Writer[];
}

/** Where a person field sits in a people sheet, and how its cells say it. */
export interface LayoutColumn {
  /** A person field of TruthPerson (pass, sex, birth, hire…), "kind" for a convention column, "month:N" for month N's hours, "other" for a column read by no field. */
  field: string;
  col: number;
  header: string;
  /** The group cell above, for a two-row header. */
  group?: string;
  /** Yes/no column of check marks: a blank cell means no. */
  checkbox?: boolean;
}

export interface SheetLayout {
  sheet: string;
  /** Last header row (the sub-header row of a two-row header). */
  headerRow: number;
  columns: LayoutColumn[];
  /** Read as people (false: another year's or an older copy, ignored). */
  read: boolean;
}

/** A cell a writer cannot give as the others do (the inline writer's formulas have no value). */
export interface WriterDifference {
  writers: Writer[];
  sheet: string;
  row: number;
  field: keyof TruthPerson;
  value: TruthPerson[keyof TruthPerson];
  why: string;
}

export interface CorpusTruth {
  case: string;
  /** The domain point (§2.4.x) the case is about. */
  point: string;
  description: string;
  files: CorpusFile[];
  /** Writers that cannot express the case, and why. */
  skipped: { writer: Writer; why: string }[];
  layouts: SheetLayout[];
  /** One per SIRET and kind: its persons only; fteConventioned null where §2.4.3 says so. */
  reports: TruthWorkbook[];
  /** Findings that must appear. */
  findings: CorpusFinding[];
  /** Codes that must appear nowhere (in any file of the case). */
  absentCodes: string[];
  writerDifferences: WriterDifference[];
}
