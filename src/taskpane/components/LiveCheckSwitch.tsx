import { Caption1, Switch } from "@fluentui/react-components";
import { useId } from "react";
import type { LiveCheck } from "../hooks/useLiveCheck";
import { useI18n } from "../i18n/i18n";

/** « Revérifier pendant la saisie », a labelled switch (Space toggles it), with what it does below. */
export function LiveCheckSwitch({ live }: { live: LiveCheck }) {
  const { t } = useI18n();
  const hint = useId();
  return (
    <div>
      <Switch
        checked={live.enabled}
        label={t("liveOption")}
        aria-describedby={hint}
        data-testid="live-check-switch"
        onChange={(_e, d) => live.setEnabled(d.checked)}
      />
      <Caption1 as="p" id={hint}>
        {t("liveOptionHint")}
        {live.notSaved && ` ${t("liveOptionNotSaved")}`}
      </Caption1>
    </div>
  );
}
