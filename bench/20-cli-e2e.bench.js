// End to end: `node bin/bilan-iae.js indicators --json FILE` on the 100 000-row workbook as three writers
// save it (bench/big-files.js); per file the median wall time of 5 runs after a warm-up, and the peak RSS
// (GNU time -v when present, else a child wrapper reading process.resourceUsage()).
// Budget (issue 17): ≤ 2 s and ≤ 600 MB for each writer.
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { performance } = require("node:perf_hooks");
const { bigFiles } = require("./big-files");
const { frenchSpacing } = require(path.join(__dirname, "..", "dist", "hub", "french"));

const say = (line) => console.log(frenchSpacing(line));

const N = 100_000;
const RUNS = 5;
const BUDGET_MS = 2000;
const BUDGET_MB = 600;
const root = path.join(__dirname, "..");
const bin = path.join(root, "bin", "bilan-iae.js");

function measure(file) {
  const args = [bin, "indicators", "--json", file];
  if (fs.existsSync("/usr/bin/time")) {
    const t0 = performance.now();
    const r = spawnSync("/usr/bin/time", ["-v", process.execPath, ...args], {
      encoding: "utf8",
      maxBuffer: 64 << 20,
    });
    const ms = performance.now() - t0;
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr);
    const sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr);
    const cpuMs = user && sys ? (Number(user[1]) + Number(sys[1])) * 1000 : NaN;
    return {
      ms,
      cpuMs,
      rssMb: rss ? Number(rss[1]) / 1024 : NaN,
      status: r.status,
      out: r.stdout,
      err: r.stderr,
    };
  }
  const wrapper = `process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("\\nBENCH "+u.maxRSS+" "+(u.userCPUTime+u.systemCPUTime)+"\\n")});require(${JSON.stringify(bin)});`;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["-e", wrapper, ...args], { encoding: "utf8", maxBuffer: 64 << 20 });
  const ms = performance.now() - t0;
  const m = /BENCH (\d+) (\d+)/.exec(r.stderr);
  return {
    ms,
    cpuMs: m ? Number(m[2]) / 1000 : NaN,
    rssMb: m ? Number(m[1]) / 1024 : NaN,
    status: r.status,
    out: r.stdout,
    err: r.stderr,
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (ms) => (ms / 1000).toFixed(2).replace(".", ",");
const verdict = (ok) => (ok ? "OK" : "AU-DESSUS");

function bench(f) {
  measure(f.file); // warms the file cache and the compile cache
  const runs = Array.from({ length: RUNS }, () => measure(f.file));
  const failed = runs.find((r) => r.status !== 0);
  if (failed) {
    console.error(`${f.label} : bilan-iae a échoué (code ${failed.status}) :\n${failed.err}`);
    return false;
  }
  const employees = JSON.parse(runs[0].out)[0].indicators.employees;
  const wall = median(runs.map((r) => r.ms));
  const peak = Math.max(...runs.map((r) => r.rssMb));
  const mb = (fs.statSync(f.file).size / 1e6).toFixed(1).replace(".", ",");
  say(
    `${f.label.padEnd(34)} ${seconds(wall)} s médiane   [budget ≤ 2 s] ${verdict(wall <= BUDGET_MS)}   ${peak.toFixed(0)} Mo   [budget ≤ 600 Mo] ${verdict(peak <= BUDGET_MB)}`,
  );
  say(
    `${"".padEnd(34)} (${mb} Mo, ${employees.toLocaleString("fr-FR")} salariés ; séries : ${runs.map((r) => seconds(r.ms)).join(" / ")} s ; temps CPU médian ${seconds(median(runs.map((r) => r.cpuMs)))} s, qu'une machine chargée allonge moins que le temps écoulé)`,
  );
  return true;
}

(async () => {
  const files = await bigFiles(N);
  say(
    `bilan-iae indicators --json, ${N.toLocaleString("fr-FR")} lignes, médiane de ${RUNS} après un tour à blanc ; charge ${os
      .loadavg()
      .map((l) => l.toFixed(2).replace(".", ","))
      .join(
        " ",
      )} ; mémoire : ${fs.existsSync("/usr/bin/time") ? "/usr/bin/time -v" : "process.resourceUsage()"}`,
  );
  let ok = true;
  for (const f of files) {
    if (f.missing) say(`${f.label.padEnd(34)} NON MESURÉ : ${f.missing}`);
    else ok = bench(f) && ok;
  }
  if (!ok) process.exitCode = 1;
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
