import {
  Button,
  Caption1,
  Card,
  CardHeader,
  Checkbox,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { Dismiss20Regular, Save20Regular } from "@fluentui/react-icons";
import { useState } from "react";
import { PERSON_FIELDS, type Analysis, type MappedField, type MappingOverride } from "../../core";
import type { Session } from "../hooks/useWorkbookSession";
import { useI18n } from "../i18n/i18n";
import { fieldLabel } from "../labels";
import { WorkbookText } from "./WorkbookText";
import { missingFields, sheetsRead } from "./mapping-needs";

const IGNORE = "__ignore__";
/** The engine's pseudo-field for a column that says which convention a row belongs to (domain §2.4.3). */
const CONVENTION: MappedField = "convention";

const useStyles = makeStyles({
  card: { marginBlock: tokens.spacingVerticalM },
  rows: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  missing: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  sheets: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", minWidth: 0 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/**
 * Lets the user choose which sheets are read and say which field each unrecognised header holds (a
 * person field, or the convention); saved in the workbook through the port and reused at each check.
 */
export function MappingPanel({
  session,
  analysis,
  onClose,
}: {
  session: Session;
  analysis: Analysis;
  onClose?: () => void;
}) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const table = analysis.table;
  const saved = session.mapping?.columns ?? {};
  const detected = sheetsRead(session.reports);
  const [sheets, setSheets] = useState<string[]>(() => session.mapping?.sheets ?? detected);
  const [choices, setChoices] = useState<Record<string, MappedField | null>>(() => {
    const init: Record<string, MappedField | null> = {};
    for (const h of table?.unknownHeaders ?? []) init[h.header] = saved[h.header] ?? null;
    return init;
  });
  const missing = missingFields(analysis);
  const allSheets = session.sheetNames;
  const noSheet = sheets.length === 0;

  const label = (value: MappedField | null) =>
    value === null
      ? t("mappingIgnore")
      : value === CONVENTION
        ? t("mappingConvention")
        : fieldLabel(value, language);
  const save = () => {
    // Workbook order; a sheet read but not listed (renamed since the check) is kept rather than lost.
    const inOrder = [
      ...allSheets.filter((s) => sheets.includes(s)),
      ...sheets.filter((s) => !allSheets.includes(s)),
    ];
    // Sheets are saved only once chosen by hand: otherwise a site sheet added later is found as before.
    const chosen = session.mapping?.sheets !== undefined || !sameSet(inOrder, detected);
    const mapping: MappingOverride = { columns: { ...saved, ...choices } };
    if (chosen) mapping.sheets = inOrder;
    // "sheet" restricts reading to that one sheet: kept only when a single sheet is read.
    if (table && (chosen ? inOrder : detected).length === 1) {
      mapping.sheet = table.sheet;
      mapping.headerRow = table.headerRow;
    }
    return session.saveMapping(mapping);
  };

  return (
    <Card className={styles.card} role="region" aria-label={t("mappingTitle")}>
      <CardHeader
        header={<Subtitle2 as="h2">{t("mappingTitle")}</Subtitle2>}
        description={table ? t("mappingIntro", { sheet: table.sheet }) : undefined}
      />
      {!table && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("mappingNoTable")}</MessageBarBody>
        </MessageBar>
      )}
      {allSheets.length > 0 && (
        // A fieldset, not a Field: a Field would give its label to every checkbox inside.
        <fieldset
          className={styles.sheets}
          aria-describedby="mapping-sheets-hint"
          data-testid="mapping-sheets"
        >
          <legend>
            <Subtitle2 as="h3">{t("mappingSheets")}</Subtitle2>
          </legend>
          <Caption1 id="mapping-sheets-hint">{t("mappingSheetsHint")}</Caption1>
          {allSheets.map((name) => (
            <Checkbox
              key={name}
              label={<WorkbookText>{name}</WorkbookText>}
              checked={sheets.includes(name)}
              onChange={(_e, d) =>
                setSheets((s) =>
                  d.checked === true ? [...s.filter((x) => x !== name), name] : s.filter((x) => x !== name),
                )
              }
            />
          ))}
          {noSheet && (
            <Text role="alert" className={styles.error}>
              {t("mappingSheetsNone")}
            </Text>
          )}
        </fieldset>
      )}
      {missing.length > 0 && (
        <div>
          <Subtitle2 as="h3">{t("mappingMissingFields")}</Subtitle2>
          <ul className={styles.missing} data-testid="missing-fields">
            {missing.map((f) => (
              <li key={f}>
                <WorkbookText>{fieldLabel(f, language)}</WorkbookText>
              </li>
            ))}
          </ul>
        </div>
      )}
      {table && table.unknownHeaders.length > 0 && (
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
                  <Option value={CONVENTION}>{t("mappingConvention")}</Option>
                  {PERSON_FIELDS.map((f) => (
                    <Option key={f} value={f} text={fieldLabel(f, language)}>
                      <WorkbookText>{fieldLabel(f, language)}</WorkbookText>
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
          disabled={session.busy !== null || noSheet}
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
