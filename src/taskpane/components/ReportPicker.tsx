import { Dropdown, Field, makeStyles, Option } from "@fluentui/react-components";
import type { Analysis } from "../../core";
import { useI18n } from "../i18n/i18n";
import type { Session } from "../hooks/useWorkbookSession";

const useStyles = makeStyles({
  // The pane is 350 px wide: the picker takes the whole width, never more.
  field: { maxWidth: "100%" },
  dropdown: { minWidth: "0", width: "100%" },
});

/** « ACI — 2 erreurs »: the convention and what blocks it, so the user sees which report needs work. */
export function reportOptionText(report: Analysis, t: ReturnType<typeof useI18n>["t"]): string {
  return t("reportOption", { kind: report.structure.kind ?? "—", errors: report.report.counts.error });
}

/**
 * Chooses the report shown when the workbook holds several conventions (domain §2.4.3); nothing when
 * there is only one, so the common case looks as before.
 */
export function ReportPicker({ session }: { session: Session }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { reports, reportIndex } = session;
  if (reports.length < 2) return null;
  const shown = reports[reportIndex];
  return (
    <Field
      label={t("reportPicker")}
      hint={t("reportPickerHint", { count: reports.length })}
      className={styles.field}
    >
      <Dropdown
        className={styles.dropdown}
        data-testid="report-picker"
        value={shown ? reportOptionText(shown, t) : ""}
        selectedOptions={[String(reportIndex)]}
        onOptionSelect={(_e, d) => {
          if (d.optionValue !== undefined) session.selectReport(Number(d.optionValue));
        }}
      >
        {reports.map((r, i) => (
          <Option key={i} value={String(i)}>
            {reportOptionText(r, t)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
