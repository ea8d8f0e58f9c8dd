import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  tokens,
  useArrowNavigationGroup,
} from "@fluentui/react-components";
import type { Finding, FindingCode, Severity, ValidationReport } from "../../core";
import { cellRef } from "../hooks/useWorkbookSession";
import { useI18n } from "../i18n/i18n";
import { ruleTitle } from "../labels";
import { findingText } from "../finding-text";
import { formatCount } from "../i18n/format";

export type SeverityFilter = Severity | "all";

export interface FindingsListProps {
  report: ValidationReport;
  text: string;
  severity: SeverityFilter;
  selected: string | null;
  onSelect(finding: Finding): void;
}

const severityColor = { error: "danger", warning: "warning", info: "informative" } as const;

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  finding: {
    justifyContent: "flex-start",
    textAlign: "start",
    width: "100%",
    minWidth: 0,
    fontWeight: tokens.fontWeightRegular,
  },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
  },
  ref: {
    fontWeight: tokens.fontWeightSemibold,
    marginInlineEnd: tokens.spacingHorizontalS,
    whiteSpace: "nowrap",
  },
  more: { display: "block", padding: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground3 },
  header: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
  noCell: { padding: tokens.spacingVerticalXS, display: "block" },
});

interface Group {
  code: FindingCode;
  findings: Finding[];
  /** True number of findings of this code for the severities shown. */
  count: number;
  listed: number;
  worst: Severity;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Groups the (capped) findings by rule, with the true counts the engine kept. Presentation only. */
function groupFindings(
  report: ValidationReport,
  text: string,
  severity: SeverityFilter,
  titleOf: (c: FindingCode) => string,
  textOf: (f: Finding) => string,
): Group[] {
  const needle = text.trim().toLowerCase();
  const groups = new Map<FindingCode, Group>();
  for (const rule of report.rules) {
    if (severity !== "all" && rule.severity !== severity) continue;
    const g = groups.get(rule.code) ?? {
      code: rule.code,
      findings: [],
      count: 0,
      listed: 0,
      worst: rule.severity,
    };
    g.count += rule.count;
    g.listed += rule.listed;
    if (severityRank[rule.severity] < severityRank[g.worst]) g.worst = rule.severity;
    groups.set(rule.code, g);
  }
  for (const f of report.issues) {
    const g = groups.get(f.code);
    if (!g || (severity !== "all" && f.severity !== severity)) continue;
    if (needle) {
      const haystack = [f.sheet, f.cell, f.field, f.value, f.message, textOf(f), f.code, titleOf(f.code)]
        .join(" ")
        .toLowerCase();
      if (!haystack.includes(needle)) continue;
    }
    g.findings.push(f);
  }
  const out = [...groups.values()].filter((g) => (needle ? g.findings.length > 0 : g.count > 0));
  return out.sort((a, b) => severityRank[a.worst] - severityRank[b.worst] || b.count - a.count);
}

export function FindingsList({ report, text, severity, selected, onSelect }: FindingsListProps) {
  const { t, language } = useI18n();
  const styles = useStyles();
  // The whole list is one Tab stop: Up/Down/Home/End move between rule headers and findings, Tab leaves it.
  const arrows = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });
  const titleOf = (code: FindingCode) => ruleTitle(code, language);
  const textOf = (f: Finding) => findingText(f, language);
  const groups = groupFindings(report, text, severity, titleOf, textOf);
  if (report.issues.length === 0 && report.rules.length === 0) return <p>{t("noFinding")}</p>;
  if (groups.length === 0) return <p>{t("noMatch")}</p>;
  return (
    <Accordion
      multiple
      collapsible
      defaultOpenItems={groups.slice(0, 3).map((g) => g.code)}
      aria-label={t("findingsLabel")}
      data-testid="findings-list"
      {...arrows}
    >
      {groups.map((g) => (
        <AccordionItem key={g.code} value={g.code} data-testid={`rule-${g.code}`}>
          <AccordionHeader>
            <span className={styles.header}>
              <Badge color={severityColor[g.worst]} appearance="filled" aria-hidden>
                {formatCount(g.count, language)}
              </Badge>
              <span>
                {titleOf(g.code)} <Caption1>({g.code})</Caption1>
              </span>
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              {g.findings.map((f, i) => {
                const ref = f.sheet !== null && f.cell !== null ? cellRef(f.sheet, f.cell) : null;
                if (ref === null) {
                  return (
                    <li key={i}>
                      <span className={styles.noCell}>{textOf(f)}</span>
                    </li>
                  );
                }
                const isSelected = ref === selected;
                return (
                  <li key={i}>
                    <Button
                      appearance="subtle"
                      className={mergeClasses(styles.finding, isSelected && styles.selected)}
                      title={t("goToCell", { ref })}
                      aria-current={isSelected ? "true" : undefined}
                      data-cell={ref}
                      onClick={() => onSelect(f)}
                    >
                      <span className={styles.ref}>{f.cell}</span> <span>{textOf(f)}</span>
                    </Button>
                  </li>
                );
              })}
            </ul>
            {g.count > g.listed && (
              <span className={styles.more}>{t("andMore", { count: g.count - g.listed })}</span>
            )}
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
