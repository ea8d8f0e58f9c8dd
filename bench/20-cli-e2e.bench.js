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
    return { ms, rssMb: rss ? Number(rss[1]) / 1024 : NaN, status: r.status, out: r.stdout, err: r.stderr };
  }
  const wrapper = `process.argv.splice(1,1);process.on("exit",()=>{process.stderr.write("\\nBENCH "+process.resourceUsage().maxRSS+"\\n")});require(${JSON.stringify(bin)});`;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["-e", wrapper, ...args], { encoding: "utf8", maxBuffer: 64 << 20 });
  const ms = performance.now() - t0;
  const m = /BENCH (\d+)/.exec(r.stderr);
  return { ms, rssMb: m ? Number(m[1]) / 1024 : NaN, status: r.status, out: r.stdout, err: r.stderr };
}

const seconds = (ms) => (ms / 1000).toFixed(2);
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
  const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
  const median = sorted[Math.floor(RUNS / 2)];
  const peak = Math.max(...runs.map((r) => r.rssMb));
  const mb = (fs.statSync(f.file).size / 1e6).toFixed(1);
  console.log(
    `${f.label.padEnd(34)} ${seconds(median)} s médiane   [budget ≤ 2 s] ${verdict(median <= BUDGET_MS)}   ${peak.toFixed(0)} Mo   [budget ≤ 600 Mo] ${verdict(peak <= BUDGET_MB)}`,
  );
  console.log(
    `${"".padEnd(34)} (${mb} Mo, ${employees} salariés ; séries : ${runs.map((r) => seconds(r.ms)).join(" / ")} s)`,
  );
  return true;
}

(async () => {
  const files = await bigFiles(N);
  console.log(
    `bilan-iae indicators --json, ${N.toLocaleString("fr-FR")} lignes, médiane de ${RUNS} après un tour à blanc ; charge ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(
        " ",
      )} ; mémoire : ${fs.existsSync("/usr/bin/time") ? "/usr/bin/time -v" : "process.resourceUsage()"}`,
  );
  let ok = true;
  for (const f of files) {
    if (f.missing) console.log(`${f.label.padEnd(34)} NON MESURÉ : ${f.missing}`);
    else ok = bench(f) && ok;
  }
  if (!ok) process.exitCode = 1;
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
