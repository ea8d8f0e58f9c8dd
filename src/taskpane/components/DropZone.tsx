import { Button, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useRef, useState, type DragEvent, type ReactElement } from "react";

const XLSX_ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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

/**
 * A .xlsx picker (a real button driving a hidden input, which screen readers and keyboards reach) with a
 * drop zone around it: one file for Vérifier, many for Consolider. Drops are ignored while disabled.
 */
export function DropZone(props: {
  onFiles(files: File[]): void;
  multiple?: boolean;
  disabled?: boolean;
  compact?: boolean;
  label: string;
  hint: string;
  icon: ReactElement;
  zoneTestId: string;
  inputTestId: string;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (list: FileList | null | undefined) => {
    const files = Array.from(list ?? []);
    const picked = props.multiple ? files : files.slice(0, 1);
    if (picked.length > 0) props.onFiles(picked);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    if (!props.disabled) take(e.dataTransfer.files);
  };
  return (
    <div
      className={mergeClasses(styles.zone, props.compact && styles.compact, over && styles.over)}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid={props.zoneTestId}
    >
      <Button
        appearance={props.compact ? "secondary" : "primary"}
        icon={props.icon}
        disabledFocusable={props.disabled}
        onClick={() => input.current?.click()}
      >
        {props.label}
      </Button>
      <Caption1>{props.hint}</Caption1>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        multiple={props.multiple}
        accept={XLSX_ACCEPT}
        aria-label={props.label}
        data-testid={props.inputTestId}
        onChange={(e) => {
          take(e.target.files);
          e.target.value = "";
        }}
      />
    </div>
  );
}
