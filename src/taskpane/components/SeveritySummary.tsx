import { Badge, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import type { ValidationReport } from "../../core";
import { useI18n } from "../i18n/i18n";
import { formatCount } from "../i18n/format";

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
  const { t, language } = useI18n();
  const { error, warning, info } = report.counts;
  const styles = useStyles();
  return (
    <section aria-label={t("summaryLabel")}>
      <MessageBar intent={report.valid ? "success" : "error"}>
        <MessageBarBody>{report.valid ? t("valid") : t("invalid")}</MessageBarBody>
      </MessageBar>
      <ul className={styles.list}>
        <li className={styles.item} data-testid="count-error">
          <Badge color="danger" appearance="filled">
            {formatCount(error, language)}
          </Badge>{" "}
          {t("countErrors", { count: error })}
        </li>
        <li className={styles.item} data-testid="count-warning">
          <Badge color="warning" appearance="filled">
            {formatCount(warning, language)}
          </Badge>{" "}
          {t("countWarnings", { count: warning })}
        </li>
        <li className={styles.item} data-testid="count-info">
          <Badge color="informative" appearance="filled">
            {formatCount(info, language)}
          </Badge>{" "}
          {t("countInfos", { count: info })}
        </li>
      </ul>
    </section>
  );
}
