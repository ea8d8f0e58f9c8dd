import { existsSync } from "node:fs";
import { hubConfigFromEnv, type HubConfig } from "../../hub/config";
import { isPostgresUrl } from "../../hub/db/connect";
import { exposedDataPaths, exposedMessage } from "../../hub/db/file-modes";
import { frenchSpacing } from "../../hub/french";
import { formatBytes } from "../../hub/quotas";
import { dbOptionsFrom } from "../../hub/server";
import { parseCommandArgs, stringOption } from "../args";
import type { CliIo } from "../io";
import { UserError } from "../../core/errors/user-error";
import { resolveFrom } from "./hub-db";

export const HUB_DOCTOR_HELP = `Usage : bilan-iae hub doctor [--db FICHIER]

Vérifie l'installation du hub sans rien modifier : les réglages lus dans l'environnement (limites de
connexion, quotas) et, avec SQLite, les droits du répertoire des données (700 attendu) et des fichiers de
la base (base, -wal, -shm, -journal : 600 attendu). Code de sortie 0 : rien à corriger ; 1 : au moins un
point à corriger (affiché avec la commande qui le corrige) ; 2 : réglage invalide.`;

const seconds = (ms: number) => `${String(ms / 1000).replace(".", ",")}\u00a0s`;

/** The effective limits, one line each, as the administrator reads them. */
function limitsOf(c: HubConfig): string[] {
  const q = c.quotas;
  const n = c.connections;
  return [
    `Quotas par structure : ${q.versionsPerPeriod} versions et ${formatBytes(q.bytesPerPeriod)} par période, ${formatBytes(q.bytesPerStructure)} en tout ; base : ${formatBytes(q.databaseBytes)} au plus.`,
    `Connexions : fermées après ${seconds(n.idleTimeoutMs)} sans échange, ${seconds(n.keepAliveTimeoutMs)} d'inactivité entre deux requêtes ; requête reçue en ${seconds(n.requestTimeoutMs)} au plus ; ${n.maxConnections} connexions ouvertes au plus.`,
    `Débit : ${c.rateLimit.perToken} requêtes par jeton et ${c.rateLimit.perIp} par adresse IP toutes les ${seconds(c.rateLimit.windowMs)} ; corps de ${formatBytes(c.bodyLimit)} au plus.`,
  ];
}

export async function hubDoctor(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs("hub doctor", args, {
    db: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.out(HUB_DOCTOR_HELP + "\n");
    return 0;
  }
  let config: HubConfig;
  try {
    config = hubConfigFromEnv(io.env);
  } catch (e) {
    // hubConfigFromEnv says in French which variable is wrong and what it expects.
    throw new UserError(
      "usage.hub-environment",
      { detail: e instanceof Error ? e.message : String(e) },
      { cause: e },
    );
  }
  const say = (line: string) => io.out(frenchSpacing(line) + "\n");
  for (const line of limitsOf(config)) say(line);
  const db = stringOption(values, "db");
  const options = dbOptionsFrom(io.env, db ? resolveFrom(io.cwd, db) : undefined);
  if (isPostgresUrl(options.databaseUrl)) {
    say(
      "Base PostgreSQL : ses fichiers sont ceux du serveur PostgreSQL, protégés par lui (voir docs/securite.md).",
    );
    return 0;
  }
  const file = options.sqliteFile;
  if (!existsSync(file))
    say(`La base ${file} n'existe pas encore : elle sera créée en 600 au premier démarrage.`);
  const exposed = exposedDataPaths(file);
  for (const e of exposed) say(`À corriger : ${exposedMessage(e)}`);
  if (exposed.length === 0) say(`Droits des données : corrects (répertoire 700, fichiers 600) pour ${file}.`);
  return exposed.length === 0 ? 0 : 1;
}
