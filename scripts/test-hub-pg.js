#!/usr/bin/env node
/**
 * `npm run test:hub:pg`: the hub suite against a real PostgreSQL. Starts the private cluster
 * (scripts/pg-cluster.sh), runs `jest test/hub` with HUB_TEST_DATABASE_URL, stops the cluster.
 * Without PostgreSQL binaries it fails saying what to install, unless BILAN_IAE_SKIP_PG=1 (explicit opt-out).
 */
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const script = path.join(root, "scripts/pg-cluster.sh");
if (process.env.BILAN_IAE_SKIP_PG === "1") {
  console.warn("!! BILAN_IAE_SKIP_PG=1 : les tests du hub sur PostgreSQL ne sont PAS exécutés.");
  process.exit(0);
}
const start = spawnSync("bash", [script, "start"], { cwd: root, encoding: "utf8" });
process.stderr.write(start.stderr || "");
const url = (start.stdout || "").trim().split("\n").pop();
if (start.status !== 0 || !url || !url.startsWith("postgres")) {
  console.error(
    "PostgreSQL n'a pas pu démarrer. Installez-le (apt-get install -y postgresql) ou, pour ignorer explicitement ces tests, BILAN_IAE_SKIP_PG=1.",
  );
  process.exit(1);
}
let status = 1;
try {
  const r = spawnSync(
    process.execPath,
    [require.resolve("jest/bin/jest"), "--maxWorkers=2", "test/hub", ...process.argv.slice(2)],
    {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, HUB_TEST_DATABASE_URL: url },
    },
  );
  status = r.status ?? 1;
} finally {
  spawnSync("bash", [script, "stop"], { cwd: root, stdio: "inherit" });
}
process.exit(status);
