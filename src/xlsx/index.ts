/**
 * The .xlsx adapter, browser-safe part (the add-in's file mode bundles it). Node-only entry points
 * (reading from a path) are in ./node.
 */
export { readError, isXlsxReadError, readErrorMessage, readReasonOf, type XlsxReadReason } from "./errors";
export { readXlsxBytes, DEFAULT_MAX_ROWS, type ReadXlsxOptions, type RowsProgress } from "./read-buffer";
export { XlsxWorkbook, annotateWorkbook, ERROR_FILL, WARNING_FILL } from "./xlsx-workbook";
export { writeTemplateXlsx, addTemplateSheets } from "./write-template";
export { writeConsolidationXlsx, DEFINITIONS_SHEET } from "./write-consolidation";
export { extractMapping, MAPPING_SHEET } from "../core";
export { notKeptByAnnotation, type NotKept } from "./not-kept";
