import { Button, Field, Input, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import type { Dispatch, SetStateAction } from "react";
import type { HubSettings } from "../consolidate/hub-settings";
import type { ConsolidateTranslate } from "../i18n/consolidate";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

/** The hub source of the Consolider view: address, department token, period, and the fetch button. */
export function ConsolidateHubForm(props: {
  settings: HubSettings;
  setSettings: Dispatch<SetStateAction<HubSettings>>;
  onFetch(): void;
  busy: boolean;
  fetching: boolean;
  ct: ConsolidateTranslate;
}) {
  const { settings, setSettings, ct } = props;
  const styles = useStyles();
  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        props.onFetch();
      }}
    >
      <Field label={ct("hubUrl")} required>
        <Input
          type="url"
          value={settings.url}
          placeholder="https://bilan-iae.departement.fr"
          onChange={(_e, d) => setSettings((s) => ({ ...s, url: d.value }))}
        />
      </Field>
      <Field label={ct("hubToken")} required hint={ct("hubHint")}>
        <Input
          type="password"
          value={settings.token}
          autoComplete="off"
          onChange={(_e, d) => setSettings((s) => ({ ...s, token: d.value }))}
        />
      </Field>
      <Field label={ct("hubPeriod")} required>
        <Input
          value={settings.period}
          onChange={(_e, d) => setSettings((s) => ({ ...s, period: d.value }))}
        />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={props.busy}>
          {ct("fetch")}
        </Button>
        {props.fetching && <Spinner size="tiny" label={ct("fetching")} />}
      </div>
    </form>
  );
}
