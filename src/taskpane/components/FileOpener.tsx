import { FolderOpen20Regular } from "@fluentui/react-icons";
import { useI18n } from "../i18n/i18n";
import { DropZone } from "./DropZone";

/** The file mode's workbook picker: one .xlsx, by button or drop; compact once a file is open. */
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
  return (
    <DropZone
      onFiles={([file]) => onFile(file)}
      disabled={disabled}
      compact={compact}
      label={compact ? t("openAnother") : t("openWorkbook")}
      hint={t("dropZone")}
      icon={<FolderOpen20Regular />}
      zoneTestId="drop-zone"
      inputTestId="file-input"
    />
  );
}
