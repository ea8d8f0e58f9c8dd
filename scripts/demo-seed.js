/**
 * Demo department for `npm start` / `npm run demo`: a SQLite hub seeded with the structures of
 * examples/departement-38, a department token and one token per structure. Tokens are shown once by the
 * hub; for the demo only they are kept in data/demo/tokens.json (git-ignored) so `npm run demo` can push.
 */
const { spawnSync } = require("node:child_process");
const { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync } = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const demoDir = path.join(root, "data", "demo");
const dbFile = path.join(demoDir, "hub.sqlite");
const tokensFile = path.join(demoDir, "tokens.json");
const examplesDir = path.join(root, "examples", "departement-38");
const cli = path.join(root, "bin", "bilan-iae.js");

function runCli(args, { allowFail = false } = {}) {
  const env = { ...process.env };
  delete env.DATABASE_URL; // the demo is the embedded SQLite database
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8", env });
  if (r.status !== 0 && !allowFail) {
    throw new Error(
      `bilan-iae ${args.slice(0, 3).join(" ")} a échoué (code ${r.status}) :\n${r.stderr || r.stdout}`,
    );
  }
  return r;
}

function lastLine(text) {
  return text.trim().split("\n").pop().trim();
}

/** Structures of the demo: SIRET, name and kind read from the example workbooks by the engine itself. */
function exampleStructures() {
  const r = runCli(["consolidate", examplesDir, "--json"], { allowFail: true });
  const json = JSON.parse(r.stdout);
  const bySiret = new Map();
  for (const rep of json.reports) {
    if (!rep.siret || !rep.kind) continue;
    const s = bySiret.get(rep.siret) || { siret: rep.siret, name: rep.name, kinds: [] };
    if (!s.kinds.includes(rep.kind)) s.kinds.push(rep.kind);
    bySiret.set(rep.siret, s);
  }
  return [...bySiret.values()];
}

function seed({ reset = false } = {}) {
  if (reset) rmSync(demoDir, { recursive: true, force: true });
  if (existsSync(tokensFile) && existsSync(dbFile)) return JSON.parse(readFileSync(tokensFile, "utf8"));
  rmSync(demoDir, { recursive: true, force: true });
  // Owner-only, as the hub wants its data directory (hub serve warns otherwise).
  mkdirSync(demoDir, { recursive: true, mode: 0o700 });
  const structures = exampleStructures();
  const tokens = {
    hub: "http://localhost:8080",
    departmentKey: "demo-isere-cle-de-pseudonymisation-2025",
    department: null,
    structures: {},
  };
  for (const s of structures) {
    runCli([
      "hub",
      "structure",
      "add",
      "--siret",
      s.siret,
      "--name",
      s.name,
      "--kind",
      s.kinds.join(","),
      "--db",
      dbFile,
    ]);
    tokens.structures[s.siret] = {
      name: s.name,
      kinds: s.kinds,
      token: lastLine(runCli(["hub", "token", "create", "--siret", s.siret, "--db", dbFile]).stdout),
    };
  }
  tokens.department = lastLine(runCli(["hub", "token", "create", "--department", "--db", dbFile]).stdout);
  writeFileSync(tokensFile, JSON.stringify(tokens, null, 2), { mode: 0o600 });
  return tokens;
}

module.exports = { seed, dbFile, tokensFile, demoDir, examplesDir, cli, root };
