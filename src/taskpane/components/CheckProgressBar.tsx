import { Field, makeStyles, ProgressBar } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { CheckPhase, CheckProgress } from "../file-check/protocol";
import type { Translate } from "../i18n/i18n";
import { useI18n } from "../i18n/i18n";

/** Least time between two announcements of the count to screen readers (a 30 000-row read is not 30 messages). */
export const ANNOUNCE_EVERY_MS = 4000;

const useStyles = makeStyles({
  // Read by screen readers only: the visible count changes too often to be announced each time.
  srOnly: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

/** The count under the bar: « 12 000 lignes lues sur ~30 000 », exact totals from Office, the count alone otherwise. */
export function progressText(progress: CheckProgress | null, t: Translate): string | null {
  if (!progress) return null;
  const { phase, sheet, rowsRead: read, totalRows: total, estimated } = progress;
  if (phase === "analyzing") return t("rowsAnalyzing", { read });
  if (total === null) return t("rowsRead", { read });
  if (estimated) return t("rowsReadOf", { read, total });
  return t("readingSheet", { sheet, read, total });
}

/** The text announced politely: the first, each change of phase, then at most once every ANNOUNCE_EVERY_MS. */
function useAnnouncement(text: string | null, phase: CheckPhase): string {
  const [announced, setAnnounced] = useState("");
  const last = useRef<{ phase: CheckPhase | null; at: number }>({ phase: null, at: 0 });
  useEffect(() => {
    const now = Date.now();
    if (text === null) return;
    if (last.current.phase === phase && now - last.current.at < ANNOUNCE_EVERY_MS) return;
    last.current = { phase, at: now };
    setAnnounced(text);
  }, [text, phase]);
  return announced;
}

/** The bar shown while a workbook is read and analysed, with its row count. */
export function CheckProgressBar({ phase, progress }: { phase: CheckPhase; progress: CheckProgress | null }) {
  const { t } = useI18n();
  const styles = useStyles();
  const text = progressText(progress, t);
  const announced = useAnnouncement(text, phase);
  const total = progress?.totalRows ?? 0;
  const value =
    phase === "reading" && progress && total > 0 ? Math.min(progress.rowsRead / total, 1) : undefined;
  return (
    <>
      <Field
        label={phase === "analyzing" ? t("analyzing") : t("reading")}
        validationState="none"
        validationMessage={text ?? undefined}
      >
        <ProgressBar data-testid="read-progress" value={value} />
      </Field>
      <span className={styles.srOnly} role="status" aria-live="polite" data-testid="progress-announcement">
        {announced}
      </span>
    </>
  );
}
