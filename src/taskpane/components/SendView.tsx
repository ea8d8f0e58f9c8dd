import {
  Body1,
  Button,
  Caption1,
  Card,
  CardHeader,
  Link,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { BannerTitle } from "./BannerTitle";
import { ArrowClockwise20Regular, Send20Regular } from "@fluentui/react-icons";
import { useState } from "react";
import type { Analysis } from "../../core";
import { formatDateTime } from "../labels";
import { cellRef } from "../hooks/useWorkbookSession";
import { useSend, type SendViewState } from "../hooks/useSend";
import { useI18n } from "../i18n/i18n";
import { findingText } from "../finding-text";
import { MIN_DEPARTMENT_KEY_LENGTH } from "../../client";
import { settingsStore, useSendEnvironment } from "../send/send-environment";
import { SEND_SETTINGS, settingsComplete, EMPTY_SETTINGS, type SendSettings } from "../send/send-settings";
import type { ViewProps } from "../views";
import { SendPreview } from "./SendPreview";
import { SendReceiptCard } from "./SendReceiptCard";
import { SendSettingsForm } from "./SendSettingsForm";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { marginBlock: tokens.spacingVerticalXS, paddingInlineStart: tokens.spacingHorizontalL },
});

const SHOWN_ERRORS = 10;

/** Errors block sending: they are listed, report by report when there are several, with the way back to Vérifier. */
function Blocked({ reports, goTo }: { reports: readonly Analysis[]; goTo?: (view: string) => void }) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const blocked = reports.filter((r) => !r.report.valid);
  const total = blocked.reduce((n, r) => n + r.report.counts.error, 0);
  return (
    <MessageBar intent="error" layout="multiline" data-testid="send-blocked">
      <MessageBarBody>
        <BannerTitle>{t("sendBlocked", { count: total })}</BannerTitle>
        {t("sendBlockedHelp")}
        {blocked.map((analysis, r) => {
          const errors = analysis.report.issues.filter((f) => f.severity === "error");
          const count = analysis.report.counts.error;
          return (
            <div key={r} data-testid="send-blocked-report" data-kind={analysis.structure.kind ?? ""}>
              {reports.length > 1 && (
                <Caption1 as="p">
                  {t("sendBlockedReport", { kind: analysis.structure.kind ?? "—", errors: count })}
                </Caption1>
              )}
              <ul className={styles.list}>
                {errors.slice(0, SHOWN_ERRORS).map((f, i) => (
                  <li key={i}>
                    {f.sheet && f.cell
                      ? `${cellRef(f.sheet, f.cell)}${language === "fr" ? "\u00a0:" : ":"} `
                      : ""}
                    {findingText(f, language)}
                  </li>
                ))}
              </ul>
              {count > SHOWN_ERRORS && (
                <Caption1 as="p">
                  {t("moreErrors", { count: count - Math.min(errors.length, SHOWN_ERRORS) })}
                </Caption1>
              )}
            </div>
          );
        })}
        {goTo && (
          <p>
            <Link onClick={() => goTo("verifier")}>{t("backToVerify")}</Link>
          </p>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

function Failure({
  failure,
  onResend,
  busy,
}: {
  failure: NonNullable<SendViewState["failure"]>;
  onResend: () => void;
  busy: boolean;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <MessageBar
      intent={failure.kind === "queued" ? "warning" : "error"}
      layout="multiline"
      role="alert"
      data-testid="send-failure"
      data-kind={failure.kind}
    >
      <MessageBarBody>
        <BannerTitle>{t("sendFailedTitle")}</BannerTitle>
        {failure.message}
        {failure.problems.length > 0 && (
          <ul className={styles.list} data-testid="send-problems">
            {failure.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        )}
        {failure.detail && (
          // Block: Fluent's Text is inline, and this line follows the message's own text.
          <Caption1 as="p" block>
            {t("hubSaid", { detail: failure.detail })}
          </Caption1>
        )}
      </MessageBarBody>
      {failure.kind === "queued" && (
        <MessageBarActions>
          <Button icon={<ArrowClockwise20Regular />} disabled={busy} onClick={onResend}>
            {t("resend")}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/**
 * Envoyer: settings kept per user, the list of errors that block sending, a preview of what goes out,
 * then the send with its progress, the receipt (also written into the workbook) or what to do next.
 */
export function SendView({ session, port, fileMode, goTo, sendSettingsChanged }: ViewProps) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const env = useSendEnvironment();
  const store = settingsStore(env);
  const [settings, setSettings] = useState<SendSettings>(() => store.load(SEND_SETTINGS));
  const [note, setNote] = useState<string | null>(null);
  const [keyError, setKeyError] = useState<string | null>(null);
  const send = useSend(port, env, language, t);
  const reports = session.reports;
  const allValid = reports.length > 0 && reports.every((r) => r.report.valid);
  const busy = send.busy !== null || session.busy !== null;
  const complete = settingsComplete(settings);

  const save = () => {
    // A key too short would only be refused at sending time: say it where it is typed.
    const key = settings.departmentKey.trim();
    if (key !== "" && key.length < MIN_DEPARTMENT_KEY_LENGTH) {
      setKeyError(t("departmentKeyTooShort", { min: MIN_DEPARTMENT_KEY_LENGTH, length: key.length }));
      setNote(null);
      return;
    }
    setKeyError(null);
    const outcome = store.save(SEND_SETTINGS, settings);
    if (outcome !== "saved") {
      setNote(t(outcome === "storage-disabled" ? "settingsStorageDisabled" : "settingsStorageRefused"));
      return;
    }
    setNote(t("settingsSaved"));
    sendSettingsChanged?.();
  };
  const forget = () => {
    store.forget(SEND_SETTINGS);
    setSettings(EMPTY_SETTINGS);
    setNote(t("settingsForgotten"));
    sendSettingsChanged?.();
  };
  const doSend = () => {
    if (!allValid) return;
    // Sending keeps the settings: "entered once".
    // Storage refused: sending still works with the typed settings (saving says why).
    store.save(SEND_SETTINGS, settings);
    void send.send(reports, settings);
  };
  const doResend = () => void send.resend(reports, settings);

  const stored = send.stored;
  const pendingCount = send.pending.length;
  const showPending = (pendingCount > 0 || stored?.pending) && send.failure?.kind !== "queued";

  return (
    <div className={styles.root}>
      <Card>
        <CardHeader image={<Send20Regular />} header={<Subtitle2 as="h2">{t("sendTitle")}</Subtitle2>} />
        <Body1>{t("sendIntro")}</Body1>
      </Card>

      <section aria-labelledby="send-settings-title">
        <Subtitle2 as="h3" id="send-settings-title">
          {t("settingsTitle")}
        </Subtitle2>
        <SendSettingsForm
          value={settings}
          onChange={setSettings}
          onSave={save}
          onForget={forget}
          disabled={busy}
          keyError={keyError}
        />
        {note && (
          <Caption1 as="p" role="status" data-testid="settings-note">
            {note}
          </Caption1>
        )}
      </section>

      {showPending && (
        <MessageBar intent="warning" layout="multiline" data-testid="send-pending">
          <MessageBarBody>
            <BannerTitle>{t("pendingTitle")}</BannerTitle>
            {pendingCount > 0 && <span>{t("pendingOutbox", { count: pendingCount })} </span>}
            {stored?.pending && (
              <span>{t("pendingWorkbook", { at: formatDateTime(stored.pending.queuedAt, language) })}</span>
            )}
          </MessageBarBody>
          <MessageBarActions>
            <Button icon={<ArrowClockwise20Regular />} disabled={busy || !complete} onClick={doResend}>
              {t("resend")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {reports.length === 0 && <Body1>{t("sendNotChecked")}</Body1>}
      {reports.length > 0 && !allValid && <Blocked reports={reports} goTo={goTo} />}
      {allValid && (
        <>
          {reports.map((r, i) => (
            <SendPreview key={i} analysis={r} id={`send-preview-${i}`} several={reports.length > 1} />
          ))}
          {!complete && <Caption1 as="p">{t("settingsMissing")}</Caption1>}
          <div>
            <Button
              appearance="primary"
              icon={<Send20Regular />}
              disabled={busy || !complete}
              onClick={doSend}
              data-testid="send-button"
            >
              {reports.length > 1 ? t("sendButtonMany", { count: reports.length }) : t("sendButton")}
            </Button>
          </div>
        </>
      )}

      {send.busy && (
        <Spinner
          size="small"
          labelPosition="after"
          label={send.progress ?? t(send.busy === "sending" ? "sending" : "resending")}
          data-testid="send-progress"
        />
      )}
      {send.failure && <Failure failure={send.failure} onResend={doResend} busy={busy || !complete} />}
      {send.receipts.map((r, i) => (
        <SendReceiptCard key={i} receipt={r} fileMode={fileMode} several={reports.length > 1} />
      ))}
      {send.writeError && (
        <MessageBar intent="warning" data-testid="send-write-error">
          <MessageBarBody>{send.writeError}</MessageBarBody>
        </MessageBar>
      )}
      {send.receipts.length === 0 &&
        stored?.receipts.map((r, i) => (
          <Caption1 as="p" key={i} data-testid="last-sent">
            {r.kind && stored.receipts.length > 1 ? `${r.kind}${language === "fr" ? "\u00a0:" : ":"} ` : ""}
            {t("lastSent", {
              id: r.submissionId,
              version: r.version,
              at: formatDateTime(r.receivedAt, language),
            })}
          </Caption1>
        ))}
    </div>
  );
}
