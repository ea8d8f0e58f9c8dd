import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { openHubDb } from "../../src/hub/db/connect";
import { frenchSpacing } from "../../src/hub/french";
import { upsertStructure } from "../../src/hub/db/repositories/structures";
import { createToken } from "../../src/hub/db/repositories/tokens";
import { http, SIRET_A } from "./support/hub";
import { makePayload } from "./support/payload";

/**
 * The SQLite files (database, -wal, -shm, backups) are 0600 and the data directory 0700 whatever the umask
 * (issue 15): `hub serve` and `hub backup` run as child processes under umask 000, where anything left to
 * the umask would come out 0666. SQLite only: PostgreSQL's files are its server's.
 */
const ROOT = path.resolve(__dirname, "../..");
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "bilan-hub-modes-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const mode = (p: string) => (statSync(p).mode & 0o777).toString(8);

/** `bilan-iae hub …` from the sources, under umask 000, on SQLite even when the suite runs on PostgreSQL. */
function cliArgs(args: string[]): [string, string[], { cwd: string; env: NodeJS.ProcessEnv }] {
  const env: NodeJS.ProcessEnv = { ...process.env, HUB_LOG_LEVEL: "silent" };
  delete env.DATABASE_URL;
  const node = [
    process.execPath,
    "-r",
    path.join(ROOT, "scripts/register-ts.js"),
    path.join(ROOT, "src/cli/main.ts"),
    "hub",
    ...args,
  ]
    .map((a) => `'${a}'`)
    .join(" ");
  return ["sh", ["-c", `umask 000 && exec ${node}`], { cwd: dir, env }];
}

function runCli(args: string[], env: Record<string, string> = {}) {
  const [cmd, argv, opts] = cliArgs(args);
  return spawnSync(cmd, argv, { ...opts, env: { ...opts.env, ...env }, encoding: "utf8" });
}

async function serve(db: string): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const child = spawn(...cliArgs(["serve", "--port", "0", "--db", db]));
  let stderr = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start: ${stderr}`)), 60_000);
    child.stderr!.on("data", (d: Buffer) => {
      stderr += d.toString();
      const m = /à l'écoute sur (http:\/\/\S+)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once("exit", (code) => reject(new Error(`hub exited (${code}): ${stderr}`)));
  });
  return { child, url, stderr: () => stderr };
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

test("hub serve under umask 000: data directory 700, database, -wal and -shm 600, before and after a submission; hub backup 600", async () => {
  const db = path.join(dir, "donnees", "hub.sqlite");
  const hub = await serve(db);
  try {
    expect(mode(path.dirname(db))).toBe("700");
    for (const f of [db, `${db}-wal`, `${db}-shm`]) expect([f, mode(f)]).toEqual([f, "600"]);
    // A structure and its token, written beside the running hub; then a submission (the writer thread's files).
    const admin = await openHubDb({ sqliteFile: db });
    const st = await upsertStructure(admin.db, { siret: SIRET_A, name: "Atelier A", kind: "ACI" });
    const { token } = await createToken(admin.db, { role: "structure", structureId: st.id });
    await admin.close();
    const sent = await http(hub.url, "POST", "/api/v1/submissions", {
      token,
      body: makePayload({ siret: SIRET_A }),
      headers: { "idempotency-key": "modes-1" },
    });
    expect(sent.status).toBe(201);
    for (const f of [db, `${db}-wal`, `${db}-shm`]) expect([f, mode(f)]).toEqual([f, "600"]);
    // A checkpoint resets the WAL: it stays owner-only.
    const checkpoint = await openHubDb({ sqliteFile: db });
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(checkpoint.db);
    await checkpoint.close();
    for (const f of [db, `${db}-wal`, `${db}-shm`]) expect([f, mode(f)]).toEqual([f, "600"]);
    expect(hub.stderr()).not.toMatch(/Attention/);

    const copy = path.join(dir, "sauvegardes", "hub-copie.sqlite");
    const backup = runCli(["backup", copy, "--db", db]);
    expect(backup.stderr).toBe("");
    expect(backup.status).toBe(0);
    expect(mode(copy)).toBe("600");
    expect(mode(path.dirname(copy))).toBe("700");
    expect(existsSync(`${copy}-journal`)).toBe(false);
  } finally {
    await stop(hub.child);
  }
}, 90_000);

test("hub serve warns in French about a data directory and files open to others, and sets the files to 600", async () => {
  const data = path.join(dir, "ouvert");
  mkdirSync(data, { mode: 0o755 });
  chmodSync(data, 0o755);
  const db = path.join(data, "hub.sqlite");
  const admin = await openHubDb({ sqliteFile: db });
  await admin.close();
  chmodSync(db, 0o644);
  const hub = await serve(db);
  try {
    expect(hub.stderr()).toContain(
      frenchSpacing(
        `Attention : Le répertoire des données ${data} est ouvert à d'autres comptes que celui du hub (mode 755). Corrigez avec : chmod 700 ${data}.`,
      ),
    );
    expect(hub.stderr()).toContain(
      frenchSpacing(
        `Attention : Le fichier ${db} est lisible par d'autres comptes que celui du hub (mode 644) ; il contient des données pseudonymisées sur des personnes. Corrigez avec : chmod 600 ${db} (droits ramenés à 600 au démarrage).`,
      ),
    );
    expect(hub.stderr()).toContain("Attention\u00a0: Le fichier");
    expect(mode(db)).toBe("600");
    // The directory is the administrator's: reported, not changed.
    expect(mode(data)).toBe("755");
  } finally {
    await stop(hub.child);
  }
}, 90_000);

test("hub doctor: exit 1 with the fix for each exposed path, 0 once fixed, 2 for a bad setting; changes nothing", async () => {
  const data = path.join(dir, "d");
  mkdirSync(data, { mode: 0o750 });
  chmodSync(data, 0o750);
  const db = path.join(data, "hub.sqlite");
  const admin = await openHubDb({ sqliteFile: db });
  await admin.close();
  chmodSync(db, 0o640);
  const doctor = (env: Record<string, string> = {}) => runCli(["doctor", "--db", db], env);
  const bad = doctor();
  expect(bad.status).toBe(1);
  expect(bad.stdout).toContain(
    frenchSpacing(
      `À corriger : Le répertoire des données ${data} est ouvert à d'autres comptes que celui du hub (mode 750). Corrigez avec : chmod 700 ${data}`,
    ),
  );
  expect(bad.stdout).not.toMatch(/ [:;!?»]|« /);
  expect(bad.stdout).toContain(
    frenchSpacing(
      `À corriger : Le fichier ${db} est lisible par d'autres comptes que celui du hub (mode 640)`,
    ),
  );
  expect(bad.stdout).toMatch(
    /Quotas par structure\u00a0: 50 versions et 50\u00a0Mo par période, 200\u00a0Mo en tout\u00a0; base\u00a0: 10\u00a0Go au plus\./,
  );
  expect(mode(db)).toBe("640");

  chmodSync(data, 0o700);
  chmodSync(db, 0o600);
  const good = doctor({ HUB_QUOTA_VERSIONS_PER_PERIOD: "12" });
  expect(good.status).toBe(0);
  expect(good.stdout).toContain("12 versions");
  expect(good.stdout).toContain("Droits des données\u00a0: corrects");

  const wrong = doctor({ HUB_QUOTA_BYTES_PER_PERIOD: "beaucoup" });
  expect(wrong.status).toBe(2);
  expect(wrong.stderr).toContain("Variable HUB_QUOTA_BYTES_PER_PERIOD\u00a0: taille positive attendue");
  expect(wrong.stderr).not.toMatch(/\n\s+at /);
}, 90_000);
