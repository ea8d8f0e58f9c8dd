import { isUserError, type UserErrorLike } from "../core/errors/user-error";
import type { UserErrorWording } from "../core/errors/codes";
import type { Translate } from "./i18n/i18n";
import { USER_ERRORS_EN } from "./i18n/errors-en";
import { frenchTypography } from "./i18n/format";

/**
 * Turns anything thrown by Office, the file reader, the hub client or the engine into a sentence the
 * accountant can act on, in the pane's language: a UserError by its code (its message is the French
 * wording, the English catalog words the code), Office's own errors by their code, anything else as
 * unexpected.
 */
export function userMessage(error: unknown, t: Translate): string {
  if (isUserError(error))
    return t.language === "en" ? wordIn(USER_ERRORS_EN, error) : frenchTypography(error.message);
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : String(error);
  const code = officeErrorCode(error);
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
  return t("errorUnexpected", { message });
}

function wordIn(catalog: UserErrorWording, error: UserErrorLike): string {
  return (catalog[error.code] as (params: unknown) => string)(error.params);
}

/** OfficeExtension.Error carries a string `code`; plain errors do not. */
function officeErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as { code?: unknown; name?: unknown; debugInfo?: unknown };
  if (typeof e.code === "string" && (e.name === "RichApi.Error" || e.debugInfo !== undefined)) return e.code;
  return undefined;
}
