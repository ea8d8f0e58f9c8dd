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

/** Everything the engine knows about one workbook. */
export interface Analysis {
  workbook: string | null;
  structure: StructureInfo;
  structureLocations: StructureLocations;
  table: TableInfo | null;
  /** Typed data rows (personal data: stays in the workbook/process). */
  rows: PersonRow[];
  report: ValidationReport;
  indicators: Indicators;
  /** Privacy-safe per-person records, with `key` = the plain identity (to be HMAC-ed before sending). */
  records: PersonRecord[];
  rulesVersion: string;
  /** Targets in force (from the configuration), shown beside the rates. */
  targets: RulesConfig["targets"];
}
