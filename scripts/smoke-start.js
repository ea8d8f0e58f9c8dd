#!/usr/bin/env node
/**
 * `npm run smoke` (called by .ci/run on a fresh clone): the README's main job, checked as a user would.
 * Runs `npm start`, requires both servers to answer within 3 minutes, runs `npm run demo` and requires the
 * consolidation table, then sends Ctrl-C (SIGINT to the process group, as a terminal does) and requires
 * everything to stop cleanly and free the ports.
 */
const { spawn, spawnSync } = require("node:child_process");
const http = require("node:http");
const https = require("node:https");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const READY_SECONDS = 180;
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function fail(msg, output) {
  if (output) process.stderr.write(`--- sortie de npm start ---\n${output.slice(-6000)}\n---\n`);
  console.error(`ÉCHEC : ${msg}`);
  process.exit(1);
}

function answers(url) {
  return new Promise((resolve) => {
    const lib = url.startsWith("https") ? https : http;
    const req = lib.get(url, { rejectUnauthorized: false, timeout: 3000 }, (res) => {
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

async function main() {
  const started = Date.now();
  // detached: its own process group, so the SIGINT below reaches npm, start.js and both servers like a Ctrl-C.
  const child = spawn(npm, ["start"], { cwd: root, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  let gone = false;
  exited.then(() => (gone = true));

  while (!output.includes("Bilan IAE est prêt.")) {
    if (gone) fail("npm start s'est arrêté avant d'être prêt.", output);
    if (Date.now() - started > READY_SECONDS * 1000) {
      process.kill(-child.pid, "SIGKILL");
      fail(`npm start n'est pas prêt après ${READY_SECONDS} s.`, output);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const readyAfter = ((Date.now() - started) / 1000).toFixed(1);
  const hub = await answers("http://127.0.0.1:8080/healthz");
  const pane = await answers("https://localhost:3000/taskpane.html");
  if (!hub || !pane) {
    process.kill(-child.pid, "SIGKILL");
    fail(`serveurs annoncés prêts mais hub=${hub} complément=${pane}.`, output);
  }
  console.log(`npm start : prêt en ${readyAfter} s (hub /healthz 200, complément /taskpane.html 200).`);

  const demo = spawnSync(npm, ["run", "demo"], { cwd: root, encoding: "utf8", timeout: 120_000 });
  process.stdout.write(demo.stdout);
  if (
    demo.status !== 0 ||
    !demo.stdout.includes("Consolidation départementale") ||
    !/\d+ rapports? consolidés?/.test(demo.stdout) ||
    !demo.stdout.includes("Salariés")
  ) {
    process.stderr.write(demo.stderr || "");
    process.kill(-child.pid, "SIGKILL");
    fail(`npm run demo n'a pas imprimé la consolidation (code ${demo.status}).`, output);
  }

  process.kill(-child.pid, "SIGINT");
  const stopped = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), 15_000))]);
  if (stopped === null) {
    process.kill(-child.pid, "SIGKILL");
    fail("Ctrl-C n'a pas arrêté npm start en 15 s.", output);
  }
  await new Promise((r) => setTimeout(r, 500));
  if (
    (await answers("http://127.0.0.1:8080/healthz")) ||
    (await answers("https://localhost:3000/taskpane.html"))
  )
    fail("un serveur répond encore après Ctrl-C.", output);
  console.log("OK : npm start prêt, npm run demo imprime la consolidation, Ctrl-C arrête tout.");
}

main().catch((e) => fail(e.message));
