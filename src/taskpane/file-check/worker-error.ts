/**
 * Errors across the worker boundary go as core's `toPlain` / `fromPlain` (errors/user-error): structured clone
 * keeps neither the class nor the own fields of an Error. This module adds the one error of the boundary itself.
 */

/** A check given up because another file was opened (the pane drops it silently: it is not a failure). */
export function abortError(): Error {
  const e = new Error("Vérification annulée : un autre classeur a été ouvert.");
  e.name = "AbortError";
  return e;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}
