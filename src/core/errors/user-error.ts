import type { UserErrorArea, UserErrorCode, UserErrorParams } from "./codes";
import { USER_ERRORS_FR } from "./french";

/**
 * The one user-facing error: a code, the parameters its wording needs, and `message` = the French wording
 * (what the CLI prints and logs keep). The pane words it in its own language from code and params.
 */
export class UserError<C extends UserErrorCode = UserErrorCode> extends Error {
  /** Brand that survives a copy without the prototype (another bundle, toPlain across a worker). */
  readonly userError = true;
  readonly code: C;
  readonly params: UserErrorParams[C];

  constructor(code: C, params: UserErrorParams[C], options?: { cause?: unknown }) {
    super((USER_ERRORS_FR[code] as (p: UserErrorParams[C]) => string)(params), options);
    this.name = "UserError";
    this.code = code;
    this.params = params;
  }
}

/** What isUserError recognises: a UserError, or its plain copy from another bundle or a worker. */
export interface UserErrorLike<C extends UserErrorCode = UserErrorCode> {
  userError: true;
  name: string;
  message: string;
  code: C;
  params: UserErrorParams[C];
}

function isKnownCode(code: unknown): code is UserErrorCode {
  return typeof code === "string" && Object.prototype.hasOwnProperty.call(USER_ERRORS_FR, code);
}

/** True for a UserError, whatever its realm or bundle, and for its plain copy (toPlain): checks the brand, not the class. */
export function isUserError(x: unknown): x is UserErrorLike {
  if (typeof x !== "object" || x === null) return false;
  const e = x as { userError?: unknown; code?: unknown; params?: unknown };
  return e.userError === true && isKnownCode(e.code) && typeof e.params === "object" && e.params !== null;
}

/** True when `x` is a user error with this code; narrows its params. */
export function hasCode<C extends UserErrorCode>(x: unknown, code: C): x is UserErrorLike<C> {
  return isUserError(x) && x.code === code;
}

/** True when `x` is a user error of this area (`read`, `hub`, `usage`…). */
export function inArea<A extends UserErrorArea>(
  x: unknown,
  area: A,
): x is UserErrorLike<Extract<UserErrorCode, `${A}.${string}`>> {
  return isUserError(x) && x.code.startsWith(`${area}.`);
}

/** The shape that crosses a worker (structured clone keeps plain data only; an Error loses its fields). */
export interface PlainError {
  name: string;
  message: string;
  userError?: true;
  code?: string;
  params?: Record<string, unknown>;
  /** The file reader's shape, as a worker may post it: `read.<reason>` with the file's name. */
  reason?: string;
  file?: string;
}

/** A plain, cloneable copy of any thrown value: code and params kept for a UserError. */
export function toPlain(e: unknown): PlainError {
  if (isUserError(e))
    return {
      name: "UserError",
      message: e.message,
      userError: true,
      code: e.code,
      params: JSON.parse(JSON.stringify(e.params)) as Record<string, unknown>,
    };
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: "Error", message: String(e) };
}

/**
 * Back from toPlain, or from a worker's `{ name, message, code?, reason?, file?, params? }`: a UserError when
 * the code (or `read.<reason>`) is known, the message as sent (it may carry a detail the params lack);
 * any other shape gives a plain Error with its name and message, never a UserError it is not.
 */
export function fromPlain(plain: PlainError): Error {
  const code = isKnownCode(plain.code)
    ? plain.code
    : plain.reason !== undefined && isKnownCode(`read.${plain.reason}`)
      ? (`read.${plain.reason}` as UserErrorCode)
      : null;
  if (code !== null) {
    const params = plain.params ?? (plain.file !== undefined ? { file: plain.file } : null);
    if (params !== null) {
      const e = new UserError(code, params as UserErrorParams[typeof code]);
      if (typeof plain.message === "string" && plain.message !== "") e.message = plain.message;
      return e;
    }
  }
  const e = new Error(plain.message);
  e.name = plain.name;
  return e;
}
