import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { openHubDb, type HubDb } from "../../src/hub/db/connect";
import { upsertStructure } from "../../src/hub/db/repositories/structures";
import { createToken } from "../../src/hub/db/repositories/tokens";
import { openTestDb, PG_URL, type TestDb } from "./support/db";
import { generatedRecords, makePayload } from "./support/payload";

/**
 * The hub as a child process (`bilan-iae hub serve`), 1 000 submissions from 20 concurrent clients, SIGKILL in
 * the middle, restart: every acknowledged (201/200) submission is stored exactly once, and retrying the others
 * with their idempotency keys completes the set without any duplicate.
 */
const ROOT = path.resolve(__dirname, "../..");
const CLIENTS = 20;
const PER_CLIENT = 50;

let tdb: TestDb;
const tokens: { siret: string; token: string }[] = [];

function siretOf(i: number): string {
  return `9000000000${String(i).padStart(4, "0")}`;
}

beforeAll(async () => {
  tdb = await openTestDb();
  for (let i = 0; i < CLIENTS; i++) {
    const s = await upsertStructure(tdb.hub.db, { siret: siretOf(i), name: `Structure ${i}`, kind: "ACI" });
    tokens.push({
      siret: s.siret,
      token: (await createToken(tdb.hub.db, { role: "structure", structureId: s.id })).token,
    });
  }
  await tdb.hub.close();
});
afterAll(async () => {
  await tdb.cleanup();
});

async function startHub(): Promise<{ child: ChildProcess; url: string }> {
  const args = [
    "-r",
    path.join(ROOT, "scripts/register-ts.js"),
    path.join(ROOT, "src/cli/main.ts"),
    "hub",
    "serve",
    "--port",
    "0",
    "--host",
    "127.0.0.1",
  ];
  if (tdb.sqliteFile) args.push("--db", tdb.sqliteFile);
  const env: Record<string, string | undefined> = {
    ...process.env,
    ...tdb.env,
    HUB_LOG_LEVEL: process.env.DUR_LOG ? "error" : "silent",
    HUB_RATE_LIMIT_PER_TOKEN: "1000000",
    HUB_RATE_LIMIT_PER_IP: "1000000",
    HUB_QUOTA_VERSIONS_PER_PERIOD: "1000",
  };
  if (!PG_URL) delete env.DATABASE_URL;
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ["ignore", process.env.DUR_LOG ? "inherit" : "ignore", "pipe"],
  });
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
    child.on("exit", (code) => reject(new Error(`hub exited (${code}): ${stderr}`)));
  });
  return { child, url };
}

interface Job {
  client: number;
  n: number;
  key: string;
  body: string;
  ack?: { status: number; id: string };
}

async function send(url: string, token: string, job: Job): Promise<{ status: number; id: string } | null> {
  try {
    const r = await fetch(`${url}/api/v1/submissions`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "idempotency-key": job.key,
      },
      body: job.body,
    });
    const b = (await r.json()) as { id?: string };
    if (r.status === 201 || r.status === 200) return { status: r.status, id: b.id as string };
    throw new Error(`unexpected ${r.status} ${JSON.stringify(b)}`);
  } catch (e) {
    if (e instanceof Error && e.message.startsWith("unexpected")) throw e;
    return null; // connection refused / reset: the hub is down
  }
}

test("SIGKILL in the middle of 1 000 concurrent submissions loses nothing acknowledged and duplicates nothing", async () => {
  const jobs: Job[][] = [];
  for (let c = 0; c < CLIENTS; c++) {
    jobs.push(
      Array.from({ length: PER_CLIENT }, (_, n) => {
        const p = makePayload({
          siret: tokens[c].siret,
          records: generatedRecords(5, `${c}-${n}`),
          fteConventioned: n + 1,
        });
        return { client: c, n, key: `dur-${c}-${n}`, body: JSON.stringify(p) };
      }),
    );
  }
  const all = jobs.flat();

  let hub = await startHub();
  let killed = false;
  let acked = 0;
  const clients = jobs.map(async (list, c) => {
    for (const job of list) {
      if (killed) return;
      const r = await send(hub.url, tokens[c].token, job);
      if (r) {
        job.ack = r;
        acked++;
        if (acked === 400 && !killed) {
          killed = true;
          hub.child.kill("SIGKILL");
        }
      } else if (killed) return;
    }
  });
  await Promise.all(clients);
  await new Promise((r) =>
    hub.child.exitCode !== null || hub.child.signalCode !== null ? r(null) : hub.child.once("exit", r),
  );
  expect(hub.child.signalCode).toBe("SIGKILL");
  const ackedJobs = all.filter((j) => j.ack);
  expect(ackedJobs.length).toBeGreaterThanOrEqual(400);
  expect(ackedJobs.length).toBeLessThan(1000);

  // After the crash: every acknowledged submission is there, exactly once, with the id it was acknowledged with.
  const check: HubDb = await openHubDb(
    PG_URL ? { databaseUrl: PG_URL, pgSchema: tdb.pgSchema! } : { sqliteFile: tdb.sqliteFile! },
  );
  try {
    const rows = await check.db.selectFrom("submissions").select(["public_id", "idempotency_key"]).execute();
    const byKey = new Map<string, string[]>();
    for (const r of rows)
      byKey.set(r.idempotency_key, [...(byKey.get(r.idempotency_key) ?? []), r.public_id]);
    for (const j of ackedJobs) expect(byKey.get(j.key)).toEqual([j.ack!.id]);
    // Each stored submission has all its records (one transaction).
    const partial = await check.db
      .selectFrom("submissions as s")
      .leftJoin("person_records as p", "p.submission_id", "s.id")
      .select(["s.id", (eb) => eb.fn.count("p.idx").as("n")])
      .groupBy("s.id")
      .having((eb) => eb.fn.count("p.idx"), "!=", 5)
      .execute();
    expect(partial).toEqual([]);
  } finally {
    await check.close();
  }

  // Restart and retry everything not acknowledged, with the same keys.
  hub = await startHub();
  try {
    const pending = all.filter((j) => !j.ack);
    const queue = [...pending];
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let job = queue.shift(); job; job = queue.shift()) {
          const r = await send(hub.url, tokens[job.client].token, job);
          expect(r).not.toBeNull();
          job.ack = r!;
        }
      }),
    );
    // Replaying an acknowledged one answers 200 with the same receipt.
    const again = await send(hub.url, tokens[ackedJobs[0].client].token, ackedJobs[0]);
    expect(again).toEqual({ status: 200, id: ackedJobs[0].ack!.id });
  } finally {
    hub.child.kill("SIGTERM");
    await new Promise((r) => (hub.child.exitCode !== null ? r(null) : hub.child.once("exit", r)));
  }
  expect(hub.child.exitCode).toBe(0);

  const final: HubDb = await openHubDb(
    PG_URL ? { databaseUrl: PG_URL, pgSchema: tdb.pgSchema! } : { sqliteFile: tdb.sqliteFile! },
  );
  try {
    const rows = await final.db
      .selectFrom("submissions")
      .select(["public_id", "idempotency_key", "structure_id", "version"])
      .execute();
    expect(rows).toHaveLength(CLIENTS * PER_CLIENT);
    expect(new Set(rows.map((r) => r.idempotency_key)).size).toBe(CLIENTS * PER_CLIENT);
    for (const j of all) expect(rows.find((r) => r.idempotency_key === j.key)?.public_id).toBe(j.ack!.id);
    // Versions per structure are exactly 1..50.
    const versions = new Map<number, number[]>();
    for (const r of rows) versions.set(r.structure_id, [...(versions.get(r.structure_id) ?? []), r.version]);
    for (const v of versions.values())
      expect(v.sort((a, b) => a - b)).toEqual(Array.from({ length: PER_CLIENT }, (_, i) => i + 1));
  } finally {
    await final.close();
  }
}, 240_000);
