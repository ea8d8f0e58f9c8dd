import type { Translate } from "./i18n/i18n";
import { frenchTypography } from "./i18n/format";

/**
 * Turns anything thrown by Office, the file reader or the engine into a sentence the accountant
 * can act on, in the pane's language. Adapters throw French messages with a stable code (Office's
 * error code, our own limits, the file reader's reason): in French the message passes through, in
 * English the pane words the code itself.
 */
export function userMessage(error: unknown, t: Translate): string {
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : String(error);
  const code = officeErrorCode(error);
  const english = t.language === "en";
  if (isOfficeUserError(error))
    return english ? englishOfficeError(error.code, error.params, t) : frenchTypography(message);
  if (isXlsxReadError(error))
    return english ? englishReadError(error.reason, error.file) : frenchTypography(message);
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return t("errorEditMode");
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return t("errorPayload");
    case "AccessDenied":
      return t("errorAccessDenied");
    case "ItemNotFound":
      return t("errorNotFound");
    case undefined:
      break;
    default:
      return t("errorOffice", { code, message });
  }
  // Our other user-facing errors (a department's bad settings file, the hub's answers) are French only.
  if (isFrenchUserMessage(error)) return frenchTypography(message);
  return t("errorUnexpected", { message });
}

/** OfficeExtension.Error carries a string `code`; plain errors do not. */
function officeErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as { code?: unknown; name?: unknown; debugInfo?: unknown };
  if (typeof e.code === "string" && (e.name === "RichApi.Error" || e.debugInfo !== undefined)) return e.code;
  return undefined;
}

interface CodedOfficeError extends Error {
  code: string;
  params?: Readonly<Record<string, string | number>>;
}

/** The Office adapter's errors (OfficeUserError; duck-typed so this module never loads the adapter). */
function isOfficeUserError(error: unknown): error is CodedOfficeError {
  return (
    error instanceof Error &&
    error.name === "OfficeUserError" &&
    typeof (error as { code?: unknown }).code === "string"
  );
}

function isXlsxReadError(error: unknown): error is Error & { reason: string; file: string } {
  return (
    error instanceof Error &&
    error.name === "XlsxReadError" &&
    typeof (error as { reason?: unknown }).reason === "string"
  );
}

/** Errors raised for the user (OfficeWorkbook limits, a department's bad settings file) carry a `userFacing` flag or a known name. */
function isFrenchUserMessage(error: unknown): error is Error {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { userFacing?: unknown };
  return e.userFacing === true || /ReadError$|LimitError$|UserError$|^ConfigError$/.test(e.name);
}

const OFFICE_EN: Record<string, string> = {
  InvalidOperationInCellEditMode: "Excel is editing a cell. Press Enter or Esc in the sheet, then try again.",
  RequestPayloadSizeLimitExceeded:
    "Too much data for Excel at once (Excel on the web's 5 MB limit). Reduce the sheet's used range, or check the file with the bilan-iae command.",
  ResponsePayloadSizeLimitExceeded:
    "Too much data for Excel at once (Excel on the web's 5 MB limit). Reduce the sheet's used range, or check the file with the bilan-iae command.",
  ItemNotFound:
    "Excel cannot find the sheet or cell: it may have been renamed or deleted. Check the workbook again.",
  GeneralException:
    "Excel met an internal error. Save the workbook, close and reopen the Bilan IAE pane, and try again.",
  AccessDenied:
    "Excel refuses the change: the workbook or sheet may be protected or read-only. Remove the protection, then try again.",
  InvalidArgument:
    "Excel refused a value sent by the add-in. Check again; if it persists, report it with the sheet's name.",
  InvalidReference: "The cell reference is not valid for Excel. Check again.",
  InvalidOperation:
    "Excel does not allow this operation in the workbook's current state (protected sheet, merged cells or an active filter?).",
  ApiNotFound:
    "This version of Excel lacks a feature the add-in needs. Update Excel or use Excel on the web.",
  Conflict: "Someone else changed the workbook at the same time. Try again in a moment.",
  InsertDeleteConflict: "Someone else changed the workbook at the same time. Try again in a moment.",
  ActivityLimitReached:
    "Excel limits the number of operations under way. Wait a few seconds, then try again.",
  RequestAborted: "The request to Excel was interrupted. Try again.",
  ServiceNotAvailable: "Excel does not answer for now. Wait a few seconds, then try again.",
  Unauthenticated: "Your Microsoft session has expired. Sign in again, then try again.",
  FilteredRangeConflict: "An active filter prevents the change. Remove the filter, then try again.",
};

function englishOfficeError(
  code: string,
  params: Readonly<Record<string, string | number>> | undefined,
  t: Translate,
): string {
  if (code === "TooManyCells" && params) {
    const n = (v: string | number | undefined) =>
      typeof v === "number" ? v.toLocaleString("en-US") : String(v ?? "");
    return `The workbook has ${n(params.cells)} used cells, beyond the ${n(params.max)} the add-in can read (sheet “${params.sheet}” spans ${params.range}). Delete the empty rows and columns at the end of the sheet (often a stray value far from the table), or check the file with the bilan-iae command.`;
  }
  if (code === "InvalidReference" && params?.cell) return `Invalid cell address: ${params.cell}.`;
  return OFFICE_EN[code] ?? t("errorOffice", { code, message: "" }).replace(/: $/, ".");
}

const SAVE_AS = "open it in Excel (or LibreOffice) and save it as Excel Workbook (.xlsx)";

function englishReadError(reason: string, file: string): string {
  const f = `“${file}”`;
  switch (reason) {
    case "empty-file":
      return `The file ${f} is empty (0 bytes): check that you chose the right file, or send it again.`;
    case "not-zip":
    case "not-xlsx":
      return `The file ${f} is not an .xlsx Excel workbook: ${SAVE_AS}.`;
    case "truncated":
      return `The file ${f} is incomplete or damaged (interrupted copy or download?): get a complete copy, or ${SAVE_AS} again.`;
    case "protected-or-xls":
      return `The file ${f} is password-protected or in the old .xls format: open it in Excel and save it as .xlsx without a password.`;
    case "no-sheet":
      return `The workbook ${f} has no sheet: add the employees sheet.`;
    case "no-cells":
      return `The workbook ${f} is empty (no filled cell): fill in the employees sheet, then try again.`;
    case "too-many-rows":
    case "too-many-cells":
      return `The workbook ${f} is too large: delete the rows and columns beyond the table (Ctrl+End in Excel shows the last used cell), save, then try again.`;
    default:
      return `The workbook ${f} could not be read: ${SAVE_AS}, then try again.`;
  }
}
