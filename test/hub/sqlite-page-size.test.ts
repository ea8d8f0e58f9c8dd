import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { openHubDb } from "../../src/hub/db/connect";
import { upsertStructure } from "../../src/hub/db/repositories/structures";
import { SQLITE_PAGE_SIZE } from "../../src/hub/db/sqlite-pragmas";

/**
 * The SQLite file's page size (always SQLite files here, whatever database the rest of the suite uses): a new
 * hub database gets 16 KB pages; one created before keeps its 4 KB pages and keeps working.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "bilan-iae-pages-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const pageSize = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma("page_size", { simple: true });
  } finally {
    db.close();
  }
};

test("a new hub database has 16 KB pages, in WAL mode", async () => {
  const file = path.join(dir, "hub.sqlite");
  const hub = await openHubDb({ sqliteFile: file });
  await upsertStructure(hub.db, { siret: "73282932000074", name: "A", kind: "ACI" });
  await hub.close();
  expect(SQLITE_PAGE_SIZE).toBe(16384);
  expect(pageSize(file)).toBe(16384);
  const db = new Database(file, { readonly: true });
  expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
  db.close();
});

test("a database created with 4 KB pages keeps them and is migrated and used as before", async () => {
  const file = path.join(dir, "old.sqlite");
  const old = new Database(file);
  old.exec("create table leftover (x integer)");
  old.close();
  expect(pageSize(file)).toBe(4096);
  const hub = await openHubDb({ sqliteFile: file });
  const s = await upsertStructure(hub.db, { siret: "73282932000074", name: "A", kind: "ACI" });
  expect(s.siret).toBe("73282932000074");
  await hub.close();
  expect(pageSize(file)).toBe(4096);
});
