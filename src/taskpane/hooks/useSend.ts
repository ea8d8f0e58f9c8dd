import { useCallback, useEffect, useRef, useState } from "react";
import {
  buildSubmissionPayload,
  HubClient,
  idempotencyKeyOf,
  normalizeHubUrl,
  Outbox,
  sendOrQueue,
  type OutboxEntry,
  type SendResult,
} from "../../client";
import { LocalStorageOutboxStore } from "../../client/browser/local-storage-outbox-store";
import { periodKey } from "../../core/submission";
import type { Analysis, PendingSend, SendReceiptRecord, SendState, WorkbookPort } from "../../core";
import { PRODUCT_VERSION } from "../../core";
import type { Language, Translate } from "../i18n/i18n";
import { userMessage } from "../errors";
import { MemoryOutboxStore } from "../send/memory-outbox-store";
import { sendFailureOf, type SendFailure } from "../send/send-failure";
import type { SendEnvironment } from "../send/send-environment";
import type { SendSettings } from "../send/send-settings";

export const PANE_GENERATOR = { name: "bilan-iae-complement", version: PRODUCT_VERSION } as const;

export interface SendViewState {
  /** What is under way: null when idle. */
  busy: "sending" | "resending" | null;
  /** Retry notice while the hub does not answer. */
  progress: string | null;
  /** The receipts obtained in this pane (or delivered from the outbox): one per report sent. */
  receipts: SendReceiptRecord[];
  failure: SendFailure | null;
  /** A problem writing the receipt into the workbook, after the hub did receive the report. */
  writeError: string | null;
  /** What the workbook remembers (last receipt, pending marker). */
  stored: SendState | null;
  /** Submissions waiting in this browser's outbox. */
  pending: OutboxEntry[];
}

const initial: SendViewState = {
  busy: null,
  progress: null,
  receipts: [],
  failure: null,
  writeError: null,
  stored: null,
  pending: [],
};

function recordOf(
  sent: SendResult,
  hub: string,
  contentHash: string,
  analysis: Analysis | null,
): SendReceiptRecord {
  const r = sent.receipt;
  const kind = analysis?.structure.kind ?? null;
  return {
    ...(kind ? { kind } : {}),
    submissionId: r.id,
    version: r.version,
    receivedAt: r.receivedAt,
    hub,
    contentHash,
    siret: r.siret,
    period: r.period,
    alreadyReceived: sent.outcome === "already-received",
  };
}

/**
 * The Envoyer view's actions, over the hub client of src/client (payload, idempotency, retries, outbox):
 * send now or queue, resend the queue, and keep the workbook's record (receipt, pending marker) in step.
 */
export function useSend(port: WorkbookPort | null, env: SendEnvironment, language: Language, t: Translate) {
  const [state, setState] = useState<SendViewState>(initial);
  const patch = useCallback((p: Partial<SendViewState>) => setState((s) => ({ ...s, ...p })), []);
  const outboxRef = useRef<Outbox | null>(null);
  outboxRef.current ??= new Outbox(
    env.storage ? new LocalStorageOutboxStore(env.storage, env.partitionKey) : new MemoryOutboxStore(),
  );
  const outbox = outboxRef.current;

  const refresh = useCallback(async () => {
    try {
      const [stored, entries] = await Promise.all([
        port ? port.loadSendState() : Promise.resolve(null),
        outbox.list(),
      ]);
      patch({ stored, pending: entries.filter((e) => e.state === "pending") });
    } catch (error) {
      patch({ failure: { kind: "other", message: userMessage(error, t), detail: null, problems: [] } });
    }
  }, [port, outbox, patch, t]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const clientFor = useCallback(
    (settings: SendSettings) =>
      new HubClient({
        baseUrl: settings.hubUrl,
        token: settings.token,
        fetch: env.fetch,
        ...env.client,
        onRetry: (info) =>
          patch({
            progress: t("sendRetrying", {
              attempt: info.attempt + 1,
              seconds: Math.ceil(info.delayMs / 1000),
              reason: info.reason,
            }),
          }),
      }),
    [env, patch, t],
  );

  /** Writes the receipts into the workbook; the hub has the reports whatever happens here. */
  const keep = useCallback(
    async (records: SendReceiptRecord[], reports: readonly Analysis[]) => {
      if (!port || records.length === 0) return;
      try {
        await port.writeSendReceipts(records, reports, { generatedAt: env.now(), language });
      } catch (error) {
        patch({ writeError: t("sendReceiptNotWritten", { message: userMessage(error, t) }) });
      }
    },
    [port, env, language, patch, t],
  );

  /**
   * One submission per report (one per convention, domain §2.4.3), each with its own receipt; a report
   * the hub cannot take now waits in the outbox, one entry per report. The caller sends only when no
   * report has blocking errors.
   */
  const send = useCallback(
    async (reports: readonly Analysis[], settings: SendSettings) => {
      patch({ busy: "sending", progress: null, failure: null, writeError: null, receipts: [] });
      const records: SendReceiptRecord[] = [];
      let queued: PendingSend | null = null;
      let current: Analysis | null = reports[0] ?? null;
      try {
        const client = clientFor(settings);
        for (const analysis of reports) {
          current = analysis;
          const payload = await buildSubmissionPayload(analysis, {
            departmentKey: settings.departmentKey,
            generator: PANE_GENERATOR,
          });
          const key = await idempotencyKeyOf(payload);
          const period = periodKey(payload.structure.periodStart, payload.structure.periodEnd) ?? "";
          const outcome = await sendOrQueue(client, outbox, payload, key, period);
          if ("sent" in outcome) {
            records.push(recordOf(outcome.sent, client.baseUrl, key, analysis));
            patch({ receipts: [...records] });
          } else {
            queued ??= {
              contentHash: key,
              hub: client.baseUrl,
              siret: payload.structure.siret,
              period,
              queuedAt: outcome.queued.queuedAt,
            };
          }
        }
      } catch (error) {
        patch({ failure: sendFailureOf(error, t, current?.structure.siret ?? null) });
      }
      try {
        await keep(records, reports);
        // After the receipts: storing them clears the pending marker.
        if (queued) {
          await port?.markSendPending(queued);
          patch({
            failure: {
              kind: "queued",
              message: t("sendQueued", {
                where: t(outbox.store instanceof MemoryOutboxStore ? "outboxInMemory" : "outboxInBrowser"),
              }),
              // The message says all: unreachable, kept where, what to do (no "will be resent later").
              detail: null,
              problems: [],
            },
          });
        }
      } catch (error) {
        patch({ failure: sendFailureOf(error, t, current?.structure.siret ?? null) });
      } finally {
        patch({ busy: null, progress: null });
        await refresh();
      }
    },
    [patch, clientFor, outbox, keep, port, refresh, t],
  );

  /** Resends what waits in the outbox for this hub and token; the workbook gets the receipts of its own content. */
  const resend = useCallback(
    async (reports: readonly Analysis[], settings: SendSettings) => {
      patch({ busy: "resending", progress: null, failure: null, writeError: null });
      try {
        const client = clientFor(settings);
        const tokenHash = await client.tokenHash();
        const hub = normalizeHubUrl(settings.hubUrl);
        // A receipt goes into the workbook only if the queued content is what one of its reports holds now.
        const current = new Map<string, Analysis>();
        for (const analysis of reports) {
          if (!analysis.report.valid) continue;
          try {
            current.set(
              await idempotencyKeyOf(
                await buildSubmissionPayload(analysis, {
                  departmentKey: settings.departmentKey,
                  generator: PANE_GENERATOR,
                }),
              ),
              analysis,
            );
          } catch {
            // This report cannot be sent as it is now: the queued entries are delivered all the same.
          }
        }
        const results = await outbox.flush((e) =>
          normalizeHubUrl(e.hubUrl) === hub && (!e.tokenHash || e.tokenHash === tokenHash) ? client : null,
        );
        const stored = port ? await port.loadSendState() : null;
        const records: SendReceiptRecord[] = [];
        let pendingDelivered = false;
        let failure: SendFailure | null = null;
        for (const r of results) {
          if (r.result) {
            const analysis = current.get(r.id);
            if (analysis) records.push(recordOf(r.result, hub, r.id, analysis));
            else if (stored?.pending?.contentHash === r.id) {
              records.push(recordOf(r.result, hub, r.id, null));
              pendingDelivered = true;
            }
          } else if (r.error) {
            failure = {
              kind: "queued",
              message: t("resendFailed", { count: results.filter((x) => !x.result).length }),
              detail: r.error,
              problems: [],
            };
          }
        }
        patch({ receipts: records });
        const sheetsOf = records.filter((r) => current.has(r.contentHash));
        if (sheetsOf.length > 0) await keep(sheetsOf, reports);
        else if (pendingDelivered && port) {
          try {
            await port.markSendPending(null);
          } catch (error) {
            patch({ writeError: t("sendReceiptNotWritten", { message: userMessage(error, t) }) });
          }
        }
        if (results.length === 0)
          failure = { kind: "refused", message: t("resendNothing"), detail: null, problems: [] };
        patch({ failure });
      } catch (error) {
        patch({ failure: sendFailureOf(error, t, reports[0]?.structure.siret ?? null) });
      } finally {
        patch({ busy: null, progress: null });
        await refresh();
      }
    },
    [patch, clientFor, outbox, port, keep, refresh, t],
  );

  return { ...state, send, resend, refresh };
}
