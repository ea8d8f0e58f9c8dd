// npm run bench: builds dist/ if needed, then runs every bench/*.bench.js in name order, one process
// each (so one benchmark's heap does not weigh on the next). Figures go to stdout; targets beside them.
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const main = path.join(root, "dist", "cli", "main.js");

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (e.name.endsWith(".ts")) t = Math.max(t, fs.statSync(p).mtimeMs);
  }
  return t;
}

const sources = ["core", "xlsx", "cli", "hub", "client"]
  .map((d) => path.join(root, "src", d))
  .filter((d) => fs.existsSync(d));
if (!fs.existsSync(main) || fs.statSync(main).mtimeMs < Math.max(...sources.map(newest))) {
  console.log("Compilation (tsc -p tsconfig.build.json)…");
  spawnSync(
    process.execPath,
    [
      path.join(root, "node_modules", "typescript", "bin", "tsc"),
      "-p",
      path.join(root, "tsconfig.build.json"),
    ],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
  if (!fs.existsSync(main)) {
    console.error("La compilation n'a pas produit dist/cli/main.js : corrigez les erreurs ci-dessus.");
    process.exit(1);
  }
}

const benches = fs
  .readdirSync(__dirname)
  .filter((f) => f.endsWith(".bench.js"))
  .sort();
let failed = 0;
for (const b of benches) {
  console.log(`\n=== ${b} ===`);
  const r = spawnSync(process.execPath, ["--expose-gc", path.join(__dirname, b)], {
    cwd: root,
    stdio: "inherit",
  });
  if (r.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
