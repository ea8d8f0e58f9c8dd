import type { FastifyInstance } from "fastify";
import type { RulesConfig } from "../core";
import { buildHub } from "./app";
import { hubConfigFromEnv } from "./config";
import { openHubDb, DEFAULT_SQLITE_FILE, isPostgresUrl, type HubDb } from "./db/connect";
import { exposedDataPaths, exposedMessage } from "./db/file-modes";

/** Database options shared by every `bilan-iae hub` command: DATABASE_URL (PostgreSQL) wins over --db FILE. */
export function dbOptionsFrom(env: Record<string, string | undefined>, dbFile: string | undefined) {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    sqliteFile: dbFile ?? env.HUB_DB_FILE ?? DEFAULT_SQLITE_FILE,
    pgSchema: env.HUB_PG_SCHEMA || undefined,
    sqliteSynchronous:
      env.HUB_SQLITE_SYNCHRONOUS?.toUpperCase() === "NORMAL" ? ("NORMAL" as const) : ("FULL" as const),
  };
}

export interface ServeOptions {
  port: number;
  host: string;
  dbFile?: string;
  env: Record<string, string | undefined>;
  rules?: RulesConfig;
  /** Called once listening, with the address (the CLI prints it). */
  onListening?(url: string, hub: HubDb): void;
  /** A French warning for the administrator (data files readable by others); also logged. */
  onWarning?(message: string): void;
}

/**
 * Runs the hub until SIGINT/SIGTERM, then closes gracefully: stops accepting connections, lets requests in
 * flight finish (their transactions commit or roll back), closes the database. Resolves when closed.
 */
export async function serveHub(o: ServeOptions): Promise<void> {
  const dbOptions = dbOptionsFrom(o.env, o.dbFile);
  // Looked at before opening: opening sets the files to 0600, the directory is the administrator's to fix.
  const exposed = isPostgresUrl(dbOptions.databaseUrl) ? [] : exposedDataPaths(dbOptions.sqliteFile);
  const hub = await openHubDb(dbOptions);
  let app: FastifyInstance;
  try {
    const config = hubConfigFromEnv(o.env);
    app = await buildHub({
      db: hub,
      config: { ...config, ...(o.rules ? { rules: o.rules } : {}) },
      logger: o.env.HUB_LOG_LEVEL === "silent" ? false : { level: o.env.HUB_LOG_LEVEL || "info" },
    });
    for (const e of exposed) {
      const message = exposedMessage(e) + (e.kind === "file" ? " (droits ramenés à 600 au démarrage)." : ".");
      app.log.warn({ path: e.path, mode: e.mode.toString(8) }, message);
      o.onWarning?.(message);
    }
    await app.listen({ port: o.port, host: o.host });
  } catch (e) {
    await hub.close();
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : o.port;
  o.onListening?.(`http://${o.host.includes(":") ? `[${o.host}]` : o.host}:${port}`, hub);
  await new Promise<void>((resolve) => {
    let closing = false;
    const stop = (signal: string) => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, "arrêt du hub demandé");
      app.close().then(
        () => resolve(),
        (err: unknown) => {
          app.log.error({ err }, "arrêt du hub incomplet");
          resolve();
        },
      );
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
  });
}
