import {
  Button,
  Caption1,
  Link,
  FluentProvider,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Tab,
  TabList,
  tokens,
  typographyStyles,
  webLightTheme,
} from "@fluentui/react-components";
import { BannerTitle } from "./BannerTitle";
import { ArrowDownload20Regular, Dismiss20Regular } from "@fluentui/react-icons";
import {
  Component,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import type { Analysis, RulesConfig, WorkbookPort } from "../../core";
import { UserError } from "../../core/errors/user-error";
import { useWorkbookSession, type Analyze, type CheckOffThread } from "../hooks/useWorkbookSession";
import type { CheckProgress, FileCheck } from "../file-check/protocol";
import { useDepartmentSettings } from "../hooks/useDepartmentSettings";
import { settingsStore, useSendEnvironment } from "../send/send-environment";
import { useLiveCheck } from "../hooks/useLiveCheck";
import { I18nProvider, useI18n, type Language } from "../i18n/i18n";
import { VIEWS, type PaneView } from "../views";
import { FileOpener } from "./FileOpener";
import { downloadXlsx } from "../download-xlsx";
import { notKeptText } from "../not-kept-text";
import type { NotKept } from "../../xlsx/not-kept";

/** A workbook opened from a file (file mode): its port and how to get the annotated copy. */
export interface FileWorkbook {
  name: string;
  port: WorkbookPort;
  /**
   * Reads and analyses the file off the page's thread (a Web Worker) under the department's rules (null: the
   * defaults). Absent, the pane reads through the port and analyses in the page.
   */
  check?: (
    config: RulesConfig | null,
    onProgress: (p: CheckProgress) => void,
    signal: AbortSignal,
  ) => Promise<FileCheck>;
  /**
   * The workbook with the highlights and one Indicateurs sheet per report, as .xlsx bytes, and what of the
   * user's workbook the copy could not keep (charts, pivot tables, shapes: the pane says so).
   */
  annotated(reports: readonly Analysis[], language: Language): Promise<AnnotatedCopy>;
}

export interface AnnotatedCopy {
  bytes: Uint8Array;
  notKept: NotKept;
}

export interface AppProps {
  language: Language;
  initialView: string;
  analyze: Analyze;
  /** Office mode: the open workbook. Absent in file mode. */
  officePort?: WorkbookPort;
  /** File mode: opens a dropped or picked file (loads the .xlsx adapter on demand). */
  openFile?: (file: File) => Promise<FileWorkbook>;
  views?: PaneView[];
  /** Office mode starts checking at once; tests may turn it off. */
  autoCheck?: boolean;
}

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  fileBar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  links: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXS,
    marginBlock: tokens.spacingVerticalS,
  },
  // Sticky: "Cellule sélectionnée" stays in sight when the user clicks a finding low in the list.
  live: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  sticky: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  // Five tabs in a 350 px pane: small tabs with icons, wrapping to a second line rather than scrolling sideways.
  tabs: { flexWrap: "wrap", rowGap: tokens.spacingVerticalXXS },
  title: { ...typographyStyles.subtitle1, margin: 0 },
  caption: typographyStyles.caption1,
  heading: { ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
});

/** A lazy view that fails to load (offline, new version deployed) must say so, not blank the pane. */
class ViewBoundary extends Component<
  { fallback: (error: unknown) => ReactNode; children: ReactNode },
  { error: unknown }
> {
  override state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}

function Pane(props: AppProps) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const views = props.views ?? VIEWS;
  const fileMode = !props.officePort;
  const [tab, setTab] = useState(props.initialView);
  const [file, setFile] = useState<FileWorkbook | null>(null);
  const [opening, setOpening] = useState(false);
  const [downloaded, setDownloaded] = useState<{ text: string; notKept: string | null } | null>(null);
  // Where focus goes when what held it disappears (a closed banner) or a file opens: never the body.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const openedRef = useRef<HTMLSpanElement>(null);
  const [focusOpened, setFocusOpened] = useState(false);
  useEffect(() => {
    if (!focusOpened || !file) return;
    setFocusOpened(false);
    openedRef.current?.focus();
  }, [focusOpened, file]);

  const port = props.officePort ?? file?.port ?? null;
  const env = useSendEnvironment();
  const department = useDepartmentSettings(env);
  const rules = department.inUse.rules;
  const { analyze: analyzeWith } = props;
  // Which rules the last analysis ran with, so new rules from the hub re-check the workbook once.
  const rulesKey = useMemo(() => (rules ? JSON.stringify(rules) : "default"), [rules]);
  const analyzedWith = useRef<string | null>(null);
  const recheckedFor = useRef<string | null>(null);
  const analyze = useCallback<Analyze>(
    (workbook, mapping) => {
      analyzedWith.current = rulesKey;
      return analyzeWith(workbook, mapping, rules ?? undefined);
    },
    [analyzeWith, rules, rulesKey],
  );
  const checkOffThread = useMemo<CheckOffThread | undefined>(() => {
    const fileCheck = file?.check;
    if (!fileCheck) return undefined;
    return (onProgress, signal) => {
      analyzedWith.current = rulesKey;
      return fileCheck(rules ?? null, onProgress, signal);
    };
  }, [file, rules, rulesKey]);
  const session = useWorkbookSession(port, analyze, language, t, checkOffThread);
  const checking = session.phase === "reading" || session.phase === "analyzing";
  const store = useMemo(() => settingsStore(env), [env]);
  const liveCheck = useLiveCheck(props.officePort ?? null, session, store);
  const dismissError = useCallback(() => {
    session.dismissError();
    headingRef.current?.focus();
  }, [session]);
  const checkRef = useRef(session.check);
  checkRef.current = session.check;
  useEffect(() => {
    if (session.phase !== "ready" || analyzedWith.current === null || analyzedWith.current === rulesKey)
      return;
    // Once per rules: a workbook that fails to read must not be re-read in a loop.
    if (recheckedFor.current === rulesKey) return;
    recheckedFor.current = rulesKey;
    void checkRef.current();
  }, [rulesKey, session.phase]);

  // Check as soon as a workbook is there (the pane opened in Excel, or a file was opened) — unless the
  // pane opened on a standalone view (Consolider): the department's workbook is not a report to check.
  const opensStandalone = views.find((v) => v.id === props.initialView)?.standalone === true;
  useEffect(() => {
    if (port && props.autoCheck !== false && !opensStandalone) void checkRef.current();
  }, [port, props.autoCheck, opensStandalone]);

  const open = useCallback(
    async (f: File) => {
      if (!props.openFile) return;
      if (!/\.xlsx$/i.test(f.name)) {
        session.reportError(new UserError("pane.not-xlsx", { name: f.name }));
        return;
      }
      setOpening(true);
      setDownloaded(null);
      try {
        setFile(await props.openFile(f));
        setFocusOpened(true);
      } catch (error) {
        session.reportError(error);
      } finally {
        setOpening(false);
      }
    },
    [props, session, t],
  );

  const download = useCallback(async () => {
    if (!file || session.reports.length === 0) return;
    try {
      const copy = await file.annotated(session.reports, language);
      const name = file.name.replace(/\.xlsx$/i, "") + "-annote.xlsx";
      downloadXlsx(copy.bytes, name);
      setDownloaded({ text: t("downloadReady", { name }), notKept: notKeptText(copy.notKept, t) });
    } catch (error) {
      session.reportError(error);
    }
  }, [file, session, language, t]);

  const current = views.find((v) => v.id === tab) ?? views[0];
  const View = current.component;
  // File mode before any file: a standalone view (Consolider) shows on its own, without the tabs.
  const noFile = fileMode && !file;
  const standaloneNow = noFile && current.standalone === true;
  const viewBody = (
    <ViewBoundary
      key={current.id}
      fallback={(error) => (
        <MessageBar intent="error">{String(error instanceof Error ? error.message : error)}</MessageBar>
      )}
    >
      <Suspense fallback={<p>{t("loadingView")}</p>}>
        <View
          session={session}
          port={port}
          fileMode={fileMode}
          goTo={setTab}
          rules={department.inUse}
          sendSettingsChanged={() => void department.refresh()}
          liveCheck={liveCheck}
          openWorkbook={
            fileMode
              ? (f) => {
                  setTab(views[0].id);
                  void open(f);
                }
              : undefined
          }
        />
      </Suspense>
    </ViewBoundary>
  );

  return (
    <main className={styles.root}>
      <h1 tabIndex={-1} ref={headingRef} className={mergeClasses(styles.title, styles.heading)}>
        {t("appTitle")}
      </h1>

      {standaloneNow && (
        <Link as="button" onClick={() => setTab(views[0].id)}>
          {t("backToFile")}
        </Link>
      )}
      {fileMode && !standaloneNow && (
        <section aria-label={t("fileModeTitle")}>
          {!file && <Caption1 as="p">{t("fileModeIntro")}</Caption1>}
          <FileOpener
            onFile={(f) => void open(f)}
            disabled={opening || (session.busy !== null && !checking)}
            compact={file !== null}
          />
          {file && (
            <div className={styles.fileBar}>
              <span
                data-testid="opened-file"
                tabIndex={-1}
                ref={openedRef}
                className={mergeClasses(styles.caption, styles.heading)}
              >
                {t("openedFile", { name: file.name })}
              </span>
              <Button
                icon={<ArrowDownload20Regular />}
                disabled={!session.analysis || session.busy !== null}
                onClick={() => void download()}
              >
                {t("download")}
              </Button>
            </div>
          )}
          {noFile && (
            <ul className={styles.links} role="list" style={{ listStyleType: "none", padding: 0 }}>
              {views
                .filter((v) => v.standalone)
                .map((v) => (
                  <li key={v.id}>
                    <Link as="button" onClick={() => setTab(v.id)}>
                      {v.standaloneLink ? t(v.standaloneLink) : t("standaloneLink", { view: t(v.label) })}
                    </Link>
                  </li>
                ))}
            </ul>
          )}
        </section>
      )}

      {session.error && (
        <MessageBar intent="error" role="alert" data-testid="error-bar">
          <MessageBarBody>
            <BannerTitle>{t("errorTitle")}</BannerTitle>
            {session.error}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label={t("dismiss")}
                icon={<Dismiss20Regular />}
                onClick={dismissError}
              />
            }
          />
        </MessageBar>
      )}

      <div
        className={mergeClasses(styles.live, session.selected !== null && styles.sticky)}
        role="status"
        aria-live="polite"
        aria-label={t("resultsRegion")}
        data-testid="live-region"
      >
        {session.notice && <Caption1>{session.notice}</Caption1>}
        {downloaded && <Caption1 data-testid="download-notice">{downloaded.text}</Caption1>}
        {downloaded?.notKept && (
          <MessageBar intent="warning" data-testid="download-not-kept">
            <MessageBarBody>{downloaded.notKept}</MessageBarBody>
          </MessageBar>
        )}
        {session.selected && (
          <Caption1 data-testid="selected-cell">{t("selectedCell", { ref: session.selected })}</Caption1>
        )}
      </div>

      {(!fileMode || file) && (
        <>
          <TabList
            size="small"
            className={styles.tabs}
            selectedValue={current.id}
            onTabSelect={(_e, d) => setTab(String(d.value))}
            aria-label={t("tabsLabel")}
          >
            {views.map((v) => (
              <Tab key={v.id} value={v.id} icon={v.icon}>
                {t(v.label)}
              </Tab>
            ))}
          </TabList>

          <div role="tabpanel" aria-label={t(current.label)}>
            {viewBody}
          </div>
        </>
      )}
      {standaloneNow && <section aria-label={t(current.label)}>{viewBody}</section>}
    </main>
  );
}

export function App(props: AppProps) {
  return (
    <FluentProvider theme={webLightTheme} lang={props.language}>
      <I18nProvider language={props.language}>
        <Pane {...props} />
      </I18nProvider>
    </FluentProvider>
  );
}
