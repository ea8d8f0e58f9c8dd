import { Caption1 } from "@fluentui/react-components";
import { formatDateTime } from "../labels";
import type { RulesInUse } from "../hooks/useDepartmentSettings";
import { useI18n } from "../i18n/i18n";

/** A discreet line under the Vérifier toolbar: whose rules the check used, and whether the hub answered. */
export function RulesInUseNote({ rules }: { rules: RulesInUse }) {
  const { t, language } = useI18n();
  const which = rules.rules ? t("rulesDepartment", { version: rules.rules.rulesVersion }) : t("rulesDefault");
  const offline = rules.unavailable
    ? rules.rules && rules.receivedAt
      ? t("rulesCachedCopy", { date: formatDateTime(rules.receivedAt, language) })
      : t("rulesHubUnavailable")
    : null;
  return (
    <Caption1 as="p" data-testid="rules-in-use" title={rules.unavailable ?? undefined}>
      {offline ? `${which} — ${offline}` : which}
    </Caption1>
  );
}
