/**
 * What the adapter needs from Office, injected so tests can pass a fake and nothing touches the
 * `Excel`/`Office` globals at import time.
 */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel.run(context, batch): a batch on an earlier context (event handlers are removed in theirs). */
export type ContextRunner = <T>(
  context: OfficeExtension.ClientRequestContext,
  batch: (context: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

/** Office.context.requirements.isSetSupported, or a stand-in. */
export type SetSupported = (name: string, minVersion?: string) => boolean;

export interface OfficeWorkbookDeps {
  run: ExcelRunner;
  /** Needed to stop watching edits; without it the pane does not offer to re-check as the user types. */
  runIn?: ContextRunner;
  isSetSupported: SetSupported;
  limits?: Partial<ReadLimits>;
  /** Workbook name for messages (Office.context.document.url's last part), optional. */
  workbookName?: string;
}

export interface ReadLimits {
  /** Refuse to read beyond this many used cells (values only) in the whole workbook. */
  maxCells: number;
  /** At most this many rows per Range read. */
  maxBlockRows: number;
  /** Estimated bytes of cell values per request; below Excel on the web's 5 MB request/response limit. */
  requestBudgetBytes: number;
  /** Bytes per cell assumed before anything has been measured. */
  initialBytesPerCell: number;
  /** Safety factor applied to the measured bytes per cell. */
  margin: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxCells: 5_000_000,
  maxBlockRows: 10_000,
  requestBudgetBytes: 4_000_000,
  initialBytesPerCell: 16,
  margin: 1.25,
};

/** Builds the runner from the real globals, at call time (inside Excel only). */
export function officeDeps(): OfficeWorkbookDeps {
  const g = globalThis as { Excel?: typeof Excel; Office?: typeof Office };
  if (!g.Excel || !g.Office) throw new Error("Office.js n'est pas chargé : ouvrez le volet depuis Excel.");
  const excel = g.Excel;
  const office = g.Office;
  return {
    run: (batch) => excel.run(batch),
    runIn: (context, batch) => excel.run(context, batch),
    isSetSupported: (name, version) => office.context.requirements.isSetSupported(name, version),
  };
}
