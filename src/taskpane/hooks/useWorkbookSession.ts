import { useCallback, useEffect, useRef, useState } from "react";
import type {
  Analysis,
  Finding,
  Kind,
  MappingOverride,
  RulesConfig,
  SheetChange,
  WorkbookData,
  WorkbookAnalysis,
  WorkbookPort,
} from "../../core";
import {
  canCheckLive,
  findingsToHighlight,
  indicatorsSheetNames,
  MAPPING_SHEET,
  SEND_SHEET,
} from "../../core";
import type { Language, Translate } from "../i18n/i18n";
import { userMessage } from "../errors";
import type { CheckProgress, FileCheck } from "../file-check/protocol";
import { recheckEdits, type CheckedWorkbook } from "../live-check/recheck";
import { recheckMessage } from "../live-check/message";
import { isAbortError } from "../file-check/worker-error";

/**
 * The engine entry point, injected so component tests can feed a canned Analysis. `config`: the
 * department's rules from the hub; absent, the shipped defaults.
 */
export type Analyze = (
  workbook: WorkbookData,
  mapping: MappingOverride | null,
  config?: RulesConfig,
) => WorkbookAnalysis | Promise<WorkbookAnalysis>;

/**
 * File mode's check off the page's thread: reads and analyses the file, reporting progress; rejects with an
 * AbortError when `signal` aborts (another file opened). Absent, the session reads through the port and analyses.
 */
export type CheckOffThread = (
  onProgress: (p: CheckProgress) => void,
  signal: AbortSignal,
) => Promise<FileCheck>;

export interface SessionState {
  /** "reading" while the port reads cells, "analyzing" while the engine runs. */
  phase: "idle" | "reading" | "analyzing" | "ready";
  progress: CheckProgress | null;
  /** Every report of the workbook (one per convention, domain §2.4.3). */
  reports: Analysis[];
  /** The report shown: reports[reportIndex]. */
  analysis: Analysis | null;
  reportIndex: number;
  mapping: MappingOverride | null;
  /** The workbook's sheets at the last check, in order (the mapping panel lets the user choose those read). */
  sheetNames: string[];
  /** Label of the action under way (disables the buttons), null when idle. */
  busy: string | null;
  error: string | null;
  notice: string | null;
  /** "Sheet!A1" of the last finding the user went to. */
  selected: string | null;
  /** Counts the checks the user asked for; re-checks of edits keep it (panels closed stay closed). */
  checks: number;
}

export interface Session extends SessionState {
  check(): Promise<void>;
  highlight(): Promise<void>;
  clearHighlights(): Promise<void>;
  select(finding: Finding): Promise<void>;
  /** Shows another report of the workbook (several conventions). */
  selectReport(index: number): void;
  writeIndicators(): Promise<void>;
  insertTemplate(kind: Kind): Promise<void>;
  saveMapping(mapping: MappingOverride): Promise<void>;
  dismissError(): void;
  /** Shows an error that happened outside the session (opening a file). */
  reportError(error: unknown): void;
  /** Re-checks edits Excel reported since the last check (see live-check/recheck). */
  recheckEdits(changes: SheetChange[]): Promise<void>;
}

const initial: SessionState = {
  phase: "idle",
  progress: null,
  reports: [],
  analysis: null,
  reportIndex: 0,
  mapping: null,
  sheetNames: [],
  busy: null,
  error: null,
  notice: null,
  selected: null,
  checks: 0,
};

/** The reports to show, keeping the convention the user was looking at when it is still there. */
function shown(
  reports: Analysis[],
  previous: Analysis | null,
): Pick<SessionState, "reports" | "reportIndex" | "analysis"> {
  const kept = reports.findIndex((r) => r.structure.kind === previous?.structure.kind);
  const reportIndex = kept >= 0 ? kept : 0;
  return { reports, reportIndex, analysis: reports[reportIndex] ?? null };
}

/** The sheets the mapping panel offers: every sheet but the add-in's own. */
function offeredSheets(names: readonly string[]): string[] {
  return names.filter((n) => n !== MAPPING_SHEET && n !== SEND_SHEET);
}

export function cellRef(sheet: string, cell: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(sheet) ? `${sheet}!${cell}` : `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/**
 * Everything the pane does to a workbook, through the WorkbookPort only: no rule or indicator
 * logic here, the engine decides, the port reads and writes.
 */
export function useWorkbookSession(
  port: WorkbookPort | null,
  analyze: Analyze,
  language: Language,
  t: Translate,
  checkOffThread?: CheckOffThread,
): Session {
  const [state, setState] = useState<SessionState>(initial);
  const stateRef = useRef(state);
  stateRef.current = state;
  const patch = useCallback((p: Partial<SessionState>) => setState((s) => ({ ...s, ...p })), []);
  // What the last check read in the page, so edits are re-checked without reading the whole workbook again
  // (Excel mode; a check off the thread keeps no cells in the page).
  const checked = useRef<CheckedWorkbook | null>(null);
  // One workbook action at a time: a re-check of edits waits for a button's action, and the reverse.
  const lock = useRef<Promise<unknown>>(Promise.resolve());
  const exclusive = useCallback(<T>(action: () => Promise<T>): Promise<T> => {
    const next = lock.current.then(action);
    lock.current = next.catch(() => undefined);
    return next;
  }, []);
  // The check under way off the thread: a new check, or another workbook, ends it.
  const running = useRef<AbortController | null>(null);
  useEffect(
    () => () => {
      running.current?.abort();
      running.current = null; // so the ended check counts as superseded, not as failed
    },
    [port],
  );

  const run = useCallback(
    async (label: string, action: (p: WorkbookPort) => Promise<Partial<SessionState> | void>) => {
      if (!port) return;
      patch({ busy: label, error: null, notice: null });
      try {
        const result = await exclusive(() => action(port));
        patch({ busy: null, ...(result ?? {}) });
      } catch (error) {
        patch({
          busy: null,
          phase: stateRef.current.analysis ? "ready" : "idle",
          progress: null,
          error: userMessage(error, t),
        });
      }
    },
    [port, patch, exclusive, t],
  );

  /** The session's state once a check the user asked for gave these reports. */
  const readyState = useCallback(
    (
      reports: Analysis[],
      mapping: MappingOverride | null,
      names: readonly string[],
    ): Partial<SessionState> => {
      const c = { error: 0, warning: 0, info: 0 };
      for (const r of reports) {
        c.error += r.report.counts.error;
        c.warning += r.report.counts.warning;
        c.info += r.report.counts.info;
      }
      return {
        phase: "ready",
        progress: null,
        checks: stateRef.current.checks + 1,
        ...shown(reports, stateRef.current.analysis),
        mapping,
        sheetNames: offeredSheets(names),
        notice: t("checkedAt", {
          count: c.error + c.warning + c.info,
          errors: c.error,
          warnings: c.warning,
          infos: c.info,
        }),
      };
    },
    [t],
  );

  /** File mode: read and analysed off the page's thread; a superseded check leaves the state to the new one. */
  const checkOff = useCallback(
    async (off: CheckOffThread) => {
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      const current = () => running.current === controller;
      patch({
        busy: t("check"),
        error: null,
        notice: null,
        phase: "reading",
        progress: null,
        selected: null,
      });
      try {
        const { reports, mapping, sheetNames } = await off((progress) => {
          if (current()) patch({ phase: progress.phase, progress });
        }, controller.signal);
        if (current()) {
          checked.current = null;
          patch({ busy: null, ...readyState(reports, mapping, sheetNames) });
        }
      } catch (error) {
        if (!current()) {
          // A check superseded by another file's: its failure concerns a workbook no longer shown.
          if (!isAbortError(error)) console.warn("Bilan IAE : vérification remplacée en échec", error);
          return;
        }
        patch({
          busy: null,
          phase: stateRef.current.analysis ? "ready" : "idle",
          progress: null,
          error: userMessage(error, t),
        });
      } finally {
        if (current()) running.current = null;
      }
    },
    [patch, readyState, t],
  );

  const check = useCallback(() => {
    if (checkOffThread && port) return checkOff(checkOffThread);
    return run(t("check"), async (p) => {
      patch({ phase: "reading", progress: null, selected: null });
      const mapping = await p.loadMapping();
      const data = await p.read((r) => patch({ progress: { phase: "reading", ...r, estimated: false } }));
      patch({ phase: "analyzing", progress: null });
      const { reports } = await analyze(data, mapping);
      checked.current = { data, mapping, reports };
      return readyState(
        reports,
        mapping,
        data.sheets.map((sh) => sh.name),
      );
    });
  }, [run, patch, analyze, t, checkOffThread, checkOff, port, readyState]);

  const highlight = useCallback(
    () =>
      run(t("highlight"), async (p) => {
        const { findings, cells } = findingsToHighlight(stateRef.current.reports);
        await p.highlight(findings);
        return { notice: t("highlighted", { count: cells }) };
      }),
    [run, t],
  );

  const clearHighlights = useCallback(
    () =>
      run(t("clearHighlight"), async (p) => {
        const leftAsIs = await p.clearHighlights();
        return {
          notice: leftAsIs > 0 ? t("highlightClearedMoved", { count: leftAsIs }) : t("highlightCleared"),
        };
      }),
    [run, t],
  );

  const select = useCallback(
    async (finding: Finding) => {
      if (!port || finding.sheet === null || finding.cell === null) return;
      const ref = cellRef(finding.sheet, finding.cell);
      patch({ selected: ref, error: null });
      try {
        await port.select(finding.sheet, finding.cell);
      } catch (error) {
        patch({ error: userMessage(error, t) });
      }
    },
    [port, patch, t],
  );

  const writeIndicators = useCallback(
    () =>
      run(t("writeIndicators"), async (p) => {
        const { reports } = stateRef.current;
        if (reports.length === 0) return;
        await p.writeIndicators(reports, { generatedAt: new Date(), language });
        const sheets = indicatorsSheetNames(reports);
        return {
          notice:
            sheets.length === 1
              ? t("indicatorsWritten")
              : t("indicatorsWrittenMany", {
                  count: sheets.length,
                  sheets: sheets.map((n) => `« ${n} »`).join(", "),
                }),
        };
      }),
    [run, t, language],
  );

  const insertTemplate = useCallback(
    (kind: Kind) =>
      run(t("createTemplate"), async (p) => {
        await p.insertTemplate(kind);
        return { notice: t("templateInserted", { kind }) };
      }),
    [run, t],
  );

  const saveMapping = useCallback(
    async (mapping: MappingOverride) => {
      let saved = false;
      await run(t("mappingSave"), async (p) => {
        await p.saveMapping(mapping);
        saved = true;
      });
      // The engine reads the saved mapping back through the port: re-check right away.
      if (saved) {
        await check();
        patch({ notice: t("mappingSaved") });
      }
    },
    [run, check, patch, t],
  );

  const selectReport = useCallback(
    (index: number) =>
      setState((s) =>
        index >= 0 && index < s.reports.length
          ? { ...s, reportIndex: index, analysis: s.reports[index], selected: null }
          : s,
      ),
    [],
  );

  const dismissError = useCallback(() => patch({ error: null }), [patch]);
  // Edits whose re-check failed: re-checked with the next ones, so the cache never misses them.
  const unchecked = useRef<SheetChange[]>([]);
  const recheck = useCallback(
    (changes: SheetChange[]) =>
      exclusive(async () => {
        const last = checked.current;
        if (!port || !canCheckLive(port) || !last) return;
        const edits = [...unchecked.current, ...changes];
        unchecked.current = [];
        try {
          const outcome = await recheckEdits(port, last, edits, analyze);
          if (!outcome) return;
          checked.current = { data: outcome.data, mapping: outcome.mapping, reports: outcome.reports };
          patch({
            ...shown(outcome.reports, stateRef.current.analysis),
            mapping: outcome.mapping,
            sheetNames: offeredSheets(outcome.data.sheets.map((sh) => sh.name)),
            notice: recheckMessage(t, new Date(), outcome.diff, outcome.full),
          });
        } catch (error) {
          unchecked.current = edits;
          patch({ error: userMessage(error, t) });
        }
      }),
    [port, analyze, exclusive, patch, t],
  );

  const reportError = useCallback((error: unknown) => patch({ error: userMessage(error, t) }), [patch, t]);

  return {
    ...state,
    check,
    highlight,
    clearHighlights,
    select,
    selectReport,
    writeIndicators,
    insertTemplate,
    saveMapping,
    dismissError,
    reportError,
    recheckEdits: recheck,
  };
}
