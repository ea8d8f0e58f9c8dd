#!/usr/bin/env node
/**
 * `npm start`, the main job on a fresh machine: compiles, starts the departmental hub on
 * http://localhost:8080 (embedded SQLite seeded for a demo department), starts the add-in's HTTPS server
 * on https://localhost:3000, and says how to open the add-in in Excel and, without Excel, the same pane in
 * file mode. Ctrl-C stops everything.
 */
const { spawn, spawnSync } = require("node:child_process");
const https = require("node:https");
const http = require("node:http");
const path = require("node:path");
const { seed, dbFile, root, cli } = require("./demo-seed");

const HUB_PORT = Number(process.env.HUB_PORT || 8080);
const ADDIN_PORT = 3000;
const children = [];
let stopping = false;

function step(msg) {
  console.log(`\n▶ ${msg}`);
}

function prefixed(child, name) {
  const pipe = (stream, out) => {
    let buf = "";
    stream.on("data", (d) => {
      buf += d.toString();
      let i;
      while ((i = buf.indexOf("\n")) >= 0) {
        out.write(`[${name}] ${buf.slice(0, i)}\n`);
        buf = buf.slice(i + 1);
      }
    });
  };
  pipe(child.stdout, process.stdout);
  pipe(child.stderr, process.stderr);
}

function start(name, cmd, args, env = {}) {
  const child = spawn(cmd, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  prefixed(child, name);
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`[${name}] s'est arrêté (code ${code ?? signal}). Arrêt de l'ensemble.`);
      stop(1);
    }
  });
  children.push(child);
  return child;
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
  setTimeout(() => process.exit(code), 1500).unref();
  Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.on("exit", r))))).then(
    () => process.exit(code),
  );
}

function probe(url) {
  return new Promise((resolve) => {
    const lib = url.startsWith("https") ? https : http;
    const req = lib.get(url, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode !== undefined && res.statusCode < 500);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => {
      req.destroy();
      resolve(false);
    });
  });
}

async function waitFor(url, what, seconds) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until && !stopping) {
    if (await probe(url)) return true;
    await new Promise((r) => setTimeout(r, 1000));
  }
  console.error(`${what} ne répond pas sur ${url} après ${seconds} s.`);
  return false;
}

async function main() {
  process.on("SIGINT", () => {
    console.log("\nArrêt demandé (Ctrl-C) : arrêt du hub et du serveur du complément…");
    stop(0);
  });
  process.on("SIGTERM", () => stop(0));

  step("Compilation de la ligne de commande et du hub (tsc)");
  const tsc = spawnSync(
    process.execPath,
    [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"],
    { cwd: root, stdio: "inherit" },
  );
  if (tsc.status !== 0) {
    console.error("La compilation a échoué : voir les erreurs ci-dessus.");
    process.exit(1);
  }

  step("Base de démonstration du hub (SQLite, département 38 fictif)");
  const tokens = seed({ reset: process.argv.includes("--reset") });
  console.log(
    `  ${Object.keys(tokens.structures).length} structures enregistrées depuis examples/departement-38 — base : ${path.relative(root, dbFile)}`,
  );

  step(`Démarrage du hub sur http://localhost:${HUB_PORT}`);
  const hubEnv = {
    HUB_CORS_ORIGINS: `https://localhost:${ADDIN_PORT}`,
    HUB_LOG_LEVEL: process.env.HUB_LOG_LEVEL || "warn",
  };
  delete process.env.DATABASE_URL;
  start(
    "hub",
    process.execPath,
    [cli, "hub", "serve", "--port", String(HUB_PORT), "--host", "127.0.0.1", "--db", dbFile],
    hubEnv,
  );

  step(`Démarrage du serveur du complément sur https://localhost:${ADDIN_PORT} (webpack)`);
  start(
    "complément",
    process.execPath,
    [require.resolve("webpack/bin/webpack.js"), "serve", "--mode", "development", "--no-open"],
    { OFFICE_JS: "local" },
  );

  const [hubOk, addinOk] = await Promise.all([
    waitFor(`http://127.0.0.1:${HUB_PORT}/healthz`, "Le hub", 60),
    waitFor(`https://localhost:${ADDIN_PORT}/taskpane.html`, "Le serveur du complément", 170),
  ]);
  if (!hubOk || !addinOk) return stop(1);

  const lines = [
    "",
    "════════════════════════════════════════════════════════════════════════════",
    " Bilan IAE est prêt.",
    "",
    ` Hub départemental    http://localhost:${HUB_PORT}   (API : /api/v1/openapi.json, santé : /healthz)`,
    ` Complément Excel     https://localhost:${ADDIN_PORT}/taskpane.html`,
    "",
    " Ouvrir le complément dans Excel :",
    "   • Excel sur le web : Insertion › Compléments › Mes compléments › Charger mon complément › manifest.xml",
    "   • Windows / Mac : chargement latéral de manifest.xml (voir docs/guide-utilisateur.md)",
    "   • Sans Excel : ouvrez https://localhost:3000/taskpane.html dans un navigateur (mode fichier :",
    "     « Ouvrir un classeur .xlsx », par exemple examples/aci-canonique.xlsx).",
    "",
    " Jetons de démonstration (affichés une seule fois en production ; ici gardés dans data/demo/tokens.json) :",
    `   Département          ${tokens.department}`,
    ...Object.entries(tokens.structures).map(([siret, s]) => `   ${siret}  ${s.token}  ${s.name}`),
    `   Clé départementale   ${tokens.departmentKey}`,
    "",
    " Envoyer les classeurs d'exemple et afficher la consolidation :  npm run demo",
    " Arrêter : Ctrl-C",
    "════════════════════════════════════════════════════════════════════════════",
  ];
  console.log(lines.join("\n"));
}

main().catch((e) => {
  console.error(`Démarrage impossible : ${e.message}`);
  stop(1);
});
