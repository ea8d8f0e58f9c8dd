import { Body1, Card, CardHeader, Subtitle2 } from "@fluentui/react-components";
import { Send20Regular } from "@fluentui/react-icons";
import { useI18n } from "../i18n/i18n";
import type { ViewProps } from "../views";

/**
 * Placeholder until the hub connection (issue 5): the sending view replaces this component in
 * the views registry (src/taskpane/views.ts) and receives the same session (analysis, port).
 */
export function SendView(_props: ViewProps) {
  const { t } = useI18n();
  return (
    <Card>
      <CardHeader image={<Send20Regular />} header={<Subtitle2 as="h2">{t("sendTitle")}</Subtitle2>} />
      <Body1>{t("sendPlaceholder")}</Body1>
    </Card>
  );
}
