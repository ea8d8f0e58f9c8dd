import { Caption1, Link, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import { DocumentMultiple20Regular } from "@fluentui/react-icons";
import type { FileState } from "../consolidate/analyze-files";
import { fromPlain } from "../../core/errors/user-error";
import { userMessage } from "../errors";
import type { ConsolidateTranslate } from "../i18n/consolidate";
import { useI18n, type Translate } from "../i18n/i18n";
import { DropZone } from "./DropZone";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    padding: 0,
    margin: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export interface ReturnedFile {
  name: string;
  state: FileState;
}

/** Several returned files: picker and drop zone, then one progress bar and status per file. */
export function ReturnedFiles({
  files,
  onFiles,
  disabled,
  ct,
  onOpen,
}: {
  files: readonly ReturnedFile[];
  onFiles(files: File[]): void;
  disabled: boolean;
  ct: ConsolidateTranslate;
  /** Opens a returned file in Vérifier to see its findings (file mode). */
  onOpen?: (name: string) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <>
      <DropZone
        onFiles={onFiles}
        multiple
        disabled={disabled}
        label={ct("pickFiles")}
        hint={ct("dropFiles")}
        icon={<DocumentMultiple20Regular />}
        zoneTestId="consolidate-drop-zone"
        inputTestId="consolidate-file-input"
      />
      {files.length > 0 && (
        <ul className={styles.list} aria-label={ct("filesLabel")}>
          {files.map((f) => (
            <li key={f.name} className={styles.item} data-testid="returned-file" data-status={f.state.status}>
              <Caption1 className={styles.name}>{f.name}</Caption1>
              <ProgressBar
                value={f.state.progress}
                max={1}
                thickness="large"
                color={
                  f.state.status === "failed"
                    ? "error"
                    : f.state.status === "done" && !f.state.valid
                      ? "warning"
                      : f.state.status === "done"
                        ? "success"
                        : "brand"
                }
                aria-label={f.name}
              />
              <Caption1
                className={f.state.status === "failed" ? styles.error : undefined}
                role={f.state.status === "failed" ? "alert" : undefined}
              >
                {statusText(f.state, ct, t)}
              </Caption1>
              {onOpen && f.state.status === "done" && !f.state.valid && (
                <Link as="button" onClick={() => onOpen(f.name)}>
                  {ct("openFindings", { name: f.name })}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function statusText(s: FileState, ct: ConsolidateTranslate, t: Translate): string {
  switch (s.status) {
    case "waiting":
      return ct("fileWaiting");
    case "reading":
      return ct("fileReading");
    case "analysing":
      return ct("fileAnalysing");
    case "done":
      return s.valid ? ct("fileValid") : ct("fileInvalid", { errors: s.errors });
    case "failed":
      return `${ct("fileFailed")} — ${userMessage(fromPlain(s.error), t)}`;
  }
}
