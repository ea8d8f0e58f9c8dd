import {
  Button,
  Field,
  InfoLabel,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { DocumentTable20Regular } from "@fluentui/react-icons";
import { INDICATOR_SECTIONS, type IndicatorKey, type IndicatorSectionId, type RulesConfig } from "../../core";
import { WorkbookText } from "./WorkbookText";
import { useI18n, type Translate } from "../i18n/i18n";
import type { StringKey } from "../i18n/fr";
import { formatDate, formatIndicator, formatPercent, indicatorDefinition, indicatorLabel } from "../labels";
import type { ViewProps } from "../views";
import { ReportPicker } from "./ReportPicker";

const SECTION_TITLES: Record<IndicatorSectionId, StringKey> = {
  people: "sectionPeople",
  shares: "sectionShares",
  hours: "sectionHours",
  exits: "sectionExits",
};

/** Display groups, shared with the Indicateurs sheet (presentation only: the values come from the engine). */
export const SECTIONS: { title: StringKey; keys: IndicatorKey[] }[] = INDICATOR_SECTIONS.map((s) => ({
  title: SECTION_TITLES[s.id],
  keys: s.keys,
}));

const useStyles = makeStyles({
  header: { display: "block", marginBlock: tokens.spacingVerticalS },
  section: { marginBlock: tokens.spacingVerticalM },
  value: { textAlign: "end", fontVariantNumeric: "tabular-nums", width: "35%" },
  targets: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

type Targets = RulesConfig["targets"];

function TargetBars({
  targets,
  values,
  t,
}: {
  targets: Targets;
  values: Partial<Record<IndicatorKey, number | null>>;
  t: Translate;
}) {
  const { language } = useI18n();
  const styles = useStyles();
  const entries = (Object.entries(targets) as [keyof Targets, number | undefined][]).filter(
    (e): e is [keyof Targets, number] => typeof e[1] === "number",
  );
  return (
    <section className={styles.section} aria-labelledby="targets-title">
      <Subtitle2 as="h2" id="targets-title">
        {t("targetsTitle")}
      </Subtitle2>
      <div className={styles.targets}>
        {entries.map(([key, target]) => {
          const value = values[key] ?? null;
          const reached = value !== null && value >= target;
          const message =
            value === null
              ? t("targetNotComputable")
              : t("targetProgress", {
                  value: formatPercent(value, language),
                  target: formatPercent(target, language),
                });
          return (
            <Field
              key={key}
              label={indicatorLabel(key, language)}
              validationMessage={message}
              validationState={value === null ? "none" : reached ? "success" : "warning"}
            >
              <ProgressBar
                value={value === null ? 0 : Math.min(1, value / target)}
                color={reached ? "success" : "warning"}
                data-testid={`target-${key}`}
              />
            </Field>
          );
        })}
      </div>
    </section>
  );
}

export function IndicatorsView({ session }: ViewProps) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const analysis = session.analysis;
  if (!analysis) return <p>{t("indicatorsNotReady")}</p>;
  const { indicators, structure } = analysis;
  return (
    <div>
      <ReportPicker session={session} />
      <Text as="p" className={styles.header} weight="semibold">
        {structure.name ? <WorkbookText>{structure.name}</WorkbookText> : "—"}
        {" — "}
        {t("indicatorsPeriod", {
          start: formatDate(structure.periodStart, language),
          end: formatDate(structure.periodEnd, language),
        })}
      </Text>
      {!analysis.report.valid && (
        <MessageBar intent="warning" layout="multiline" data-testid="indicators-not-final">
          <MessageBarBody>{t("indicatorsNotFinal", { count: analysis.report.counts.error })}</MessageBarBody>
        </MessageBar>
      )}
      <Button
        appearance="primary"
        icon={<DocumentTable20Regular />}
        disabled={session.busy !== null}
        onClick={() => void session.writeIndicators()}
      >
        {t("writeIndicators")}
      </Button>
      <TargetBars targets={analysis.targets} values={indicators} t={t} />
      {SECTIONS.map((section) => (
        <section key={section.title} className={styles.section} aria-labelledby={`section-${section.title}`}>
          <Subtitle2 as="h2" id={`section-${section.title}`}>
            {t(section.title)}
          </Subtitle2>
          <Table size="small" aria-labelledby={`section-${section.title}`}>
            <TableBody>
              {section.keys.map((key) => {
                const definition = indicatorDefinition(key, language);
                const value = indicators[key];
                return (
                  <TableRow key={key}>
                    <TableCell>
                      {definition ? (
                        <InfoLabel info={definition}>{indicatorLabel(key, language)}</InfoLabel>
                      ) : (
                        indicatorLabel(key, language)
                      )}
                    </TableCell>
                    <TableCell
                      className={styles.value}
                      data-indicator={key}
                      data-value={value === null ? "" : String(value)}
                    >
                      {formatIndicator(key, value, language) ?? t("notComputable")}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </section>
      ))}
    </div>
  );
}
