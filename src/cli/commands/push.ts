import {
  buildSubmissionPayload,
  HubClient,
  hubFailureOf,
  idempotencyKeyOf,
  isHubError,
  Outbox,
  PayloadRefused,
  sendOrQueue,
  type SendResult,
} from "../../client";
import { FileOutboxStore } from "../../client/node/file-outbox-store";
import { periodKey } from "../../core/submission";
import { FINDING_LABELS } from "../../core/labels/labels";
import type { Command } from "../command";
import { parseCommandArgs, stringOption } from "../args";
import { loadConfig } from "../config";
import { expandInputs } from "../files";
import type { CliIo } from "../io";
import { UserError } from "../../core/errors/user-error";
import { analyzeFile, maxRowsFrom } from "../analyze-file";
import { GENERATOR } from "../version";

export const EXIT_UNREACHABLE = 3;

/** Secrets may come from the environment so they don't show in the process list or the shell history. */
export function secretOption(
  values: Record<string, unknown>,
  io: CliIo,
  flag: string,
  env: string,
  secret: "structure-token" | "department-key",
): string {
  const v = stringOption(values, flag) ?? io.env[env];
  if (!v || !v.trim()) throw new UserError("usage.missing-secret", { secret, flag, env });
  return v.trim();
}

export function receiptText(r: SendResult): string {
  const when = new Date(r.receipt.receivedAt).toLocaleString("fr-FR", { timeZone: "Europe/Paris" });
  const head =
    r.outcome === "received"
      ? "Bilan reçu par le hub départemental."
      : "Ce bilan avait déjà été reçu : rien n'a été renvoyé en double.";
  return (
    `${head}\n  Accusé de réception : ${r.receipt.id}\n  Structure ${r.receipt.siret} · ${r.receipt.kind} · période ${r.receipt.period} · version ${r.receipt.version}\n  Reçu le ${when}\n` +
    (r.receipt.indicatorsMismatch
      ? "  Attention : les indicateurs recalculés par le hub diffèrent de ceux du classeur (le Département en est informé).\n"
      : "")
  );
}

export const pushCommand: Command = {
  name: "push",
  summary:
    "envoie un bilan vérifié au hub départemental (accusé de réception, boîte d'envoi si le hub est injoignable)",
  help: `Usage : bilan-iae push FICHIER.xlsx --hub URL --token JETON --department-key CLE [--json] [--config FICHIER]

Vérifie le classeur, construit l'envoi (indicateurs, contrôles et enregistrements pseudonymes : aucun nom,
date de naissance, adresse ni numéro de sécurité sociale) et l'envoie au hub du Département.
Un second envoi du même contenu est reconnu comme déjà reçu. Si le hub ne répond pas, l'envoi est gardé
dans la boîte d'envoi (BILAN_IAE_OUTBOX, par défaut ~/.bilan-iae/outbox.json) : « bilan-iae outbox send ».

  --hub URL              adresse du hub (ou BILAN_IAE_HUB)
  --token JETON          jeton de la structure remis par le Département (ou BILAN_IAE_TOKEN)
  --department-key CLE   clé départementale de pseudonymisation (ou BILAN_IAE_DEPARTMENT_KEY)
  --json                 accusé de réception en JSON
  --config FICHIER       réglages du Département (JSON)

Code de sortie : 0 envoyé ou déjà reçu, 1 refusé (erreurs dans le classeur ou refus du hub),
2 fichier illisible ou option invalide, 3 hub injoignable (l'envoi est dans la boîte d'envoi).`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs("push", args, {
      hub: { type: "string" },
      token: { type: "string" },
      "department-key": { type: "string" },
      json: { type: "boolean" },
      config: { type: "string" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.out(this.help + "\n");
      return 0;
    }
    if (positionals.length !== 1) throw new UserError("usage.one-file-only", {});
    const hub = stringOption(values, "hub") ?? io.env.BILAN_IAE_HUB;
    if (!hub) throw new UserError("usage.missing-hub", {});
    const token = secretOption(values, io, "token", "BILAN_IAE_TOKEN", "structure-token");
    const departmentKey = secretOption(
      values,
      io,
      "department-key",
      "BILAN_IAE_DEPARTMENT_KEY",
      "department-key",
    );
    const config = await loadConfig(stringOption(values, "config"));
    const [file] = await expandInputs(positionals);
    if (!file) throw new UserError("usage.file-not-found", { path: positionals[0] });
    const r = await analyzeFile(file, config, maxRowsFrom(io.env, undefined));
    if (!r.ok) {
      io.err(`${r.error.message}\n`);
      return 2;
    }
    const json = values.json === true;
    // A workbook with several conventions is sent as one submission per report, once all are valid.
    const invalid = r.reports.filter((a) => !a.report.valid);
    if (invalid.length > 0) {
      const msgs = invalid.map((a) => {
        const lines = a.report.rules
          .filter((c) => c.severity === "error")
          .map((c) => `  - ${FINDING_LABELS[c.code].fr} (${c.code}) : ${c.count}`);
        const n = a.report.counts.error;
        const which = r.reports.length > 1 ? ` (convention ${a.structure.kind ?? "non déterminée"})` : "";
        return `Envoi refusé : ${r.file}${which} contient ${n} erreur${n > 1 ? "s" : ""} bloquante${n > 1 ? "s" : ""}.\n${lines.join("\n")}\n`;
      });
      if (json) {
        const out = r.reports.map((a) => ({
          file: r.file,
          kind: a.structure.kind,
          status: "refused",
          reason: "errors",
          counts: a.report.counts,
        }));
        io.out(JSON.stringify(out.length === 1 ? out[0] : out, null, 2) + "\n");
      }
      io.err(`${msgs.join("")}Corrigez-les (bilan-iae check ${r.file}) puis renvoyez.\n`);
      return 1;
    }
    // A bad address or token is a hub.* user error: main prints it, exit 2 like any usage mistake.
    const client = new HubClient({
      baseUrl: hub,
      token,
      onRetry: (i) => io.err(`Hub : ${i.reason}, nouvel essai dans ${Math.ceil(i.delayMs / 1000)} s…\n`),
      maxElapsedMs: Number(io.env.BILAN_IAE_HUB_TIMEOUT_MS) || 60_000,
    });
    const payloads = [];
    try {
      for (const a of r.reports)
        payloads.push(await buildSubmissionPayload(a, { departmentKey, generator: GENERATOR }));
    } catch (e) {
      if (e instanceof PayloadRefused) {
        io.err(`${e.message}\n`);
        return 1;
      }
      throw e;
    }
    const outbox = new Outbox(new FileOutboxStore());
    const results: Record<string, unknown>[] = [];
    let code = 0;
    try {
      for (const payload of payloads) {
        const key = await idempotencyKeyOf(payload);
        const period = periodKey(payload.structure.periodStart, payload.structure.periodEnd) ?? "";
        const outcome = await sendOrQueue(client, outbox, payload, key, period);
        if ("sent" in outcome) {
          results.push({
            file: r.file,
            kind: payload.structure.kind,
            status: outcome.sent.outcome,
            receipt: outcome.sent.receipt,
          });
          if (!json) io.out(receiptText(outcome.sent));
          continue;
        }
        const where = outbox.store.location;
        results.push({
          file: r.file,
          kind: payload.structure.kind,
          status: "queued",
          outbox: where,
          error: outcome.error.message,
        });
        io.err(
          `${outcome.error.message}\nL'envoi${payloads.length > 1 ? ` de la convention ${payload.structure.kind}` : ""} est dans la boîte d'envoi (${where}). Renvoyez-le plus tard avec : bilan-iae outbox send --token …\n`,
        );
        code = EXIT_UNREACHABLE;
      }
      if (json) io.out(JSON.stringify(results.length === 1 ? results[0] : results, null, 2) + "\n");
      return code;
    } catch (e) {
      if (isHubError(e)) {
        const failure = hubFailureOf(e);
        if (json)
          io.out(
            JSON.stringify(
              {
                file: r.file,
                status: "refused",
                reason: failure.kind,
                httpStatus: failure.status,
                detail: e.message,
                errors: failure.errors,
              },
              null,
              2,
            ) + "\n",
          );
        io.err(
          `Le hub a refusé l'envoi : ${e.message}\n${failure.errors
            .slice(0, 10)
            .map((x) => `  ${x.pointer} : ${x.detail}\n`)
            .join("")}`,
        );
        return 1;
      }
      throw e;
    }
  },
};
