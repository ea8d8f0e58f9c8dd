import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { frenchSpaces } from "./french";

export interface Conversion {
  /** The ExcelJS file LibreOffice opens. */
  source: string;
  /** Where LibreOffice's own save goes. */
  target: string;
}

export function sofficeAvailable(): boolean {
  return spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
}

/**
 * Opens each ExcelJS file in LibreOffice and saves it as .xlsx (`soffice --headless --convert-to xlsx`),
 * all in one run, with a private profile so parallel runs on the machine do not share one.
 */
export function convertWithLibreOffice(conversions: Conversion[]): void {
  if (conversions.length === 0) return;
  const work = mkdtempSync(join(tmpdir(), "corpus-soffice-"));
  try {
    const profile = pathToFileURL(join(work, "profile")).href;
    const out = join(work, "out");
    const args = [
      `-env:UserInstallation=${profile}`,
      "--headless",
      "--convert-to",
      "xlsx",
      "--outdir",
      out,
      ...conversions.map((c) => c.source),
    ];
    const run = spawnSync("soffice", args, { encoding: "utf8", timeout: 10 * 60 * 1000 });
    if (run.status !== 0)
      throw new Error(
        frenchSpaces(`LibreOffice a échoué (code ${run.status}) : `) +
          (run.stderr || run.stdout || String(run.error)),
      );
    for (const c of conversions) {
      const written = join(out, basename(c.source));
      if (!existsSync(written))
        throw new Error(
          frenchSpaces(`LibreOffice n'a pas écrit ${basename(c.source)} : `) + (run.stderr || run.stdout),
        );
      copyFileSync(written, c.target);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
