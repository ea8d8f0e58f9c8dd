import { useCallback, useEffect, useRef, useState } from "react";
import { canCheckLive, type ChangeWatch, type WorkbookPort } from "../../core";
import { EditBatcher } from "../live-check/edit-batcher";
import { LIVE_CHECK } from "../live-check/option";
import type { SettingsStore } from "../settings-store";
import type { Session } from "./useWorkbookSession";

export interface LiveCheck {
  enabled: boolean;
  setEnabled(enabled: boolean): void;
  /** The browser refused to keep the choice: it lasts this session. */
  notSaved: boolean;
}

/**
 * « Revérifier pendant la saisie »: once the workbook has been checked, Excel's edit events are watched
 * and re-checked in bursts; the handlers go when the option is turned off or the pane leaves Excel.
 * Null when the host cannot report edits (the option is not offered).
 */
export function useLiveCheck(
  port: WorkbookPort | null,
  session: Session,
  store: SettingsStore,
): LiveCheck | null {
  const live = canCheckLive(port) ? port : null;
  const [enabled, setEnabledState] = useState(() => store.load(LIVE_CHECK).enabled);
  const [notSaved, setNotSaved] = useState(false);
  const setEnabled = useCallback(
    (value: boolean) => {
      setEnabledState(value);
      setNotSaved(store.save(LIVE_CHECK, { enabled: value }) !== "saved");
    },
    [store],
  );
  const checked = session.analysis !== null;
  // A check that found other sheets (one added since) registers again, so its edits are seen too.
  const sheets = session.sheetNames.join("\u0000");
  const recheck = useRef(session.recheckEdits);
  recheck.current = session.recheckEdits;
  const report = useRef(session.reportError);
  report.current = session.reportError;

  useEffect(() => {
    if (!live || !enabled || !checked) return;
    const batcher = new EditBatcher(
      (changes) => recheck.current(changes),
      (error) => report.current(error),
    );
    let watch: ChangeWatch | null = null;
    let ended = false;
    const stop = (w: ChangeWatch) => w.stop().catch((error: unknown) => report.current(error));
    live
      .watchChanges((change) => batcher.add(change))
      .then(
        (w) => {
          if (ended) void stop(w);
          else watch = w;
        },
        (error: unknown) => report.current(error),
      );
    return () => {
      ended = true;
      batcher.stop();
      if (watch) void stop(watch);
    };
  }, [live, enabled, checked, sheets]);

  return live ? { enabled, setEnabled, notSaved } : null;
}
