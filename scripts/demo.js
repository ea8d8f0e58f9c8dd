#!/usr/bin/env node
/**
 * `npm run demo` (with `npm start` running): pushes every example workbook of examples/departement-38 to the
 * demo hub with its structure's token, exactly as an accountant would with `bilan-iae push`, then prints the
 * department's consolidation pulled from the hub with the department token.
 */
const { spawnSync } = require("node:child_process");
const { existsSync, readdirSync, readFileSync } = require("node:fs");
const http = require("node:http");
const path = require("node:path");
const { tokensFile, examplesDir, cli, root, demoDir } = require("./demo-seed");

const hub = process.env.DEMO_HUB || "http://localhost:8080";

function healthy() {
  return new Promise((resolve) => {
    const req = http.get(`${hub}/healthz`, { timeout: 3000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => {
      req.destroy();
      resolve(false);
    });
  });
}

function cliRun(args, env = {}) {
  return spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: "utf8",
    env: {
      ...process.env,
      BILAN_IAE_OUTBOX: path.join(demoDir, "outbox.json"),
      BILAN_IAE_HUB_TIMEOUT_MS: "5000",
      ...env,
    },
  });
}

async function main() {
  if (!existsSync(tokensFile) || !(await healthy())) {
    console.error(
      `Le hub de démonstration ne répond pas sur ${hub}. Lancez d'abord « npm start » dans un autre terminal.`,
    );
    process.exit(2);
  }
  const tokens = JSON.parse(readFileSync(tokensFile, "utf8"));
  const files = readdirSync(examplesDir)
    .filter((f) => f.endsWith(".xlsx"))
    .sort();
  console.log(`Envoi de ${files.length} bilans au hub ${hub} :`);
  for (const f of files) {
    const file = path.join(examplesDir, f);
    const info = cliRun(["indicators", file, "--json"]);
    const siret = JSON.parse(info.stdout || "[]")[0]?.structure?.siret;
    const token = siret && tokens.structures[siret]?.token;
    if (!token) {
      console.log(`  ✗ ${f} : structure inconnue du hub (SIRET ${siret ?? "illisible"})`);
      continue;
    }
    const r = cliRun(["push", file, "--hub", hub, "--json"], {
      BILAN_IAE_TOKEN: token,
      BILAN_IAE_DEPARTMENT_KEY: tokens.departmentKey,
    });
    let out = {};
    try {
      out = JSON.parse(r.stdout);
    } catch {
      out = { status: "erreur", detail: r.stderr.trim() };
    }
    const label =
      out.status === "received"
        ? `✓ reçu (version ${out.receipt.version})`
        : out.status === "already-received"
          ? `= déjà reçu (version ${out.receipt.version})`
          : out.reason === "errors"
            ? `✗ refusé : ${out.counts.error} erreur(s) dans le classeur`
            : `✗ ${out.status} : ${out.detail ?? r.stderr.trim()}`;
    console.log(`  ${label.padEnd(48)} ${f}`);
  }
  console.log("\nConsolidation départementale (depuis le hub, jeton du Département) :\n");
  const c = cliRun(["consolidate", "--hub", hub, "--token", tokens.department, "--period", "2025"]);
  process.stdout.write(c.stdout);
  if (c.status !== 0) {
    process.stderr.write(c.stderr);
    process.exit(c.status ?? 1);
  }
}

main().catch((e) => {
  console.error(`Démonstration interrompue : ${e.message}`);
  process.exit(1);
});
