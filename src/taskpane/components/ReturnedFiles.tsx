import { Button, Caption1, makeStyles, mergeClasses, ProgressBar, tokens } from "@fluentui/react-components";
import { DocumentMultiple20Regular } from "@fluentui/react-icons";
import { useRef, useState, type DragEvent } from "react";
import type { FileState } from "../consolidate/analyze-files";
import type { ConsolidateTranslate } from "../i18n/consolidate";

const useStyles = makeStyles({
  zone: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalM,
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
  },
  over: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  hidden: { display: "none" },
  list: { listStyleType: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export interface ReturnedFile {
  name: string;
  state: FileState;
}

/** Several returned files: picker and drop zone, then one progress bar and status per file. */
export function ReturnedFiles({ files, onFiles, disabled, ct }: { files: readonly ReturnedFile[]; onFiles(files: File[]): void; disabled: boolean; ct: ConsolidateTranslate }) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const dropped = Array.from(e.dataTransfer.files);
    if (dropped.length > 0 && !disabled) onFiles(dropped);
  };
  return (
    <>
      <div
        className={mergeClasses(styles.zone, over && styles.over)}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="consolidate-drop-zone"
      >
        <Button appearance="primary" icon={<DocumentMultiple20Regular />} disabled={disabled} onClick={() => input.current?.click()}>
          {ct("pickFiles")}
        </Button>
        <Caption1>{ct("dropFiles")}</Caption1>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={ct("pickFiles")}
          data-testid="consolidate-file-input"
          onChange={(e) => {
            const picked = Array.from(e.target.files ?? []);
            if (picked.length > 0) onFiles(picked);
            e.target.value = "";
          }}
        />
      </div>
      {files.length > 0 && (
        <ul className={styles.list} aria-label={ct("filesLabel")}>
          {files.map((f) => (
            <li key={f.name} className={styles.item} data-testid="returned-file" data-status={f.state.status}>
              <Caption1 className={styles.name}>{f.name}</Caption1>
              <ProgressBar
                value={f.state.progress}
                max={1}
                thickness="large"
                color={f.state.status === "failed" ? "error" : f.state.status === "done" && !f.state.valid ? "warning" : f.state.status === "done" ? "success" : "brand"}
                aria-label={f.name}
              />
              <Caption1 className={f.state.status === "failed" ? styles.error : undefined} role={f.state.status === "failed" ? "alert" : undefined}>
                {statusText(f.state, ct)}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function statusText(s: FileState, ct: ConsolidateTranslate): string {
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
      return `${ct("fileFailed")} — ${s.message}`;
  }
}
