#!/usr/bin/env node
// Entry point of the `bilan-iae` command: runs the compiled CLI (dist/, built by `npm ci` / `npm run build:node`).
const path = require("node:path");
const fs = require("node:fs");

const entry = path.join(__dirname, "..", "dist", "cli", "main.js");
if (!fs.existsSync(entry)) {
  console.error(
    "bilan-iae n'est pas compilé (dist/cli/main.js absent) : lancez npm ci ou npm run build:node dans le dossier du projet, puis relancez.",
  );
  process.exit(2);
}
// Broken pipes (bilan-iae … | head) end the command quietly instead of printing a stack.
process.stdout.on("error", (e) => {
  if (e && e.code === "EPIPE") process.exit(0);
});
require(entry).main();
