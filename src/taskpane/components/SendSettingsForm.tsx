import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { Delete20Regular, Save20Regular } from "@fluentui/react-icons";
import { useI18n } from "../i18n/i18n";
import type { SendSettings } from "../send/send-settings";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** Hub address, token (a password field) and department key; saved per user, never in the workbook. */
export function SendSettingsForm({
  value,
  onChange,
  onSave,
  onForget,
  disabled,
  keyError,
}: {
  keyError?: string | null;
  value: SendSettings;
  onChange: (s: SendSettings) => void;
  onSave: () => void;
  onForget: () => void;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <form
      className={styles.form}
      aria-label={t("settingsTitle")}
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <Field label={t("hubUrlLabel")} hint={t("hubUrlHint")}>
        <Input
          type="url"
          value={value.hubUrl}
          onChange={(_e, d) => onChange({ ...value, hubUrl: d.value })}
          autoComplete="url"
          data-testid="hub-url"
        />
      </Field>
      <Field label={t("tokenLabel")} hint={t("tokenHint")}>
        <Input
          type="password"
          value={value.token}
          onChange={(_e, d) => onChange({ ...value, token: d.value })}
          autoComplete="off"
          data-testid="hub-token"
        />
      </Field>
      <Field
        label={t("departmentKeyLabel")}
        hint={t("departmentKeyHint")}
        validationState={keyError ? "error" : "none"}
        validationMessage={keyError ?? undefined}
      >
        <Input
          type="password"
          value={value.departmentKey}
          onChange={(_e, d) => onChange({ ...value, departmentKey: d.value })}
          autoComplete="off"
          data-testid="department-key"
        />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" icon={<Save20Regular />} disabled={disabled}>
          {t("saveSettings")}
        </Button>
        <Button
          type="button"
          appearance="subtle"
          icon={<Delete20Regular />}
          disabled={disabled}
          onClick={onForget}
        >
          {t("forgetSettings")}
        </Button>
      </div>
    </form>
  );
}
