import { Button, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { FolderOpen20Regular } from "@fluentui/react-icons";
import { useRef, useState, type DragEvent } from "react";
import { useI18n } from "../i18n/i18n";

const useStyles = makeStyles({
  zone: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalL,
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
  },
  compact: {
    padding: tokens.spacingVerticalS,
    flexDirection: "row",
    flexWrap: "wrap",
    justifyContent: "center",
  },
  over: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  hidden: { display: "none" },
});

/** File picker (a real button driving a hidden input) and a drop zone around it. */
export function FileOpener({
  onFile,
  disabled,
  compact,
}: {
  onFile(file: File): void;
  disabled?: boolean;
  compact?: boolean;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <div
      className={mergeClasses(styles.zone, compact && styles.compact, over && styles.over)}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="drop-zone"
    >
      <Button
        appearance={compact ? "secondary" : "primary"}
        icon={<FolderOpen20Regular />}
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        {compact ? t("openAnother") : t("openWorkbook")}
      </Button>
      <Caption1>{t("dropZone")}</Caption1>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={compact ? t("openAnother") : t("openWorkbook")}
        data-testid="file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = "";
        }}
      />
    </div>
  );
}
