/** Public API of the domain core. Outer layers import from here. */
export { PRODUCT_VERSION } from "./version";
export * from "./model/cells";
export * from "./model/kinds";
export * from "./model/fields";
export * from "./model/person";
export * from "./model/structure";
export * from "./model/findings";
export * from "./model/indicators";
export * from "./model/config";
export * from "./model/analysis";
export * from "./model/send-state";
export * from "./model/live-check-port";
export { analyzeWorkbook, type AnalyzeOptions } from "./analyze";
export { DEFAULT_CONFIG } from "./config/defaults";
export { resolveConfig, parseConfigText } from "./config/merge";
export {
  UserError,
  isUserError,
  hasCode,
  inArea,
  toPlain,
  fromPlain,
  type UserErrorLike,
  type PlainError,
} from "./errors/user-error";
export { USER_ERRORS_FR } from "./errors/french";
export {
  READ_REASONS,
  OFFICE_CODES,
  type ReadReason,
  type OfficeCode,
  type UserErrorCode,
  type UserErrorParams,
  type UserErrorArea,
  type UserErrorWording,
  type HubFieldProblem,
} from "./errors/codes";
export { parseExitMotifCsv } from "./config/motif-csv";
export { createMotifIndex, motifIndexFor, motifKey, MotifIndex } from "./config/motifs";
export { computeIndicators, type IndicatorRow, type IndicatorContext } from "./indicators/compute";
export { toRecords, rowsFromRecords } from "./indicators/records";
export { annualHoursPerFte } from "./indicators/compute";
export { isRsa } from "./indicators/rsa";
export { consolidate } from "./consolidate/consolidate";
export { combineIndicators } from "./consolidate/combine";
export { consolidationInputFromAnalysis, consolidationInputFromRows } from "./consolidate/from-analysis";
export type {
  ConsolidationInput,
  ConsolidatedReport,
  Consolidation,
  KindTotal,
  DepartmentTotal,
} from "./consolidate/types";
export type {
  StructuresStatus,
  StructureStatus,
  SubmissionSummary,
  ReceivedFile,
  FollowUp,
} from "./consolidate/status";
export { INDICATOR_LABELS, type IndicatorLabel, type IndicatorFormat } from "./labels/indicator-labels";
export {
  KIND_LABELS,
  SEVERITY_LABELS,
  FINDING_LABELS,
  EXIT_CATEGORY_LABELS,
  type Label,
} from "./labels/labels";
export * from "./labels/format";
export { employeeKeys, isInReport, periodOf, MIN_HOURS_EMPLOYEE } from "./indicators/population";
export { a1, columnLetters, parseA1 } from "./findings/a1";
export * from "./dates/day-number";
export { normalizeText } from "./text/normalize";
export type { WorkbookPort, ReadProgress } from "./model/workbook-port";
// Reader and value parsers (core read work).
export { readWorkbook, type ReadContext, type WorkbookRead } from "./read/read-workbook";
export { matchHeader, monthOfHeader, type HeaderMatch } from "./read/match-header";
export { FIELD_SYNONYMS, STRUCTURE_LABELS, SENSITIVE_NAMES } from "./read/synonyms";
export { FIELD_LABELS } from "./read/field-labels";
export { INVALID, isInvalid, isEmptyCell, cellToText, type Parsed, type Invalid } from "./parse/outcome";
export { isExcelError, excelErrorOf, EXCEL_ERRORS } from "./parse/excel-error";
export { parseDateCell, parseYearCell, dayFromText, expandTwoDigitYear, yearOfDay } from "./parse/date";
export { parseNumberCell, numberFromText } from "./parse/number";
export { parseYesNo } from "./parse/yes-no";
export { parseSex } from "./parse/sex";
export { parseRsa } from "./parse/rsa";
export { parseFtDuration } from "./parse/ft-duration";
export { parseEducationLevel } from "./parse/education";
export { parsePrescriber } from "./parse/prescriber";
export { parseKind } from "./parse/kind";
export { parseDepartment } from "./parse/department";
export { normalizePass, normalizeSiret } from "./parse/identifiers";
export { parseTextCell, parsePostalCode } from "./parse/text";
export { FT_DURATIONS } from "./reference/ft-durations";
export { EDUCATION_LEVELS } from "./reference/education-levels";
export { PRESCRIBERS } from "./reference/prescribers";
export { KIND_NAMES, isDepartmentCode } from "./reference/kinds";
export { buildSendBlock, type SendBlock } from "./report/send-block";
export {
  SEND_SHEET,
  SEND_MARKER,
  sendSheetCells,
  sendStateFromCells,
  extractSendState,
} from "./read/send-sheet";
export {
  buildIndicatorsSheet,
  type IndicatorsSheetOptions,
  INDICATOR_SECTIONS,
  type IndicatorSectionId,
  INDICATORS_SHEET_NAME,
  EXCEL_NUMBER_FORMATS,
  type IndicatorsSheetModel,
  type IndicatorsSheetRow,
  type IndicatorsSheetSection,
} from "./report/indicators-sheet";
export { indicatorsSheetNames, isIndicatorsSheetName } from "./report/indicators-sheet-names";
export { layoutIndicatorsSheet, layoutIndicatorsSheets, type SheetLayout } from "./report/indicators-layout";
export { findingsToHighlight } from "./report/highlight-findings";
export {
  MAPPING_SHEET,
  MAPPING_MARKER,
  parseMappingOverride,
  mappingSheetCells,
  mappingFromCells,
  extractMapping,
} from "./read/mapping-sheet";
export {
  buildConsolidationSheets,
  buildReportsSheet,
  buildByKindSheet,
  buildFollowUpSheet,
  CONSOLIDATION_SHEET_NAMES,
  DEPARTMENT_TOTAL_LABEL,
  BY_KIND_CHART_KEYS,
  type ReportSheet,
  type SheetCell,
  type SheetChart,
} from "./report/consolidation-sheets";
export { canWriteConsolidation, type ConsolidationSheetsPort } from "./model/consolidation-port";
