/**
 * Every user-facing error code and the parameters its wording needs. Callers word an error from its code
 * and parameters in the user's language (French catalog in french.ts, English in the pane), never from its
 * class or name. Parameters are plain JSON so an error can cross a Web Worker (toPlain / fromPlain).
 */

/** Why a file could not be read. Stable: the CLI and the add-in branch on them, tests pin them. */
export const READ_REASONS = [
  "empty-file",
  "not-zip",
  "truncated",
  "protected-or-xls",
  "not-xlsx",
  "no-sheet",
  "no-cells",
  "too-many-rows",
  "too-many-cells",
  "too-many-formulas",
  "too-many-merges",
  "file-too-large",
  "too-many-parts",
  "part-too-large",
  "content-too-large",
  "compression-bomb",
  "too-many-strings",
  "too-many-styles",
  "read-timeout",
  "read-memory",
  "unreadable",
  "io",
] as const;
export type ReadReason = (typeof READ_REASONS)[number];

/** The OfficeExtension.Error codes worded for the user; any other Office code is `office.unexpected`. */
export const OFFICE_CODES = [
  "InvalidOperationInCellEditMode",
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "ItemNotFound",
  "GeneralException",
  "AccessDenied",
  "InvalidArgument",
  "InvalidReference",
  "InvalidOperation",
  "ApiNotFound",
  "Conflict",
  "InsertDeleteConflict",
  "ActivityLimitReached",
  "RequestAborted",
  "ServiceNotAvailable",
  "Unauthenticated",
  "FilteredRangeConflict",
] as const;
export type OfficeCode = (typeof OFFICE_CODES)[number];

type NoParams = Record<string, never>;

/** `detail` is a French precision of the reader (a count, a part name): the English wording leaves it out. */
export interface ReadParams {
  file: string;
  detail?: string;
}

/** `action` is the French name of what the add-in was doing (shown before the French wording only). */
export interface OfficeParams {
  action?: string;
}

export type ReadCode = `read.${ReadReason}`;
export type OfficeErrorCode = `office.${OfficeCode}`;

/** A hub field the hub refused (422), as its problem+json `errors` lists them. */
export interface HubFieldProblem {
  pointer: string;
  detail: string;
}

export type UserErrorParams = { [C in ReadCode]: ReadParams } & { [C in OfficeErrorCode]: OfficeParams } & {
  "office.unexpected": OfficeParams & { officeCode?: string; detail?: string };
  "office.bad-cell-address": { cell: string };
  "office.no-change-events": NoParams;
  "limit.too-many-cells": { cells: number; max: number; sheet: string; range: string };
  "template.sheet-exists": { sheet: string };
  "template.sheets-exist": { sheets: string[] };
  "chart.sheet-missing": { sheet: string };
  "chart.drawing-exists": { sheet: string };
  "config.invalid": { problems: string[]; source: string | null };
  "hub.url-invalid": { url: string };
  "hub.url-not-http": { url: string };
  "hub.token-missing": NoParams;
  /** `status` of the last answer (null: no answer), `timedOut` when the last attempt timed out. */
  "hub.unreachable": {
    url: string;
    attempts: number;
    seconds: number;
    status: number | null;
    timedOut: boolean;
    queued: boolean;
  };
  /** `detail`: the hub's own French words (problem+json), when it gave some. */
  "hub.unauthorized": { status: number; detail?: string };
  "hub.refused": { status: number; detail?: string; errors: HubFieldProblem[] };
  "hub.bad-receipt": { status: number };
  "hub.bad-json": { status: number };
  "hub.bad-settings": { url: string; problems: string[] };
  "consolidate.period-invalid": { period: string };
  "consolidate.token-refused": NoParams;
  "consolidate.token-not-department": NoParams;
  "consolidate.hub-unreachable": { url: string };
  "consolidate.hub-refused": { detail: string };
  "consolidate.hub-failed": { detail: string };
  "consolidate.not-xlsx": { file: string };
  "consolidate.analysis-failed": { file: string; detail: string };
  "pane.not-xlsx": { name: string };
  "usage.config-unreadable": { path: string; errno: string | null };
  "usage.unknown-option": { option: string; command: string };
  "usage.bad-option-value": { option: string; command: string };
  "usage.bad-arguments": { command: string; detail: string };
  "usage.unknown-subcommand": { command: string; sub: string; choices: string[] };
  "usage.bad-siret": { value: string };
  "usage.missing-name": NoParams;
  "usage.missing-kind": NoParams;
  "usage.unknown-kinds": { kinds: string[] };
  "usage.unknown-template-kind": { kind: string; known: string[] };
  "usage.missing-output": NoParams;
  "usage.cannot-write": { path: string; errno: string | null };
  "usage.missing-secret": { secret: "structure-token" | "department-key"; flag: string; env: string };
  "usage.one-file-only": NoParams;
  "usage.missing-hub": NoParams;
  "usage.file-not-found": { path: string };
  "usage.no-input": { command: "check" | "indicators" | "consolidate" };
  "usage.no-xlsx-found": { inputs: string[] };
  "usage.hub-with-files": NoParams;
  "usage.missing-period": NoParams;
  "usage.missing-department-token": NoParams;
  "usage.outbox-action": NoParams;
  "usage.bad-port": { value: string };
  "usage.missing-backup-file": NoParams;
  "usage.backup-postgres": NoParams;
  "usage.token-target": NoParams;
  "usage.unknown-structure": { siret: string };
  "usage.missing-token-id": NoParams;
  "usage.hub-environment": { detail: string };
};

export type UserErrorCode = keyof UserErrorParams;

/** The area of a code (`read`, `office`, `hub`, `usage`…): what callers branch on, e.g. the CLI's exit code. */
export type UserErrorArea = UserErrorCode extends `${infer A}.${string}` ? A : never;

/** A wording of every code: the compiler refuses a catalog that misses one. */
export type UserErrorWording = { readonly [C in UserErrorCode]: (params: UserErrorParams[C]) => string };
