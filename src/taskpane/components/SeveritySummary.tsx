import { Badge, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import type { ValidationReport } from "../../core";
import { useI18n } from "../i18n/i18n";

const useStyles = makeStyles({
  list: {
    display: "flex",
    gap: tokens.spacingHorizontalM,
    listStyleType: "none",
    padding: 0,
    margin: `${tokens.spacingVerticalS} 0`,
  },
  item: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
});

/** Counts by severity (true counts, not the capped lists) and whether sending is blocked. */
export function SeveritySummary({ report }: { report: ValidationReport }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <section aria-label={t("summaryLabel")}>
      <MessageBar intent={report.valid ? "success" : "error"}>
        <MessageBarBody>{report.valid ? t("valid") : t("invalid")}</MessageBarBody>
      </MessageBar>
      <ul className={styles.list}>
        <li className={styles.item} data-testid="count-error">
          <Badge color="danger" appearance="filled">
            {report.counts.error}
          </Badge>{" "}
          {t("severityError")}
        </li>
        <li className={styles.item} data-testid="count-warning">
          <Badge color="warning" appearance="filled">
            {report.counts.warning}
          </Badge>{" "}
          {t("severityWarning")}
        </li>
        <li className={styles.item} data-testid="count-info">
          <Badge color="informative" appearance="filled">
            {report.counts.info}
          </Badge>{" "}
          {t("severityInfo")}
        </li>
      </ul>
    </section>
  );
}
