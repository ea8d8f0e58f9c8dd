// The hub against issue 17's budgets, on SQLite and on PostgreSQL, over real HTTP on loopback (`bilan-iae hub
// serve`, compiled dist/, in a child process):
// - one 3 000-row report acknowledged on an idle hub: ≤ 300 ms;
// - 100 structures pushing a 3 000-row report at the same moment: every one acknowledged, none lost (the
//   records stored are counted in the database afterwards), p99 ≤ 10 s;
// - GET /api/v1/consolidation of a department (80 reports of 3 000 rows): ≤ 1 s; of a national roll-up
//   (8 000 reports of 300 rows): ≤ 10 s.
// Without PostgreSQL binaries the PostgreSQL lines say what to install and SQLite goes on.
// BILAN_IAE_SKIP_PG=1 skips PostgreSQL; BENCH_HUB_NATIONAL=n shrinks the national roll-up (default 8000);
// BENCH_HUB_NODE_ARGS passes node flags to the hub (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
const { spawn, spawnSync } = require("node:child_process");
const crypto = require("node:crypto");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { performance } = require("node:perf_hooks");
const { Buffer } = require("node:buffer");
const { fetch } = globalThis;

const root = path.join(__dirname, "..");
const dist = path.join(root, "dist");
const cli = path.join(root, "bin", "bilan-iae.js");
const { computeIndicators, createMotifIndex, DEFAULT_CONFIG, PERSON_FIELDS, rowsFromRecords } = require(
  path.join(dist, "core"),
);
const { sql } = require("kysely");
const { openHubDb } = require(path.join(dist, "hub/db/connect"));
const { upsertStructure } = require(path.join(dist, "hub/db/repositories/structures"));
const { createToken } = require(path.join(dist, "hub/db/repositories/tokens"));
const { storeSubmission } = require(path.join(dist, "hub/db/repositories/submissions"));
const { preparePayload } = require(path.join(dist, "hub/ingest/prepare"));
const { frenchSpacing } = require(path.join(dist, "hub/french"));

const say = (line) => console.log(frenchSpacing(line));

const REPORT_ROWS = 3000;
const IDLE_RUNS = 5;
const BURST = 100;
const DEPARTMENT = { reports: 80, rows: 3000 };
const NATIONAL = { reports: Number(process.env.BENCH_HUB_NATIONAL || 8000), rows: 300 };
const BUDGET = { idleMs: 300, burstP99Ms: 10_000, departmentMs: 1000, nationalMs: 10_000 };

const FIELDS = PERSON_FIELDS.filter(
  (f) => !["lastName", "firstName", "birthDate", "postalCode", "commune", "passNumber"].includes(f),
);
const motifs = createMotifIndex(DEFAULT_CONFIG.exitMotifs);
const EXIT_CODES = DEFAULT_CONFIG.exitMotifs.filter((m) => m.code).map((m) => m.code);

const siretOf = (i) => `8${String(i).padStart(13, "0")}`;

/** A 64-hex key as the client's HMAC gives (the consolidation compares their first 16 digits). */
const keyOf = (text) => crypto.createHash("sha256").update(text).digest("hex");

/** n invented records, keys unique to `report` but one in seven shared by every report. Counters, nobody's data. */
function records(report, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const exit = i % 4 === 0;
    out.push({
      key: keyOf(i % 7 === 0 ? `shared-${i}` : `${report}-${i}`),
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

/** The indicators depend on the rows, not on which report's keys they carry: computed once per size. */
const indicatorsBySize = new Map();

function payload(siret, report, n) {
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
  const recs = records(report, n);
  if (!indicatorsBySize.has(n))
    indicatorsBySize.set(
      n,
      computeIndicators(rowsFromRecords(recs), {
        structure,
        fieldsPresent: FIELDS,
        config: DEFAULT_CONFIG,
        motifs,
      }),
    );
  return {
    schemaVersion: 1,
    generator: { name: "bilan-iae-bench", version: "0" },
    rulesVersion: DEFAULT_CONFIG.rulesVersion,
    structure,
    fieldsPresent: FIELDS,
    indicators: indicatorsBySize.get(n),
    validation: { valid: true, counts: { error: 0, warning: 0, info: 0 }, rules: [] },
    records: recs,
  };
}

function startHub(target) {
  const nodeArgs = (process.env.BENCH_HUB_NODE_ARGS || "").split(" ").filter(Boolean);
  const args = [...nodeArgs, cli, "hub", "serve", "--port", "0", "--host", "127.0.0.1"];
  // 100 structures from one address at once: the per-address limit is lifted, as the quotas for repeated runs.
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
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`le hub s'est arrêté (code ${code}) : ${err}`));
    });
  });
}

function stopHub(h) {
  return new Promise((resolve) => {
    if (h.child.exitCode !== null) return resolve();
    h.child.once("exit", () => resolve());
    h.child.kill("SIGTERM");
  });
}

/** Structures and their tokens, numbered from `first`. */
async function seedStructures(hub, first, n) {
  const out = [];
  for (let i = first; i < first + n; i++) {
    const s = await upsertStructure(hub.db, { siret: siretOf(i), name: `Structure ${i}`, kind: "ACI" });
    out.push({
      siret: s.siret,
      token: (await createToken(hub.db, { role: "structure", structureId: s.id })).token,
    });
  }
  return out;
}

/** POSTs one report; its HTTP status and the time to the receipt, in ms. */
async function post(url, s, body, key) {
  const t0 = performance.now();
  const r = await fetch(`${url}/api/v1/submissions`, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${s.token}`,
      "idempotency-key": key,
    },
  });
  await r.arrayBuffer();
  return { status: r.status, ms: performance.now() - t0 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${Math.round(x)} ms`;
const s2 = (x) => `${(x / 1000).toFixed(2).replace(".", ",")} s`;
const fr = (n) => n.toLocaleString("fr-FR");
const verdict = (ok) => (ok ? "OK" : "AU-DESSUS");

/** Idle acknowledgement, then the burst of 100, on one hub; the stored records are counted afterwards. */
async function ingestTest(label, target) {
  const hub = await openHubDb(target.open);
  const idle = await seedStructures(hub, 0, 1 + IDLE_RUNS);
  const burst = await seedStructures(hub, 1000, BURST);
  await hub.close();
  const body = (s, i) => Buffer.from(JSON.stringify(payload(s.siret, i, REPORT_ROWS)));
  const idleBodies = idle.map(body);
  const burstBodies = burst.map((s, i) => body(s, 1000 + i));
  const mb = (idleBodies[0].length / 1e6).toFixed(1).replace(".", ",");
  const h = await startHub(target);
  const out = {};
  try {
    // The first request compiles the hub's code: shown apart, as a hub just started would answer it.
    const cold = await post(h.url, idle[0], idleBodies[0], "idle-0");
    const acks = [];
    for (let i = 1; i <= IDLE_RUNS; i++) {
      await new Promise((r) => setTimeout(r, 200)); // idle: nothing else in flight
      acks.push(await post(h.url, idle[i], idleBodies[i], `idle-${i}`));
    }
    const idleMs = acks.map((a) => a.ms);
    out.idle = median(idleMs);
    const idleOk = [cold, ...acks].filter((a) => a.status === 201).length;
    say(
      `${label.padEnd(10)} 1 rapport de ${fr(REPORT_ROWS)} lignes (${mb} Mo), hub au repos : ${ms(out.idle)} médiane   [budget ≤ 300 ms] ${verdict(out.idle <= BUDGET.idleMs && idleOk === 1 + IDLE_RUNS)}   (séries : ${idleMs.map(Math.round).join(" / ")} ms ; premier envoi après le démarrage ${ms(cold.ms)} ; ${idleOk}/${1 + IDLE_RUNS} reçus 201)`,
    );

    const t0 = performance.now();
    const results = await Promise.all(burst.map((s, i) => post(h.url, s, burstBodies[i], `burst-${i}`)));
    const wall = performance.now() - t0;
    const lat = results.map((r) => r.ms).sort((a, b) => a - b);
    out.p99 = lat[Math.ceil(0.99 * lat.length) - 1];
    out.acked = results.filter((r) => r.status === 201).length;
    const others = results.filter((r) => r.status !== 201).map((r) => r.status);
    out.burstLine = `${label.padEnd(10)} ${BURST} structures envoient ${fr(REPORT_ROWS)} lignes au même moment : p99 ${s2(out.p99)}   [budget ≤ 10 s] ${verdict(out.p99 <= BUDGET.burstP99Ms)}   (p50 ${s2(lat[Math.floor(lat.length / 2)])}, tout reçu en ${s2(wall)} ; ${out.acked}/${BURST} reçus 201${others.length ? ` ; autres réponses : ${others.join(", ")}` : ""})`;
  } finally {
    await stopHub(h);
  }
  // None lost: every acknowledged report's records are in the database, after the hub has stopped.
  const db = await openHubDb(target.open);
  try {
    const r = await sql`select count(*) as n from person_records`.execute(db.db);
    const stored = Number(r.rows[0].n);
    const expected = (1 + IDLE_RUNS + BURST) * REPORT_ROWS;
    const none = out.acked === BURST && stored === expected;
    say(out.burstLine);
    say(
      `${"".padEnd(10)} enregistrements en base après la rafale : ${fr(stored)} pour ${fr(expected)} envoyés   [budget : aucun perdu] ${none ? "OK" : "PERTE"}`,
    );
    out.none = none;
  } finally {
    await db.close();
  }
  return out;
}

/** Stores `reports` reports of `rows` rows through the repository code the API uses, 50 at a time. */
async function seedReports(hub, first, reports, rows) {
  const seedOne = async (i) => {
    const s = await upsertStructure(hub.db, {
      siret: siretOf(first + i),
      name: `Structure ${i}`,
      kind: "ACI",
    });
    const tok = await createToken(hub.db, { role: "structure", structureId: s.id });
    await storeSubmission(hub, {
      ...preparePayload(payload(s.siret, first + i, rows), DEFAULT_CONFIG),
      structureId: s.id,
      tokenId: tok.record.id,
      idempotencyKey: `seed-${i}`,
      audit: { actor: "bench" },
    });
  };
  for (let i = 0; i < reports; i += 50) {
    const batch = [];
    for (let j = i; j < Math.min(i + 50, reports); j++) batch.push(seedOne(j));
    await Promise.all(batch);
  }
}

async function consolidationTest(label, what, target, size, budgetMs) {
  const t0 = performance.now();
  // Seeding only: WAL without an fsync per commit (the hub measured afterwards opens the file with FULL).
  const hub = await openHubDb({ ...target.open, sqliteSynchronous: "NORMAL" });
  const dept = (await createToken(hub.db, { role: "department", structureId: null })).token;
  await seedReports(hub, 100000, size.reports, size.rows);
  await hub.close();
  const seedS = (performance.now() - t0) / 1000;
  const h = await startHub(target);
  try {
    const times = [];
    let c = null;
    for (let k = 0; k < 4; k++) {
      const t = performance.now();
      const r = await fetch(`${h.url}/api/v1/consolidation?period=2025`, {
        headers: { authorization: `Bearer ${dept}` },
      });
      if (r.status !== 200) throw new Error(`GET /consolidation : HTTP ${r.status} ${await r.text()}`);
      c = await r.json();
      times.push(performance.now() - t);
    }
    const first = times[0];
    const later = median(times.slice(1));
    say(
      `${label.padEnd(10)} consolidation ${what} (${fr(size.reports)} rapports de ${fr(size.rows)} lignes) : ${s2(first)} au premier appel   [budget ≤ ${fr(budgetMs / 1000)} s] ${verdict(first <= budgetMs && c.reports.length === size.reports)}   (appels suivants ${s2(later)} ; ${fr(c.reports.length)} rapports, ${fr(c.total.distinctPersons)} personnes distinctes ; chargement ${seedS.toFixed(0)} s)`,
    );
    return { first, later };
  } finally {
    await stopHub(h);
  }
}

/** The private PostgreSQL cluster's target maker, or null (said why) when PostgreSQL cannot run here. */
function pgTarget() {
  if (process.env.BILAN_IAE_SKIP_PG === "1") {
    say("PostgreSQL : NON MESURÉ (BILAN_IAE_SKIP_PG=1).");
    return null;
  }
  const r = spawnSync("bash", [path.join(root, "scripts/pg-cluster.sh"), "start"], { encoding: "utf8" });
  const url = (r.stdout || "").trim().split("\n").pop();
  if (r.status !== 0 || !url.startsWith("postgres")) {
    say(
      `PostgreSQL : NON MESURÉ, le cluster privé de scripts/pg-cluster.sh n'a pas démarré (raison ci-dessous) ; si PostgreSQL manque : apt-get install -y postgresql. SQLite seul est mesuré.\n${(r.stderr || "").trim()}`,
    );
    return null;
  }
  say(
    "PostgreSQL : cluster privé de scripts/pg-cluster.sh (réglé pour les tests : fsync=off, synchronous_commit=off ; un serveur de production fait des fsync).",
  );
  return (schema) => ({ url, schema, open: { databaseUrl: url, pgSchema: schema, pgPoolSize: 4 } });
}

async function dropSchema(url, schema) {
  const { Pool } = require("pg");
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await pool.end();
  }
}

/** Every measure on one database; `target(name)` gives a fresh database (file or schema) per measure. */
async function allOn(label, target, cleanup) {
  const run = async (name, f) => {
    const t = target(name);
    try {
      return await f(t);
    } finally {
      await cleanup(t);
    }
  };
  await run("ingest", (t) => ingestTest(label, t));
  await run("department", (t) =>
    consolidationTest(label, "d'un département", t, DEPARTMENT, BUDGET.departmentMs),
  );
  await run("national", (t) => consolidationTest(label, "nationale", t, NATIONAL, BUDGET.nationalMs));
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bilan-hub-bench-"));
  say(
    `Hub sur la boucle locale, ${os.cpus().length} cœurs ; charge ${os
      .loadavg()
      .map((l) => l.toFixed(2).replace(".", ","))
      .join(" ")}. SQLite : synchronous=FULL (un reçu 201 est sur disque).`,
  );
  try {
    await allOn(
      "SQLite",
      (name) => {
        const file = path.join(dir, `${name}.sqlite`);
        return { sqliteFile: file, open: { sqliteFile: file } };
      },
      async () => {},
    );
    const pg = pgTarget();
    if (pg)
      await allOn(
        "PostgreSQL",
        (name) => pg(`bench_${name}_${process.pid}`),
        (t) => dropSchema(t.url, t.schema),
      );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  say(
    `(fin ; charge ${os
      .loadavg()
      .map((l) => l.toFixed(2).replace(".", ","))
      .join(" ")})`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
