import { HubClient, Outbox, sha256Hex } from "../../client";
import { FileOutboxStore } from "../../client/node/file-outbox-store";
import type { Command } from "../command";
import { parseCommandArgs, stringOption } from "../args";
import { UserError } from "../../core/errors/user-error";
import { EXIT_UNREACHABLE, receiptText, secretOption } from "./push";

export const outboxCommand: Command = {
  name: "outbox",
  summary: "liste ou renvoie les bilans restés dans la boîte d'envoi",
  help: `Usage : bilan-iae outbox list [--json]
        bilan-iae outbox send --token JETON [--hub URL] [--json]

La boîte d'envoi garde les bilans qui n'ont pas pu atteindre le hub (fichier BILAN_IAE_OUTBOX,
par défaut ~/.bilan-iae/outbox.json ; aucun jeton ni donnée personnelle n'y est écrit).
« send » renvoie les bilans mis en attente avec ce jeton (ou BILAN_IAE_TOKEN) ; chacun n'est reçu
qu'une fois par le hub, même renvoyé plusieurs fois.

Code de sortie : 0 tout est parti (ou rien à envoyer), 1 un envoi a été refusé par le hub,
3 le hub est encore injoignable (les bilans restent dans la boîte d'envoi).`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs("outbox", args, {
      token: { type: "string" },
      hub: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.out(this.help + "\n");
      return 0;
    }
    const outbox = new Outbox(new FileOutboxStore());
    const action = positionals[0];
    if (action === "list") {
      const entries = await outbox.list();
      if (values.json) {
        io.out(
          JSON.stringify(
            entries.map(({ payload: _p, ...e }) => e),
            null,
            2,
          ) + "\n",
        );
      } else if (entries.length === 0) {
        io.out(`La boîte d'envoi est vide (${outbox.store.location}).\n`);
      } else {
        io.out(`${entries.length} bilan(s) dans la boîte d'envoi (${outbox.store.location}) :\n`);
        for (const e of entries) {
          io.out(
            `  ${e.state === "refused" ? "✗ refusé" : "… en attente"}  ${e.structureName} (SIRET ${e.siret}) · ${e.kind} · ${e.period} · ${e.hubUrl}${e.lastError ? `\n      ${e.lastError}` : ""}\n`,
          );
        }
      }
      return 0;
    }
    if (action !== "send") throw new UserError("usage.outbox-action", {});
    const token = secretOption(values, io, "token", "BILAN_IAE_TOKEN", "structure-token");
    const hubFilter = stringOption(values, "hub") ?? io.env.BILAN_IAE_HUB;
    const hash = await sha256Hex(token);
    const clients = new Map<string, HubClient>();
    const results = await outbox.flush((entry) => {
      if (entry.tokenHash && entry.tokenHash !== hash) return null;
      if (hubFilter && new URL(hubFilter).origin !== new URL(entry.hubUrl).origin) return null;
      let c = clients.get(entry.hubUrl);
      if (!c) {
        c = new HubClient({
          baseUrl: entry.hubUrl,
          token,
          maxElapsedMs: Number(io.env.BILAN_IAE_HUB_TIMEOUT_MS) || 60_000,
        });
        clients.set(entry.hubUrl, c);
      }
      return c;
    });
    const remaining = await outbox.list();
    if (values.json) {
      io.out(
        JSON.stringify(
          {
            results: results.map((r) => ({
              id: r.id,
              siret: r.siret,
              period: r.period,
              status: r.result?.outcome ?? "failed",
              receipt: r.result?.receipt ?? null,
              error: r.error,
            })),
            remaining: remaining.length,
          },
          null,
          2,
        ) + "\n",
      );
    } else {
      if (results.length === 0) io.out("Aucun bilan à renvoyer avec ce jeton.\n");
      for (const r of results)
        io.out(r.result ? receiptText(r.result) : `Échec pour ${r.siret} (${r.period}) : ${r.error}\n`);
      if (remaining.length)
        io.out(`${remaining.length} bilan(s) restent dans la boîte d'envoi (${outbox.store.location}).\n`);
    }
    if (remaining.some((e) => e.state === "refused" && results.some((r) => r.id === e.id))) return 1;
    if (remaining.some((e) => e.state === "pending" && results.some((r) => r.id === e.id)))
      return EXIT_UNREACHABLE;
    return 0;
  },
};
