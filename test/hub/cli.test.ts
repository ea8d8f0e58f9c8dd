import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { run } from "../../src/cli/main";
import type { CliIo } from "../../src/cli/io";
import { openHubDb } from "../../src/hub/db/connect";
import { findToken } from "../../src/hub/db/repositories/tokens";
import { PG_URL } from "./support/db";
import { randomBytes } from "node:crypto";
import { Pool } from "pg";

/** `bilan-iae hub structure|token|backup` in-process, on a real SQLite file or (HUB_TEST_DATABASE_URL) PostgreSQL. */
let dir: string;
const schema = `t_cli_${randomBytes(4).toString("hex")}`;
const dbFile = () => path.join(dir, "hub.sqlite");

function io(): CliIo & { stdout: string; stderr: string } {
  const o = {
    stdout: "",
    stderr: "",
    out(t: string) {
      o.stdout += t;
    },
    err(t: string) {
      o.stderr += t;
    },
    errIsTty: false,
    env: PG_URL ? { DATABASE_URL: PG_URL, HUB_PG_SCHEMA: schema } : ({} as Record<string, string>),
    cwd: dir,
  };
  return o;
}

async function cli(...args: string[]) {
  const o = io();
  const code = await run(["hub", ...args, ...(PG_URL ? [] : ["--db", "hub.sqlite"])], o);
  return { code, out: o.stdout, err: o.stderr };
}

const openDb = () => openHubDb(PG_URL ? { databaseUrl: PG_URL, pgSchema: schema } : { sqliteFile: dbFile() });

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "bilan-hub-cli-"));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (PG_URL) {
    const pool = new Pool({ connectionString: PG_URL, max: 1 });
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  }
});

test("structure add, token create (printed once, last line), token revoke", async () => {
  const add = await cli(
    "structure",
    "add",
    "--siret",
    "732 829 320 00074",
    "--name",
    "Atelier A",
    "--kind",
    "aci,EI",
  );
  expect(add.code).toBe(0);
  expect(add.out).toMatch(/73282932000074.*ACI, EI/);
  if (!PG_URL) expect(existsSync(dbFile())).toBe(true);

  const created = await cli("token", "create", "--siret", "73282932000074");
  expect(created.code).toBe(0);
  const lines = created.out.trim().split("\n");
  const token = lines[lines.length - 1];
  expect(token).toMatch(/^biae_[A-Za-z0-9_-]{43}$/);
  expect(lines.slice(0, -1).join("\n")).not.toContain(token);
  const id = Number(/n° (\d+)/.exec(created.out)?.[1]);

  const dept = await cli("token", "create", "--department");
  const deptToken = dept.out.trim().split("\n").pop() as string;
  expect(deptToken).not.toBe(token);

  const db = await openDb();
  try {
    expect((await findToken(db.db, token))?.role).toBe("structure");
    expect((await findToken(db.db, deptToken))?.role).toBe("department");
    const list = await cli("token", "list");
    expect(list.out).not.toContain(token.slice(5));
    expect((await cli("token", "revoke", String(id))).code).toBe(0);
    expect((await findToken(db.db, token))?.revokedAt).not.toBeNull();
    const again = await cli("token", "revoke", String(id));
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/déjà révoqué/);
  } finally {
    await db.close();
  }
});

test("mistakes are French usage errors (exit 2), never a stack", async () => {
  for (const args of [
    ["structure", "add", "--siret", "123", "--name", "X", "--kind", "ACI"],
    ["structure", "add", "--siret", "73282932000074", "--name", "X", "--kind", "SIAE"],
    ["token", "create"],
    ["token", "create", "--siret", "11111111111111"],
    ["token", "revoke", "abc"],
    ["nope"],
  ]) {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/[a-zé]/);
    expect(r.err).not.toMatch(/\n\s+at /);
  }
});

test("hub backup: a consistent SQLite copy; with PostgreSQL, a pointer to pg_dump", async () => {
  const r = await cli("backup", "copie.sqlite");
  if (PG_URL) {
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/pg_dump/);
    return;
  }
  expect(r.code).toBe(0);
  const copy = await openHubDb({ sqliteFile: path.join(dir, "copie.sqlite") });
  try {
    const n = await copy.db.selectFrom("structures").select("siret").execute();
    expect(n.map((s) => s.siret)).toEqual(["73282932000074"]);
  } finally {
    await copy.close();
  }
});
