import type { Translate } from "./i18n/i18n";

/**
 * Turns anything thrown by Office, the file reader or the engine into a sentence the accountant
 * can act on. Adapters already throw French messages for what they know (file unreadable, too many
 * cells): those pass through; Office's own error codes are translated here.
 */
export function userMessage(error: unknown, t: Translate): string {
  const code = officeErrorCode(error);
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : String(error);
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
  if (isFrenchUserMessage(error)) return message;
  return t("errorUnexpected", { message });
}

/** OfficeExtension.Error carries a string `code`; plain errors do not. */
function officeErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as { code?: unknown; name?: unknown; debugInfo?: unknown };
  if (typeof e.code === "string" && (e.name === "RichApi.Error" || e.debugInfo !== undefined)) return e.code;
  return undefined;
}

/** Errors raised for the user (XlsxReadError, OfficeWorkbook limits, a department's bad settings file) carry a `userFacing` flag or a known name. */
function isFrenchUserMessage(error: unknown): error is Error {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { userFacing?: unknown };
  return e.userFacing === true || /ReadError$|LimitError$|UserError$|^ConfigError$/.test(e.name);
}
