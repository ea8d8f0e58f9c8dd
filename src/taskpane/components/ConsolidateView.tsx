import {
  Body1,
  Button,
  Caption1,
  Card,
  CardHeader,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownload20Regular, DataBarVertical20Regular, TableAdd20Regular } from "@fluentui/react-icons";
import { useCallback, useMemo, useRef, useState } from "react";
import {
  buildConsolidationSheets,
  canWriteConsolidation,
  consolidate,
  DEFAULT_CONFIG,
  type Consolidation,
  type FollowUp,
} from "../../core";
import { analyzeFiles, type FileOutcome, type FileState } from "../consolidate/analyze-files";
import { downloadXlsx } from "../download-xlsx";
import { SettingsStore } from "../settings-store";
import { HUB_SETTINGS, type HubSettings } from "../consolidate/hub-settings";
import { fetchFromHub } from "../consolidate/hub-source";
import { userMessage } from "../errors";
import { consolidateTranslator } from "../i18n/consolidate";
import { useI18n } from "../i18n/i18n";
import type { ViewProps } from "../views";
import { ConsolidateHubForm } from "./ConsolidateHubForm";
import { ConsolidationTotals } from "./ConsolidationTotals";
import { MissingNames } from "./MissingNames";
import { ReturnedFiles, type ReturnedFile } from "./ReturnedFiles";
import { DepartmentConfigPicker } from "./DepartmentConfigPicker";
import {
  DEPARTMENT_CONFIG,
  departmentConfigFrom,
  loadDepartmentConfig,
  readFileText,
  type DepartmentConfig,
} from "../consolidate/department-config";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

type Source = "hub" | "files";
interface FileEntry extends ReturnedFile {
  outcome: FileOutcome | null;
}
interface Result {
  consolidation: Consolidation;
  followUp: FollowUp;
}

/**
 * Department mode: the consolidation from the hub (department token) or from the returned files,
 * analysed here with the CLI's engine. In Excel it writes the three sheets; outside Excel it offers
 * the consolidated workbook for download. Needs no open workbook.
 */
export function ConsolidateView({ port, openWorkbook }: ViewProps) {
  const { t, language } = useI18n();
  const ct = useMemo(() => consolidateTranslator(language), [language]);
  const styles = useStyles();
  const store = useMemo(() => SettingsStore.browser(), []);
  const [settings, setSettings] = useState<HubSettings>(() => store.load(HUB_SETTINGS));
  const [source, setSource] = useState<Source>(() => (settings.url ? "hub" : "files"));
  const [files, setFiles] = useState<FileEntry[]>([]);
  // The picked files themselves, so a returned file with errors can be opened in Vérifier.
  const pickedFiles = useRef(new Map<string, File>());
  const [config, setConfig] = useState<DepartmentConfig | null>(() => loadDepartmentConfig(store));
  const [hubResult, setHubResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState<null | "hub" | "files" | "write">(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const inExcel = canWriteConsolidation(port);

  const filesResult = useMemo((): Result | null => {
    const outcomes = files.flatMap((f) => (f.outcome ? [f.outcome] : []));
    if (outcomes.length === 0) return null;
    const inputs = outcomes.flatMap((o) => o.inputs);
    return {
      consolidation: consolidate(inputs),
      followUp: { source: "files", files: outcomes.flatMap((o) => o.received) },
    };
  }, [files]);
  const result = source === "hub" ? hubResult : filesResult;

  const addFiles = useCallback(
    async (picked: File[]) => {
      setError(null);
      setNotice(null);
      setBusy("files");
      // A file given again (same name) replaces its earlier version.
      const names = new Set(picked.map((f) => f.name));
      for (const f of picked) pickedFiles.current.set(f.name, f);
      setFiles((prev) => [
        ...prev.filter((f) => !names.has(f.name)),
        ...picked.map((f) => ({
          name: f.name,
          state: { status: "waiting", progress: 0 } as FileState,
          outcome: null,
        })),
      ]);
      const setState = (name: string, patch: Partial<FileEntry>) =>
        setFiles((prev) => prev.map((f) => (f.name === name ? { ...f, ...patch } : f)));
      try {
        const outcomes = await analyzeFiles(
          picked.map((f) => ({ name: f.name, bytes: () => f.arrayBuffer() })),
          (i, state) => setState(picked[i].name, { state }),
          config?.rules ?? DEFAULT_CONFIG,
        );
        outcomes.forEach((o, i) => setState(picked[i].name, { outcome: o }));
        const failed = outcomes.filter((o) => o.inputs.length === 0).length;
        setNotice(ct("filesDone", { read: outcomes.length - failed, failed }));
      } catch (e) {
        setError(userMessage(e, t));
      } finally {
        setBusy(null);
      }
    },
    [ct, t, config],
  );

  const chooseConfig = useCallback(
    async (file: File) => {
      setError(null);
      setNotice(null);
      try {
        const text = await readFileText(file);
        const chosen = departmentConfigFrom(file.name, text);
        setConfig(chosen);
        if (store.save(DEPARTMENT_CONFIG, { name: file.name, text }) !== "saved")
          setNotice(ct("settingsNotSaved"));
        // Files already consolidated were read under other settings: they must be read again.
        if (files.length > 0) {
          setFiles([]);
          setNotice(ct("configChanged"));
        }
      } catch (e) {
        setError(userMessage(e, t));
      }
    },
    [store, files.length, ct, t],
  );

  const clearConfig = useCallback(() => {
    setConfig(null);
    store.forget(DEPARTMENT_CONFIG);
    if (files.length > 0) {
      setFiles([]);
      setNotice(ct("configChanged"));
    }
  }, [store, files.length, ct]);

  const pull = useCallback(async () => {
    setError(null);
    setNotice(null);
    if (!settings.url.trim() || !settings.token.trim()) {
      setError(ct("hubMissing"));
      return;
    }
    setBusy("hub");
    try {
      const { consolidation, status } = await fetchFromHub(settings);
      setHubResult({ consolidation, followUp: { source: "hub", status } });
      if (store.save(HUB_SETTINGS, settings) !== "saved") setNotice(ct("settingsNotSaved"));
    } catch (e) {
      setError(userMessage(e, t));
    } finally {
      setBusy(null);
    }
  }, [settings, store, ct, t]);

  const write = useCallback(async () => {
    if (!result) return;
    setError(null);
    setBusy("write");
    try {
      if (canWriteConsolidation(port)) {
        await port.writeConsolidation(buildConsolidationSheets(result.consolidation, result.followUp));
        setNotice(ct("sheetsWritten"));
      } else {
        const { writeConsolidationXlsx } = await import(
          /* webpackChunkName: "consolidation-xlsx" */ "../../xlsx/write-consolidation.js"
        );
        const bytes = await writeConsolidationXlsx(result.consolidation, {
          generatedAt: new Date(),
          rulesVersion: (result.followUp.source === "files" && config ? config.rules : DEFAULT_CONFIG)
            .rulesVersion,
          followUp: result.followUp,
        });
        const period = result.followUp.source === "hub" ? `-${result.followUp.status.period}` : "";
        const name = `consolidation${period}.xlsx`;
        downloadXlsx(bytes, name);
        setNotice(ct("downloaded", { name }));
      }
    } catch (e) {
      setError(userMessage(e, t));
    } finally {
      setBusy(null);
    }
  }, [result, port, ct, t, config]);

  const openPicked = (name: string, open: (f: File) => void) => {
    const file = pickedFiles.current.get(name);
    if (file) open(file);
  };

  const status = result?.followUp.source === "hub" ? result.followUp.status : null;
  const missing = status?.structures.filter((s) => s.status === "missing") ?? [];
  const invalid = result?.consolidation.reports.filter((r) => !r.valid).length ?? 0;

  return (
    <div className={styles.root}>
      <Card>
        <CardHeader
          image={<DataBarVertical20Regular />}
          header={<Subtitle2 as="h2">{ct("title")}</Subtitle2>}
        />
        <Body1>{ct("intro")}</Body1>
        <Field label={ct("sourceLabel")}>
          <RadioGroup layout="horizontal" value={source} onChange={(_e, d) => setSource(d.value as Source)}>
            <Radio value="files" label={ct("sourceFiles")} />
            <Radio value="hub" label={ct("sourceHub")} />
          </RadioGroup>
        </Field>

        {source === "hub" ? (
          <ConsolidateHubForm
            settings={settings}
            setSettings={setSettings}
            onFetch={() => void pull()}
            busy={busy !== null}
            fetching={busy === "hub"}
            ct={ct}
          />
        ) : (
          <>
            <DepartmentConfigPicker
              config={config}
              onFile={(f) => void chooseConfig(f)}
              onClear={clearConfig}
              disabled={busy !== null}
              ct={ct}
            />
            <ReturnedFiles
              files={files}
              onFiles={(f) => void addFiles(f)}
              disabled={busy !== null}
              ct={ct}
              onOpen={openWorkbook ? (name) => openPicked(name, openWorkbook) : undefined}
            />
            {files.length > 0 && (
              <div className={styles.actions}>
                <Button appearance="subtle" disabled={busy !== null} onClick={() => setFiles([])}>
                  {ct("clearFiles")}
                </Button>
              </div>
            )}
          </>
        )}
      </Card>

      {error && (
        <MessageBar intent="error" data-testid="consolidate-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div role="status" aria-live="polite">
        {notice && <Caption1 data-testid="consolidate-notice">{notice}</Caption1>}
      </div>

      {result ? (
        <Card>
          <ConsolidationTotals c={result.consolidation} ct={ct} />
          {status && (
            <Body1 data-testid="follow-up">
              {ct("followUp", {
                submitted: status.summary.submitted,
                expected: status.summary.expected,
                missing: status.summary.missing,
              })}
            </Body1>
          )}
          {missing.length > 0 && (
            <Caption1>
              <MissingNames names={missing} ct={ct} />
            </Caption1>
          )}
          {invalid > 0 && <Caption1>{ct("invalidReports", { count: invalid })}</Caption1>}
          <div className={styles.actions}>
            <Button
              appearance="primary"
              icon={inExcel ? <TableAdd20Regular /> : <ArrowDownload20Regular />}
              disabled={busy !== null}
              onClick={() => void write()}
            >
              {inExcel ? ct("writeSheets") : ct("download")}
            </Button>
          </div>
        </Card>
      ) : (
        <Caption1>{ct("nothing")}</Caption1>
      )}
    </div>
  );
}
