import type { ReadCode, ReadReason } from "../core/errors/codes";
import { USER_ERRORS_FR } from "../core/errors/french";
import { inArea, UserError, type UserErrorLike } from "../core/errors/user-error";

/** Why a file could not be read (the `read.*` codes of UserError). */
export type XlsxReadReason = ReadReason;

/** A file that cannot be read as a workbook: a `read.<reason>` UserError naming the file. */
export function readError(reason: XlsxReadReason, file: string, detail?: string): UserError<ReadCode> {
  return new UserError(`read.${reason}`, detail === undefined ? { file } : { file, detail });
}

/** The French message of a read error, for a worker's answer that is not an error object. */
export function readErrorMessage(reason: XlsxReadReason, file: string, detail?: string): string {
  return USER_ERRORS_FR[`read.${reason}`]({ file, detail });
}

export function isXlsxReadError(e: unknown): e is UserErrorLike<ReadCode> {
  return inArea(e, "read");
}

/** The reason of a read error (its code without `read.`), as the CLI's JSON and the worker report it. */
export function readReasonOf(e: UserErrorLike<ReadCode>): XlsxReadReason {
  return e.code.slice("read.".length) as XlsxReadReason;
}
