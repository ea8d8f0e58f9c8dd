import {
  Button,
  Card,
  CardHeader,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { Dismiss20Regular, Save20Regular } from "@fluentui/react-icons";
import { useState } from "react";
import { PERSON_FIELDS, type Analysis, type MappedField } from "../../core";
import type { Session } from "../hooks/useWorkbookSession";
import { useI18n } from "../i18n/i18n";
import { fieldLabel } from "../labels";
import { missingFields } from "./mapping-needs";

const IGNORE = "__ignore__";

const useStyles = makeStyles({
  card: { marginBlock: tokens.spacingVerticalM },
  rows: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  missing: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** Lets the user say which field each unrecognised header holds; saved in the workbook through the port. */
export function MappingPanel({ session, analysis, onClose }: { session: Session; analysis: Analysis; onClose?: () => void }) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const table = analysis.table;
  const saved = session.mapping?.columns ?? {};
  const [choices, setChoices] = useState<Record<string, MappedField | null>>(() => {
    const init: Record<string, MappedField | null> = {};
    for (const h of table?.unknownHeaders ?? []) init[h.header] = saved[h.header] ?? null;
    return init;
  });
  const missing = missingFields(analysis);

  if (!table) {
    return (
      <MessageBar intent="warning" className={styles.card}>
        <MessageBarBody>{t("mappingNoTable")}</MessageBarBody>
      </MessageBar>
    );
  }

  const label = (value: MappedField | null) =>
    value === null ? t("mappingIgnore") : `${fieldLabel(value, language)}`;
  const save = () =>
    session.saveMapping({
      sheet: table.sheet,
      headerRow: table.headerRow,
      columns: { ...saved, ...choices },
    });

  return (
    <Card className={styles.card} role="region" aria-label={t("mappingTitle")}>
      <CardHeader
        header={<Subtitle2 as="h2">{t("mappingTitle")}</Subtitle2>}
        description={t("mappingIntro", { sheet: table.sheet })}
      />
      {missing.length > 0 && (
        <div>
          <Subtitle2 as="h3">{t("mappingMissingFields")}</Subtitle2>
          <ul className={styles.missing} data-testid="missing-fields">
            {missing.map((f) => (
              <li key={f}>{fieldLabel(f, language)}</li>
            ))}
          </ul>
        </div>
      )}
      {table.unknownHeaders.length > 0 && (
        <div className={styles.rows}>
          <Subtitle2 as="h3">{t("mappingUnknownHeaders")}</Subtitle2>
          {table.unknownHeaders.map((h) => {
            const value = choices[h.header] ?? null;
            return (
              <Field key={`${h.index}-${h.header}`} label={t("mappingFieldFor", { header: h.header })}>
                <Dropdown
                  value={label(value)}
                  selectedOptions={[value ?? IGNORE]}
                  onOptionSelect={(_e, d) =>
                    setChoices((c) => ({
                      ...c,
                      [h.header]:
                        d.optionValue && d.optionValue !== IGNORE ? (d.optionValue as MappedField) : null,
                    }))
                  }
                >
                  <Option value={IGNORE}>{t("mappingIgnore")}</Option>
                  {PERSON_FIELDS.map((f) => (
                    <Option key={f} value={f}>
                      {fieldLabel(f, language)}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            );
          })}
        </div>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<Save20Regular />}
          disabled={session.busy !== null}
          onClick={() => void save()}
        >
          {t("mappingSave")}
        </Button>
        {onClose && (
          <Button icon={<Dismiss20Regular />} onClick={onClose}>
            {t("mappingClose")}
          </Button>
        )}
      </div>
    </Card>
  );
}
