#!/usr/bin/env node
/**
 * `npm test`: every test. Compiles the Node parts (the CLI tests run the real `bilan-iae`), runs the whole
 * Jest suite (hub on a real SQLite file, browser end to end in Chromium), then the hub suite a second time
 * against a private PostgreSQL cluster. Prints one closing line "Tests: N passed, N failed".
 *
 * Opt-outs (explicit, never silent): BILAN_IAE_SKIP_PG=1 skips the PostgreSQL pass;
 * BILAN_IAE_SKIP_BROWSER=1 lets the browser tests pass without Chromium.
 * Extra arguments are passed to Jest for the first pass (e.g. `npm test -- test/core`).
 */
const { spawnSync } = require("node:child_process");
const { mkdirSync, readFileSync, existsSync } = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const out = path.join(root, "test-output");
mkdirSync(out, { recursive: true });
const jestBin = require.resolve("jest/bin/jest");
const extra = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedStep = false;

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return r.status === 0;
}

function jest(label, args, env = {}) {
  const file = path.join(out, `jest-${label}.json`);
  const ok = run(process.execPath, [jestBin, "--json", `--outputFile=${file}`, ...args], env);
  if (existsSync(file)) {
    const r = JSON.parse(readFileSync(file, "utf8"));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
    totals.skipped += r.numPendingTests + r.numTodoTests;
    console.log(
      `[${label}] ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`,
    );
  } else {
    totals.failed += 1;
  }
  if (!ok) failedStep = true;
  return ok;
}

console.log("== Compilation (tsc -p tsconfig.build.json)");
if (!run(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"])) {
  console.error("La compilation a échoué : corrigez les erreurs TypeScript ci-dessus.");
  process.exit(1);
}

console.log("== Jest: toute la suite (hub sur SQLite)");
jest("main", extra);

if (extra.length === 0) {
  if (process.env.BILAN_IAE_SKIP_PG === "1") {
    console.warn("!! BILAN_IAE_SKIP_PG=1 : la passe PostgreSQL du hub n'est PAS exécutée.");
  } else {
    console.log("== Jest: suite du hub contre PostgreSQL (cluster privé)");
    const start = spawnSync("bash", [path.join(root, "scripts/pg-cluster.sh"), "start"], {
      cwd: root,
      encoding: "utf8",
    });
    process.stderr.write(start.stderr || "");
    const url = (start.stdout || "").trim().split("\n").pop();
    if (start.status !== 0 || !url || !url.startsWith("postgres")) {
      console.error(
        "PostgreSQL n'a pas pu démarrer. Installez-le (apt-get install -y postgresql) ou, pour ignorer explicitement cette passe, BILAN_IAE_SKIP_PG=1.",
      );
      totals.failed += 1;
      failedStep = true;
    } else {
      try {
        jest("postgres", ["test/hub"], { HUB_TEST_DATABASE_URL: url });
      } finally {
        run("bash", [path.join(root, "scripts/pg-cluster.sh"), "stop"]);
      }
    }
  }
}

console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedStep || totals.failed > 0 ? 1 : 0);
