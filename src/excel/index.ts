export { OfficeWorkbook } from "./office-workbook";
export {
  officeDeps,
  DEFAULT_READ_LIMITS,
  type ExcelRunner,
  type OfficeWorkbookDeps,
  type ReadLimits,
  type SetSupported,
} from "./runner";
export { officeErrorMessage, officeErrorCode, toOfficeUserError } from "./office-errors";
export { ERROR_FILL, WARNING_FILL } from "./highlight";
