import { serveHub } from "../../hub/server";
import { parseCommandArgs, stringOption } from "../args";
import { loadConfig } from "../config";
import type { CliIo } from "../io";
import { UserError } from "../../core/errors/user-error";
import { frenchSpacing } from "../../hub/french";
import { resolveFrom } from "./hub-db";

export const HUB_SERVE_HELP = `Usage : bilan-iae hub serve [--port 8080] [--host 127.0.0.1] [--db FICHIER] [--config FICHIER]

Démarre le hub départemental (API v1, documentation : /api/v1/openapi.json, santé : /healthz).
Base : SQLite dans --db (par défaut ./data/hub.sqlite), ou PostgreSQL si DATABASE_URL=postgres://… est défini.
Les migrations sont appliquées au démarrage. Ctrl-C (SIGINT) ou SIGTERM arrête proprement le hub.

  --port N          port d'écoute (8080)
  --host ADRESSE    adresse d'écoute (127.0.0.1 : derrière un proxy HTTPS, ne pas exposer directement)
  --db FICHIER      fichier SQLite
  --config FICHIER  réglages du Département (JSON) pour recalculer les indicateurs

Variables : HUB_CORS_ORIGINS (origines du complément, séparées par des virgules), HUB_TRUST_PROXY,
HUB_RATE_LIMIT_PER_TOKEN, HUB_RATE_LIMIT_PER_IP, HUB_RATE_LIMIT_WINDOW_MS, HUB_LOG_LEVEL ;
connexions : HUB_IDLE_TIMEOUT_MS, HUB_KEEP_ALIVE_TIMEOUT_MS, HUB_REQUEST_TIMEOUT_MS, HUB_MAX_CONNECTIONS ;
quotas par structure : HUB_QUOTA_VERSIONS_PER_PERIOD, HUB_QUOTA_BYTES_PER_PERIOD, HUB_QUOTA_BYTES_PER_STRUCTURE,
HUB_QUOTA_DATABASE_BYTES (tailles en octets ou avec une unité : 50M, 10G). Valeurs en vigueur : hub doctor.
Sécurité (menaces, limites, ce que l'informatique doit faire) : docs/securite.md.`;

export async function hubServe(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs("hub serve", args, {
    port: { type: "string" },
    host: { type: "string" },
    db: { type: "string" },
    config: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.out(HUB_SERVE_HELP + "\n");
    return 0;
  }
  const portText = stringOption(values, "port") ?? io.env.PORT ?? "8080";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535)
    throw new UserError("usage.bad-port", { value: String(portText) });
  const host = stringOption(values, "host") ?? "127.0.0.1";
  const configFile = stringOption(values, "config");
  const rules = configFile ? await loadConfig(resolveFrom(io.cwd, configFile)) : undefined;
  const db = stringOption(values, "db");
  await serveHub({
    port,
    host,
    dbFile: db ? resolveFrom(io.cwd, db) : undefined,
    env: io.env,
    rules,
    onListening: (url, hub) => io.err(`Hub départemental à l'écoute sur ${url} — base : ${hub.location}\n`),
    onWarning: (message) => io.err(`${frenchSpacing("Attention :")} ${message}\n`),
  });
  io.err("Hub arrêté.\n");
  return 0;
}
