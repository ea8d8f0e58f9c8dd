// End to end: `node bin/bilan-iae.js indicators FILE` on a generated 100 000-row .xlsx; wall time and
// peak RSS (GNU time -v when present, else a child wrapper reading process.resourceUsage()).
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { performance } = require("node:perf_hooks");
const ExcelJS = require("exceljs");
const { rows, STRUCTURE } = require("./gen-rows");

const N = 100_000;
const root = path.join(__dirname, "..");
const file = path.join(os.tmpdir(), `bilan-iae-bench-${N}.xlsx`);

async function writeBig() {
  // Streaming writer: the bench's own input must not need the memory it measures.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
  });
  const st = wb.addWorksheet("Structure");
  for (const r of STRUCTURE) st.addRow(r).commit();
  await st.commit();
  const ws = wb.addWorksheet("Salariés");
  const dateCols = [5, 18, 19, 23];
  for (const c of dateCols) ws.getColumn(c).numFmt = "dd/mm/yyyy";
  for (const r of rows(N)) ws.addRow(r).commit();
  await ws.commit();
  await wb.commit();
}

function measure() {
  const bin = path.join(root, "bin", "bilan-iae.js");
  const args = [bin, "indicators", "--json", file];
  if (fs.existsSync("/usr/bin/time")) {
    const t0 = performance.now();
    const r = spawnSync("/usr/bin/time", ["-v", process.execPath, ...args], {
      encoding: "utf8",
      maxBuffer: 64 << 20,
    });
    const ms = performance.now() - t0;
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    return {
      ms,
      rssMb: rss ? Number(rss[1]) / 1024 : NaN,
      status: r.status,
      out: r.stdout,
      how: "/usr/bin/time -v",
    };
  }
  const wrapper = `const t0=Date.now();process.argv.splice(1,1);process.on("exit",()=>{process.stderr.write("\\nBENCH "+(Date.now()-t0)+" "+process.resourceUsage().maxRSS+"\\n")});require(${JSON.stringify(bin)});`;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["-e", wrapper, ...args], { encoding: "utf8", maxBuffer: 64 << 20 });
  const ms = performance.now() - t0;
  const m = /BENCH (\d+) (\d+)/.exec(r.stderr);
  return {
    ms,
    rssMb: m ? Number(m[2]) / 1024 : NaN,
    status: r.status,
    out: r.stdout,
    how: "process.resourceUsage()",
  };
}

(async () => {
  if (!fs.existsSync(file)) {
    const t0 = performance.now();
    await writeBig();
    console.log(
      `Fichier de test écrit : ${file} (${(fs.statSync(file).size / 1e6).toFixed(1)} Mo, ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
  } else {
    console.log(`Fichier de test : ${file} (${(fs.statSync(file).size / 1e6).toFixed(1)} Mo, déjà généré)`);
  }
  measure(); // warm the file cache
  const runs = [measure(), measure(), measure()];
  runs.sort((a, b) => a.ms - b.ms);
  const m = runs[1];
  if (m.status !== 0 && m.status !== 1) {
    console.error(`bilan-iae a échoué (code ${m.status})`);
    process.exit(1);
  }
  const employees = JSON.parse(m.out)[0].indicators.employees;
  const peak = Math.max(...runs.map((r) => r.rssMb));
  console.log(
    `bilan-iae indicators, ${N.toLocaleString("fr-FR")} lignes (${employees} salariés) : ${(m.ms / 1000).toFixed(2)} s médiane   [cible ≤ 2 s] ${m.ms <= 2000 ? "OK" : "AU-DESSUS"}`,
  );
  console.log(
    `Mémoire maximale (RSS) : ${peak.toFixed(0)} Mo   [cible ≤ 600 Mo] ${peak <= 600 ? "OK" : "AU-DESSUS"}   (mesure : ${m.how})`,
  );
  console.log(`(séries : ${runs.map((r) => (r.ms / 1000).toFixed(2)).join(" / ")} s)`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
