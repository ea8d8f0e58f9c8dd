import {
  Button,
  Dropdown,
  Field,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Option,
  SearchBox,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowSync20Regular,
  Eraser20Regular,
  Highlight20Regular,
  TableAdd20Regular,
  TableSettings20Regular,
} from "@fluentui/react-icons";
import { lazy, Suspense, useRef, useState } from "react";
import { KINDS } from "../../core";
import { useI18n } from "../i18n/i18n";
import { FindingsList, type SeverityFilter } from "./FindingsList";
import { SeveritySummary } from "./SeveritySummary";
import type { ViewProps } from "../views";
import { needsMapping } from "./mapping-needs";
import { RulesInUseNote } from "./RulesInUseNote";
import { ReportPicker } from "./ReportPicker";
import { LiveCheckSwitch } from "./LiveCheckSwitch";
import { CheckProgressBar } from "./CheckProgressBar";

const MappingPanel = lazy(() =>
  import(/* webpackChunkName: "mapping" */ "./MappingPanel.js").then((m) => ({ default: m.MappingPanel })),
);

const useStyles = makeStyles({
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    marginBlock: tokens.spacingVerticalS,
  },
  filters: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "end",
    marginBlock: tokens.spacingVerticalS,
  },
  grow: { flexGrow: 1, minWidth: "140px" },
});

export function VerifyView({ session, rules, liveCheck }: ViewProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const [text, setText] = useState("");
  const [severity, setSeverity] = useState<SeverityFilter>("all");
  // The panel closed without saving stays closed for this analysis; a new check may show it again.
  const [mappingClosedFor, setMappingClosedFor] = useState<string | null>(null);
  // Opened by hand (choose the sheets read, or a convention column) even when nothing is missing.
  const [mappingOpenedFor, setMappingOpenedFor] = useState<string | null>(null);
  const checkButton = useRef<HTMLButtonElement>(null);
  const { analysis, phase, progress, busy } = session;
  // The report of a check: re-checks of edits as the user types keep it, so the panel does not jump.
  const shownReport = `${session.checks}:${session.reportIndex}`;
  const working = busy !== null;
  const severityLabels: Record<SeverityFilter, string> = {
    all: t("severityAll"),
    error: t("severityError"),
    warning: t("severityWarning"),
    info: t("severityInfo"),
  };

  return (
    <div>
      <div className={styles.toolbar} role="toolbar" aria-label={t("tabVerify")}>
        <Button
          ref={checkButton}
          appearance="primary"
          icon={<ArrowSync20Regular />}
          disabledFocusable={working}
          onClick={() => void session.check()}
        >
          {analysis ? t("recheck") : t("check")}
        </Button>
        <Button
          icon={<Highlight20Regular />}
          disabled={working || session.reports.every((r) => r.report.issues.length === 0)}
          onClick={() => void session.highlight()}
        >
          {t("highlight")}
        </Button>
        <Button icon={<Eraser20Regular />} disabled={working} onClick={() => void session.clearHighlights()}>
          {t("clearHighlight")}
        </Button>
        <Button
          icon={<TableSettings20Regular />}
          disabled={working || !analysis}
          aria-expanded={analysis !== null && mappingOpenedFor === shownReport}
          onClick={() => setMappingOpenedFor(shownReport)}
        >
          {t("mappingOpen")}
        </Button>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button icon={<TableAdd20Regular />} disabled={working}>
              {t("createTemplate")}
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {KINDS.map((kind) => (
                <MenuItem key={kind} onClick={() => void session.insertTemplate(kind)}>
                  {t("createTemplateFor", { kind })}
                </MenuItem>
              ))}
            </MenuList>
          </MenuPopover>
        </Menu>
      </div>

      {liveCheck && <LiveCheckSwitch live={liveCheck} />}

      {rules && <RulesInUseNote rules={rules} />}

      {(phase === "reading" || phase === "analyzing") && (
        <CheckProgressBar phase={phase} progress={progress} />
      )}

      {!analysis && phase === "idle" && <p>{t("notChecked")}</p>}

      {analysis && (
        <>
          <ReportPicker session={session} />
          <SeveritySummary report={analysis.report} />
          {((needsMapping(analysis, session.mapping) && mappingClosedFor !== shownReport) ||
            mappingOpenedFor === shownReport) && (
            <Suspense fallback={<p>{t("loadingView")}</p>}>
              <MappingPanel
                session={session}
                analysis={analysis}
                onClose={() => {
                  setMappingClosedFor(shownReport);
                  setMappingOpenedFor(null);
                  checkButton.current?.focus(); // the panel's button goes away: focus must not fall to the body
                }}
              />
            </Suspense>
          )}
          <div className={styles.filters}>
            <Field label={t("textFilter")} className={styles.grow}>
              <SearchBox
                value={text}
                placeholder={t("textFilterPlaceholder")}
                onChange={(_e, d) => setText(d.value)}
              />
            </Field>
            <Field label={t("severityFilter")}>
              <Dropdown
                value={severityLabels[severity]}
                selectedOptions={[severity]}
                onOptionSelect={(_e, d) =>
                  setSeverity((d.optionValue as SeverityFilter | undefined) ?? "all")
                }
              >
                {(Object.keys(severityLabels) as SeverityFilter[]).map((s) => (
                  <Option key={s} value={s}>
                    {severityLabels[s]}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          </div>
          <FindingsList
            report={analysis.report}
            text={text}
            severity={severity}
            selected={session.selected}
            onSelect={(f) => void session.select(f)}
          />
        </>
      )}
    </div>
  );
}
