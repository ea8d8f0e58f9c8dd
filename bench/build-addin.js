// The production task pane built once for a bench: office.js copied locally ("local") or left at Microsoft's
// CDN address ("cdn", as deployed). `existing` (an env variable's value) measures a build already made.
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const root = path.join(__dirname, "..");

function buildAddin({ outName, officeJs, existing }) {
  if (existing) return existing;
  const out = path.join(root, "test-output", outName);
  const where = officeJs === "local" ? "office.js local" : "office.js sur le CDN";
  console.log(`Construction du volet (webpack, production, ${where})…`);
  const t0 = Date.now();
  const env = { ...process.env, ADDIN_OUT_DIR: out, SOURCE_MAPS: "" };
  if (officeJs === "local") env.OFFICE_JS = "local";
  else delete env.OFFICE_JS;
  const r = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
    cwd: root,
    env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    process.exit(1);
  }
  console.log(`  construit en ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return out;
}

module.exports = { buildAddin };
