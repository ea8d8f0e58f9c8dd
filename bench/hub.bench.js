// Hub load test (loopback only, bounded): submissions/s and p50/p99 latency of 300-record submissions from 50
// connections (autocannon), on SQLite and on PostgreSQL; then the time of GET /api/v1/consolidation for
// 4 000 structures × 300 records. The hub runs as `bilan-iae hub serve` (compiled dist/) in a child process.
// Targets (issue 4): ≥ 300 submissions/s and p99 ≤ 150 ms on SQLite; consolidation ≤ 1.5 s.
// BILAN_IAE_SKIP_PG=1 skips the PostgreSQL part; BENCH_HUB_STRUCTURES / BENCH_HUB_SECONDS shrink the run;
// BENCH_HUB_NODE_ARGS passes node flags to the hub (e.g. --cpu-prof).
const { spawn, spawnSync } = require("node:child_process");
const crypto = require("node:crypto");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { performance } = require("node:perf_hooks");
const autocannon = require("autocannon");
const { Buffer } = require("node:buffer");
const { fetch } = globalThis;

const root = path.join(__dirname, "..");
const dist = path.join(root, "dist");
const cli = path.join(root, "bin", "bilan-iae.js");
const { computeIndicators, createMotifIndex, DEFAULT_CONFIG, PERSON_FIELDS, rowsFromRecords } = require(
  path.join(dist, "core"),
);
const { openHubDb } = require(path.join(dist, "hub/db/connect"));
const { upsertStructure } = require(path.join(dist, "hub/db/repositories/structures"));
const { createToken } = require(path.join(dist, "hub/db/repositories/tokens"));
const { storeSubmission } = require(path.join(dist, "hub/db/repositories/submissions"));
const { preparePayload } = require(path.join(dist, "hub/ingest/prepare"));

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_HUB_SECONDS || 10);
const RECORDS = 300;
const CONSOLIDATION_STRUCTURES = Number(process.env.BENCH_HUB_STRUCTURES || 4000);
const LOAD_STRUCTURES = 50;
const FIELDS = PERSON_FIELDS.filter(
  (f) => !["lastName", "firstName", "birthDate", "postalCode", "commune", "passNumber"].includes(f),
);
const motifs = createMotifIndex(DEFAULT_CONFIG.exitMotifs);
const EXIT_CODES = DEFAULT_CONFIG.exitMotifs.filter((m) => m.code).map((m) => m.code);

const siretOf = (i) => `8${String(i).padStart(13, "0")}`;

/** 300 invented, pseudonymous records (keys are hashes of counters, not of anybody). */
function records(seed, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const exit = i % 4 === 0;
    out.push({
      key: crypto
        .createHash("sha256")
        .update(`bench-${i % 7 === 0 ? "shared" : seed}-${i}`)
        .digest("hex"),
      sex: i % 3 === 0 ? "H" : "F",
      birthYear: 1960 + (i % 45),
      qpv: i % 4 === 0,
      zrr: i % 9 === 0,
      rsa: i % 5 === 0 ? "OUI-NM" : "NON",
      ass: false,
      aah: i % 17 === 0,
      rqth: i % 11 === 0,
      ftDuration: ["00", "01", "02", "03", "04"][i % 5],
      educationLevel: ["50", "51", "60", "70", "00"][i % 5],
      hireDate: `2024-${String((i % 12) + 1).padStart(2, "0")}-01`,
      exitDate: exit ? `2025-${String((i % 12) + 1).padStart(2, "0")}-15` : null,
      exitMotif: exit ? EXIT_CODES[i % EXIT_CODES.length] : null,
      hoursWorked: 100 + (i % 50) * 20,
      hoursSinceHire: 400 + (i % 50) * 30,
    });
  }
  return out;
}

function payload(siret, seed, n = RECORDS) {
  const structure = {
    siret,
    name: `Structure ${siret}`,
    kind: "ACI",
    afNumber: null,
    department: "38",
    periodStart: "2025-01-01",
    periodEnd: "2025-12-31",
    fteConventioned: 20,
    annualHoursPerFte: null,
    cdCofinancedAmount: null,
  };
  const recs = records(seed, n);
  const indicators = computeIndicators(rowsFromRecords(recs), {
    structure,
    fieldsPresent: FIELDS,
    config: DEFAULT_CONFIG,
    motifs,
  });
  return {
    schemaVersion: 1,
    generator: { name: "bilan-iae-bench", version: "0" },
    rulesVersion: DEFAULT_CONFIG.rulesVersion,
    structure,
    fieldsPresent: FIELDS,
    indicators,
    validation: { valid: true, counts: { error: 0, warning: 0, info: 0 }, rules: [] },
    records: recs,
  };
}

async function seedStructures(hub, n) {
  const tokens = [];
  for (let i = 0; i < n; i++) {
    const s = await upsertStructure(hub.db, { siret: siretOf(i), name: `Structure ${i}`, kind: "ACI" });
    tokens.push((await createToken(hub.db, { role: "structure", structureId: s.id })).token);
  }
  return tokens;
}

function startHub(target) {
  // BENCH_HUB_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof": profile the hub under load.
  const nodeArgs = (process.env.BENCH_HUB_NODE_ARGS || "").split(" ").filter(Boolean);
  const args = [...nodeArgs, cli, "hub", "serve", "--port", "0", "--host", "127.0.0.1"];
  // The load sends thousands of versions per structure: quotas (issue 15) lifted, as the rate limits are.
  const env = {
    ...process.env,
    HUB_LOG_LEVEL: "silent",
    HUB_RATE_LIMIT_PER_TOKEN: "100000000",
    HUB_RATE_LIMIT_PER_IP: "100000000",
    HUB_QUOTA_VERSIONS_PER_PERIOD: "100000000",
    HUB_QUOTA_BYTES_PER_PERIOD: "1000G",
    HUB_QUOTA_BYTES_PER_STRUCTURE: "1000G",
    HUB_QUOTA_DATABASE_BYTES: "1000G",
  };
  delete env.DATABASE_URL;
  if (target.sqliteFile) args.push("--db", target.sqliteFile);
  else Object.assign(env, { DATABASE_URL: target.url, HUB_PG_SCHEMA: target.schema });
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("le hub n'a pas démarré : " + err)), 60000);
    child.stderr.on("data", (d) => {
      err += d;
      const m = /à l'écoute sur (http:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
    child.on("exit", (code) => reject(new Error(`le hub s'est arrêté (${code}) : ${err}`)));
  });
}

/** User + system CPU time of a process so far (Linux /proc), in ms; NaN elsewhere. */
function cpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the command name), in clock ticks (100/s).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

function stopHub(h) {
  return new Promise((resolve) => {
    if (h.child.exitCode !== null) return resolve();
    h.child.once("exit", () => resolve());
    h.child.kill("SIGTERM");
  });
}

async function loadTest(label, target) {
  const hub = await openHubDb(target.open);
  const tokens = await seedStructures(hub, LOAD_STRUCTURES);
  await hub.close();
  // Bytes, as a client sends them (autocannon would re-encode a string body on every request).
  const bodies = tokens.map((_, i) => Buffer.from(JSON.stringify(payload(siretOf(i), `load-${i}`))));
  const h = await startHub(target);
  let counter = 0;
  try {
    // Warm-up (JIT, caches): a few hundred requests not counted.
    const run = (duration) =>
      autocannon({
        url: `${h.url}/api/v1/submissions`,
        connections: CONNECTIONS,
        duration,
        method: "POST",
        requests: [
          {
            setupRequest: (req) => {
              const i = counter++;
              const s = i % tokens.length;
              return {
                ...req,
                method: "POST",
                body: bodies[s],
                headers: {
                  "content-type": "application/json",
                  authorization: `Bearer ${tokens[s]}`,
                  "idempotency-key": `bench-${label}-${i}`,
                },
              };
            },
          },
        ],
      });
    await run(2);
    const cpu0 = cpuMs(h.child.pid);
    const own0 = process.cpuUsage();
    const r = await run(SECONDS);
    const cpu = cpuMs(h.child.pid) - cpu0;
    const own = process.cpuUsage(own0);
    const ok = r["2xx"];
    const perSec = ok / (r.duration || SECONDS);
    const bad = r.non2xx + r.errors + r.timeouts;
    const kb = Math.round(bodies[0].length / 1024);
    // CPU time of the hub (all its threads) per submission: a figure the other load on the machine barely moves.
    const cpuPer =
      Number.isFinite(cpu) && ok > 0
        ? ` ; CPU du hub ${(cpu / ok).toFixed(1)} ms par envoi, du client ${((own.user + own.system) / 1000 / ok).toFixed(1)} ms`
        : "";
    console.log(
      `${label.padEnd(10)} ${perSec.toFixed(0).padStart(5)} envois/s  p50 ${String(r.latency.p50).padStart(4)} ms  p99 ${String(r.latency.p99).padStart(4)} ms  (${ok} envois de ${RECORDS} enregistrements, ${kb} Ko, ${CONNECTIONS} connexions, ${SECONDS} s; refus/erreurs: ${bad}${cpuPer})`,
    );
    return { perSec, p50: r.latency.p50, p99: r.latency.p99, bad, cpuPerSubmission: cpu / ok };
  } finally {
    await stopHub(h);
  }
}

async function consolidationTest(label, target) {
  const hub = await openHubDb(target.open);
  const t0 = performance.now();
  const dept = (await createToken(hub.db, { role: "department", structureId: null })).token;
  // Seeded through the same repository code the API uses (storeSubmission), without HTTP, to keep the bench
  // short; 50 at a time so the SQLite writer commits them in groups.
  const seedOne = async (i) => {
    const s = await upsertStructure(hub.db, {
      siret: siretOf(100000 + i),
      name: `Structure ${i}`,
      kind: "ACI",
    });
    const tok = await createToken(hub.db, { role: "structure", structureId: s.id });
    const p = payload(s.siret, `cons-${i}`);
    await storeSubmission(hub, {
      ...preparePayload(p, DEFAULT_CONFIG),
      structureId: s.id,
      tokenId: tok.record.id,
      idempotencyKey: `seed-${i}`,
      audit: { actor: "bench" },
    });
  };
  for (let i = 0; i < CONSOLIDATION_STRUCTURES; i += 50) {
    const batch = [];
    for (let j = i; j < Math.min(i + 50, CONSOLIDATION_STRUCTURES); j++) batch.push(seedOne(j));
    await Promise.all(batch);
  }
  await hub.close();
  const seedS = (performance.now() - t0) / 1000;
  const h = await startHub(target);
  try {
    const times = [];
    let reports = 0;
    let persons = 0;
    for (let k = 0; k < 4; k++) {
      const t = performance.now();
      const r = await fetch(`${h.url}/api/v1/consolidation?period=2025`, {
        headers: { authorization: `Bearer ${dept}` },
      });
      const c = await r.json();
      times.push(performance.now() - t);
      reports = c.reports.length;
      persons = c.total.distinctPersons;
    }
    const first = times[0];
    const best = Math.min(...times.slice(1));
    console.log(
      `${label.padEnd(10)} GET /consolidation : ${(first / 1000).toFixed(2)} s (1re), ${(best / 1000).toFixed(2)} s (suivantes) — ${reports} rapports, ${persons} personnes distinctes, ${CONSOLIDATION_STRUCTURES * RECORDS} enregistrements (chargement ${seedS.toFixed(0)} s)`,
    );
    return { first, best };
  } finally {
    await stopHub(h);
  }
}

function pgTarget() {
  if (process.env.BILAN_IAE_SKIP_PG === "1") {
    console.log("PostgreSQL : ignoré (BILAN_IAE_SKIP_PG=1).");
    return null;
  }
  const r = spawnSync("bash", [path.join(root, "scripts/pg-cluster.sh"), "start"], { encoding: "utf8" });
  const url = (r.stdout || "").trim().split("\n").pop();
  if (r.status !== 0 || !url.startsWith("postgres")) {
    console.error(
      "PostgreSQL indisponible (apt-get install -y postgresql, ou BILAN_IAE_SKIP_PG=1) : " + (r.stderr || ""),
    );
    process.exitCode = 1;
    return null;
  }
  console.log(
    "PostgreSQL : cluster privé de scripts/pg-cluster.sh (réglé pour les tests : fsync=off, synchronous_commit=off ; un serveur de production fait des fsync).",
  );
  return (schema) => ({ url, schema, open: { databaseUrl: url, pgSchema: schema, pgPoolSize: 4 } });
}

async function dropSchema(url, schema) {
  const { Pool } = require("pg");
  const pool = new Pool({ connectionString: url, max: 1 });
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bilan-hub-bench-"));
  const sqlite = (name) => {
    const file = path.join(dir, name);
    return { sqliteFile: file, open: { sqliteFile: file } };
  };
  console.log(
    `Cibles : ≥ 300 envois/s et p99 ≤ 150 ms sur SQLite ; consolidation ≤ 1,5 s (${CONSOLIDATION_STRUCTURES} structures × ${RECORDS} enregistrements). ${os.cpus().length} cœurs.`,
  );
  const results = {};
  try {
    results.sqlite = await loadTest("SQLite", sqlite("load.sqlite"));
    const pg = pgTarget();
    if (pg) {
      const t = pg(`bench_load_${process.pid}`);
      try {
        results.pg = await loadTest("PostgreSQL", t);
      } finally {
        await dropSchema(t.url, t.schema);
      }
    }
    results.consSqlite = await consolidationTest("SQLite", sqlite("consolidation.sqlite"));
    if (pg) {
      const t = pg(`bench_cons_${process.pid}`);
      try {
        results.consPg = await consolidationTest("PostgreSQL", t);
      } finally {
        await dropSchema(t.url, t.schema);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const s = results.sqlite;
  const verdict = (ok) => (ok ? "atteint" : "NON atteint");
  console.log(
    `\nSQLite : ${s.perSec.toFixed(0)} envois/s (cible ≥ 300 : ${verdict(s.perSec >= 300)}), p99 ${s.p99} ms (cible ≤ 150 : ${verdict(s.p99 <= 150)})`,
  );
  console.log(
    `Consolidation SQLite : ${(results.consSqlite.first / 1000).toFixed(2)} s (cible ≤ 1,5 s : ${verdict(results.consSqlite.first <= 1500)})`,
  );
  if (results.consPg)
    console.log(
      `Consolidation PostgreSQL : ${(results.consPg.first / 1000).toFixed(2)} s (cible ≤ 1,5 s : ${verdict(results.consPg.first <= 1500)})`,
    );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
