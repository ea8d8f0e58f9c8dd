import type { ColumnMapping } from "./fields";
import type { ValidationReport } from "./findings";
import type { Indicators } from "./indicators";
import type { PersonRecord, PersonRow } from "./person";
import type { StructureInfo, StructureLocations } from "./structure";
import type { PersonField } from "./fields";
import type { RulesConfig } from "./config";

/** Where the people table was found and how its columns were understood. */
export interface TableInfo {
  sheet: string;
  /** 1-based Excel row of the header. */
  headerRow: number;
  /** 0-based index in the sheet rows array of the header row. */
  headerIndex: number;
  /** 1-based Excel column of rows[...][0] (origin + 1), to turn indices into columns. */
  firstColumn: number;
  columns: ColumnMapping[];
  /** Headers present but not recognised (kept and ignored). */
  unknownHeaders: { index: number; header: string }[];
  /** Fields that have a column (monthly hours count as hoursWorked). */
  fieldsPresent: PersonField[];
}

/**
 * Everything the engine knows about one report: one convention (SIRET and kind) of a workbook. Most
 * workbooks hold one; a structure with several conventions yields one per kind (domain §2.4.3).
 */
export interface Analysis {
  workbook: string | null;
  /** The structure as this report sees it: its kind, its own conventioned ETP. */
  structure: StructureInfo;
  structureLocations: StructureLocations;
  /** The main people table (the first of `tables`), null when none was found. */
  table: TableInfo | null;
  /** Every people table the report's rows come from (sites read together, §2.4.2). */
  tables: TableInfo[];
  /** Number of person rows read. */
  rowCount: number;
  /** Typed person rows (personal data: stays in the workbook/process). */
  rows: PersonRow[];
  report: ValidationReport;
  indicators: Indicators;
  /** Privacy-safe per-person records, with `key` = the plain identity (to be HMAC-ed before sending). */
  records: PersonRecord[];
  rulesVersion: string;
  /** Targets in force (from the configuration), shown beside the rates. */
  targets: RulesConfig["targets"];
}

/** A workbook's reports: one per convention, at least one (with the findings when nothing could be read). */
export interface WorkbookAnalysis {
  workbook: string | null;
  reports: Analysis[];
}
