import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");
export const BIN = join(ROOT, "bin", "bilan-iae.js");

function newestSource(d: string): number {
  let t = 0;
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) t = Math.max(t, newestSource(p));
    else if (e.name.endsWith(".ts")) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

/** Compiles dist/ (the real `bilan-iae`) when a source is newer than it; tests then run the CLI as users do. */
export function ensureDist(): void {
  const main = join(ROOT, "dist", "cli", "main.js");
  const sources = ["core", "xlsx", "cli", "client", "hub"]
    .map((d) => join(ROOT, "src", d))
    .filter(existsSync);
  if (existsSync(main) && statSync(main).mtimeMs > Math.max(...sources.map(newestSource))) return;
  spawnSync(
    process.execPath,
    [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(ROOT, "tsconfig.build.json")],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (!existsSync(main)) throw new Error("dist/cli/main.js missing after `tsc -p tsconfig.build.json`");
}
