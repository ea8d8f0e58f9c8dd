import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { Pool } from "pg";
import { openHubDb, type HubDb } from "../../../src/hub/db/connect";

/**
 * The database of a test file: a real SQLite file in a temp dir, or, when HUB_TEST_DATABASE_URL is set
 * (npm run test:hub:pg), a fresh schema of the private PostgreSQL cluster, dropped at the end.
 */
export interface TestDb {
  hub: HubDb;
  /** Options to open the same database again (e.g. a child process). */
  env: Record<string, string>;
  sqliteFile: string | null;
  pgSchema: string | null;
  cleanup(): Promise<void>;
}

export const PG_URL = process.env.HUB_TEST_DATABASE_URL;

export async function openTestDb(): Promise<TestDb> {
  if (PG_URL) {
    const schema = `t_${randomBytes(6).toString("hex")}`;
    const hub = await openHubDb({ databaseUrl: PG_URL, pgSchema: schema });
    return {
      hub,
      env: { DATABASE_URL: PG_URL, HUB_PG_SCHEMA: schema },
      sqliteFile: null,
      pgSchema: schema,
      async cleanup() {
        await hub.close().catch(() => undefined);
        const pool = new Pool({ connectionString: PG_URL, max: 1 });
        try {
          await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        } finally {
          await pool.end();
        }
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "bilan-hub-test-"));
  const file = path.join(dir, "hub.sqlite");
  const hub = await openHubDb({ sqliteFile: file });
  return {
    hub,
    env: {},
    sqliteFile: file,
    pgSchema: null,
    async cleanup() {
      await hub.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
