import { Button, Caption1, Field, makeStyles, tokens } from "@fluentui/react-components";
import { Settings20Regular } from "@fluentui/react-icons";
import { useRef } from "react";
import type { DepartmentConfig } from "../consolidate/department-config";
import type { ConsolidateTranslate } from "../i18n/consolidate";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  hidden: { display: "none" },
});

/** The department's own settings (thresholds, hours per ETP, targets) for files consolidated here. */
export function DepartmentConfigPicker(props: {
  config: DepartmentConfig | null;
  onFile(file: File): void;
  onClear(): void;
  disabled: boolean;
  ct: ConsolidateTranslate;
}) {
  const { config, ct } = props;
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <Field label={ct("configLabel")} hint={ct("configHint")}>
      <div className={styles.row}>
        <Button icon={<Settings20Regular />} disabled={props.disabled} onClick={() => input.current?.click()}>
          {ct("configPick")}
        </Button>
        <Caption1 data-testid="department-config">
          {config ? ct("configApplied", { name: config.name }) : ct("configDefault")}
        </Caption1>
        {config && (
          <Button appearance="subtle" disabled={props.disabled} onClick={props.onClear}>
            {ct("configRemove")}
          </Button>
        )}
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          accept=".json,application/json"
          aria-label={ct("configPick")}
          data-testid="department-config-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) props.onFile(f);
            e.target.value = "";
          }}
        />
      </div>
    </Field>
  );
}
