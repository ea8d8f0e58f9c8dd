import { OFFICE_CODES, type OfficeCode } from "../core/errors/codes";
import { isUserError, UserError, type UserErrorLike } from "../core/errors/user-error";

/**
 * Office.js errors (OfficeExtension.Error: a string `code`, an English `message`, `debugInfo`) turned into
 * `office.*` UserErrors: French message, and a code the pane words in its own language.
 */

const KNOWN = new Set<string>(OFFICE_CODES);

/** The `code` of an OfficeExtension.Error (or anything shaped like one), else null. */
export function officeErrorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && code !== "" ? code : null;
}

/** Wraps anything Office threw as a UserError (`action` says what was being done); our own pass through. */
export function toOfficeUserError(error: unknown, action?: string): UserError | UserErrorLike {
  if (isUserError(error)) return error;
  const code = officeErrorCode(error);
  const where = action ? { action } : {};
  if (code !== null && KNOWN.has(code))
    return new UserError(`office.${code as OfficeCode}`, where, { cause: error });
  const detail = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  return new UserError(
    "office.unexpected",
    { ...where, ...(code ? { officeCode: code } : {}), ...(detail ? { detail } : {}) },
    { cause: error },
  );
}

/** A French sentence for an error thrown by Office.js; `action` says what was being done. */
export function officeErrorMessage(error: unknown, action?: string): string {
  return toOfficeUserError(error, action).message;
}
