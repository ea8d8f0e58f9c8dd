// Core throughput: analyzeWorkbook (read + validate + indicators) on a 100 000-row sheet held as a
// cell array, against a bare loop touching every cell once (the floor). Median of several runs after warm-up.
const path = require("node:path");
const { performance } = require("node:perf_hooks");
const { analyzeWorkbook } = require(path.join(__dirname, "..", "dist", "core", "index.js"));
const { rows, STRUCTURE } = require("./gen-rows");

const N = 100_000;
const RUNS = 7;
const people = rows(N);
const workbook = {
  name: "bench.xlsx",
  sheets: [
    { name: "Structure", rows: STRUCTURE },
    { name: "Salariés", rows: people },
  ],
};

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function bare() {
  // Touch every cell once, with a type test so the loop cannot be optimised away.
  let acc = 0;
  for (let i = 0; i < people.length; i++) {
    const r = people[i];
    for (let j = 0; j < r.length; j++) {
      const v = r[j];
      if (typeof v === "number") acc += v;
      else if (typeof v === "string") acc += v.length;
      else if (v instanceof Date) acc += 1;
    }
  }
  return acc;
}

function time(fn) {
  if (global.gc) global.gc();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  // CPU time of the whole process (main thread plus V8's GC and compiler threads): on a loaded machine
  // the wall time counts the waits for a core as well, this does not.
  return { ms, cpuMs: (c.user + c.system) / 1000, r };
}

for (let i = 0; i < 3; i++) {
  analyzeWorkbook(workbook);
  bare();
}
const coreMs = [];
const coreCpuMs = [];
const bareMs = [];
let last;
for (let i = 0; i < RUNS; i++) {
  const c = time(() => analyzeWorkbook(workbook).reports[0]);
  last = c.r;
  coreMs.push(c.ms);
  coreCpuMs.push(c.cpuMs);
  bareMs.push(time(bare).ms);
}
const core = median(coreMs);
const floor = median(bareMs);
const fmt = (x) => x.toLocaleString("fr-FR", { maximumFractionDigits: 1 });
console.log(
  `Lignes : ${N.toLocaleString("fr-FR")} (${people[0].length} colonnes), ${last.rowCount.toLocaleString("fr-FR")} lues, ${last.report.counts.error} erreurs, ${last.indicators.employees} salariés`,
);
// No target of its own since issue 17 (the budget is end to end, 20-cli-e2e): the figure says where the time goes.
console.log(
  `Cœur (analyzeWorkbook) : ${fmt(core)} ms médiane → ${Math.round(N / (core / 1000)).toLocaleString("fr-FR")} lignes/s`,
);
console.log(
  `Boucle nue (plancher)  : ${fmt(floor)} ms médiane → ${Math.round(N / (floor / 1000)).toLocaleString("fr-FR")} lignes/s`,
);
console.log(`Rapport cœur / plancher : ${fmt(core / floor)}×`);
console.log(
  `Temps CPU du cœur (processus) : ${fmt(median(coreCpuMs))} ms médiane ; charge (uptime) : ${require("node:os")
    .loadavg()
    .map((x) => fmt(x))
    .join(" / ")}`,
);
console.log(`(séries : cœur ${coreMs.map(fmt).join(" / ")} ms ; plancher ${bareMs.map(fmt).join(" / ")} ms)`);
