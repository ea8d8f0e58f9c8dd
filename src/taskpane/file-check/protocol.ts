import type { Analysis, MappingOverride, RulesConfig } from "../../core";
import type { ResultPart } from "./result-chunks";
import type { PlainError } from "../../core/errors/user-error";

/** Where a file's check is: reading the cells, then the engine's analysis. */
export type CheckPhase = "reading" | "analyzing";

/** What the pane shows while a workbook is checked (file mode counts rows; Office reads in blocks). */
export interface CheckProgress {
  phase: CheckPhase;
  /** The sheet being read. */
  sheet: string;
  rowsRead: number;
  /** Total rows: exact from Office, estimated from the sheets' dimensions in a file, null when unknown. */
  totalRows: number | null;
  /** True when totalRows is an estimate (shown « sur ~30 000 »). */
  estimated: boolean;
}

/** What a file's check gives the pane: every report, the saved mapping, the sheets a mapping may choose from. */
export interface FileCheck {
  reports: Analysis[];
  mapping: MappingOverride | null;
  sheetNames: string[];
}

/** The page asks the worker to check one file: its bytes (transferred) under the department's rules or the defaults. */
export interface FileCheckJob {
  name: string;
  bytes: ArrayBuffer;
  config: RulesConfig | null;
}

/**
 * What the page says to the worker: the job, then "next" after each part of the result it has taken in, so the
 * parts come one task apart and timers, frames and input run between them.
 */
export type PageMessage = FileCheckJob | { type: "next" };

/**
 * What the file-check worker says: that it started, its progress, then its result (the rows in parts first, then
 * the rest) or its error.
 */
export type FileCheckReply =
  | { type: "started" }
  | { type: "progress"; progress: CheckProgress }
  | ResultPart
  | { type: "done"; result: FileCheck }
  | { type: "failed"; error: PlainError };
