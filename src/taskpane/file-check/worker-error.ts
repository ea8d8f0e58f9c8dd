/**
 * Errors across the worker boundary: structured clone keeps neither the class nor own fields of an Error, so the
 * worker sends its fields and the page rebuilds an Error that `userMessage` words exactly as the original. Both
 * shapes pass: the reader's XlsxReadError (`reason`, `file`) and coded errors (`code`, `params`).
 */
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  reason?: string;
  file?: string;
  params?: Record<string, string | number>;
}

type Params = Record<string, string | number>;

function isParams(v: unknown): v is Params {
  return (
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    Object.values(v).every((x) => typeof x === "string" || typeof x === "number")
  );
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const e = error as Error & { code?: unknown; reason?: unknown; file?: unknown; params?: unknown };
  const out: SerializedError = { name: e.name, message: e.message };
  if (typeof e.code === "string") out.code = e.code;
  if (typeof e.reason === "string") out.reason = e.reason;
  if (typeof e.file === "string") out.file = e.file;
  if (isParams(e.params)) out.params = { ...e.params };
  return out;
}

/** An Error with the original's name, message and codes (the pane's error wording reads only those). */
export function rebuildError(s: SerializedError): Error {
  const error = new Error(s.message) as Error & Omit<SerializedError, "name" | "message">;
  error.name = s.name;
  if (s.code !== undefined) error.code = s.code;
  if (s.reason !== undefined) error.reason = s.reason;
  if (s.file !== undefined) error.file = s.file;
  if (s.params !== undefined) error.params = s.params;
  return error;
}

/** A check given up because another file was opened (the pane drops it silently: it is not a failure). */
export function abortError(): Error {
  const e = new Error("Vérification annulée : un autre classeur a été ouvert.");
  e.name = "AbortError";
  return e;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}
