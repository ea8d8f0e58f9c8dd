import path from "node:path";
import Database from "better-sqlite3";
import { Pool } from "pg";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from "kysely";
import type { HubDatabase } from "./schema";
import type { Dialect } from "./dialect";
import { migrationProvider } from "./migrations";
import { configureSqlite, type SqliteSynchronous } from "./sqlite-pragmas";
import { createOwnerOnly, makeDataDir, restrictSqliteFiles } from "./file-modes";

export interface DbOptions {
  /** postgres://… : use PostgreSQL. Otherwise SQLite. */
  databaseUrl?: string;
  /** SQLite file (default ./data/hub.sqlite). */
  sqliteFile?: string;
  /** PostgreSQL schema to use (tests give each file its own); created when missing. */
  pgSchema?: string;
  /**
   * SQLite fsync policy: FULL (default: a 201 survives a power cut) or NORMAL (survives a crash of the hub,
   * not of the machine; faster). HUB_SQLITE_SYNCHRONOUS in the environment.
   */
  sqliteSynchronous?: "FULL" | "NORMAL";
  /** PostgreSQL pool size (default 10). */
  pgPoolSize?: number;
}

export interface HubDb {
  db: Kysely<HubDatabase>;
  dialect: Dialect;
  /** Where the data lives, for logs (never the password). */
  location: string;
  /** SQLite only: online backup to a file (consistent copy while the hub runs). */
  backup(file: string): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_SQLITE_FILE = path.join("data", "hub.sqlite");

export function isPostgresUrl(url: string | undefined): url is string {
  return typeof url === "string" && /^postgres(ql)?:\/\//.test(url);
}

/** Opens the database and runs pending migrations. */
export async function openHubDb(options: DbOptions = {}): Promise<HubDb> {
  const hub = isPostgresUrl(options.databaseUrl)
    ? await openPostgres(options.databaseUrl, options)
    : openSqlite(options.sqliteFile ?? DEFAULT_SQLITE_FILE, options.sqliteSynchronous ?? "FULL");
  try {
    await migrate(hub, isPostgresUrl(options.databaseUrl) ? options.pgSchema : undefined);
  } catch (e) {
    await hub.close();
    throw e;
  }
  return hub;
}

function openSqlite(file: string, synchronous: SqliteSynchronous): HubDb {
  const onDisk = file !== ":memory:";
  if (onDisk) {
    makeDataDir(file);
    createOwnerOnly(file);
  }
  const sqlite = new Database(file);
  configureSqlite(sqlite, synchronous);
  // WAL mode is set: -wal and -shm exist now.
  if (onDisk) restrictSqliteFiles(file);
  const db = new Kysely<HubDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    dialect: "sqlite",
    location: path.resolve(file),
    async backup(target: string) {
      // A backup holds the same data: owner-only like the database, created so before SQLite writes to it.
      const abs = path.resolve(target);
      makeDataDir(abs);
      createOwnerOnly(abs);
      restrictSqliteFiles(abs);
      await sqlite.backup(abs);
      restrictSqliteFiles(abs);
    },
    async close() {
      await db.destroy();
    },
  };
}

async function openPostgres(url: string, options: DbOptions): Promise<HubDb> {
  const schema = options.pgSchema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error(`Nom de schéma PostgreSQL invalide : ${schema}`);
  if (schema) {
    const setup = new Pool({ connectionString: url, max: 1 });
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    } finally {
      await setup.end();
    }
  }
  const pool = new Pool({
    connectionString: url,
    max: options.pgPoolSize ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<HubDatabase>({ dialect: new PostgresDialect({ pool }) });
  let location = "PostgreSQL";
  try {
    const u = new URL(url);
    location = `PostgreSQL ${u.hostname || "socket"}:${u.port || 5432}${u.pathname}${schema ? ` (schéma ${schema})` : ""}`;
  } catch {
    location = "PostgreSQL";
  }
  return {
    db,
    dialect: "postgres",
    location,
    async backup() {
      throw new Error(
        "Sauvegarde intégrée disponible pour SQLite seulement : utilisez pg_dump pour PostgreSQL.",
      );
    },
    async close() {
      await db.destroy();
    },
  };
}

async function migrate(hub: HubDb, pgSchema: string | undefined): Promise<void> {
  // With a private schema, Kysely's own tables must live in it too (its existence check looks at every schema).
  const migrator = new Migrator({
    db: hub.db,
    provider: migrationProvider(hub.dialect),
    ...(pgSchema ? { migrationTableSchema: pgSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "?";
    throw new Error(
      `Migration de la base du hub impossible (${failed}) : ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Database reachable: the health check. */
export async function ping(hub: HubDb): Promise<void> {
  await sql`select 1`.execute(hub.db);
}
