import { openHubDb, type HubDb } from "../../hub/db/connect";
import { dbOptionsFrom } from "../../hub/server";
import type { CliIo } from "../io";

/** Opens the hub database of a `bilan-iae hub …` command (DATABASE_URL → PostgreSQL, else --db FILE / ./data/hub.sqlite). */
export async function withHubDb<T>(
  io: CliIo,
  dbFile: string | undefined,
  fn: (hub: HubDb) => Promise<T>,
): Promise<T> {
  const hub = await openHubDb(dbOptionsFrom(io.env, dbFile ? resolveFrom(io.cwd, dbFile) : undefined));
  try {
    return await fn(hub);
  } finally {
    await hub.close();
  }
}

export function resolveFrom(cwd: string, file: string): string {
  return file.startsWith("/") ? file : `${cwd.replace(/\/$/, "")}/${file}`;
}
