/**
 * End-to-end harness: the production build of the task pane in file mode (office.js served
 * locally), a tiny static server on 127.0.0.1, and Debian's Chromium driven by playwright-core.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";

export const ROOT = path.resolve(__dirname, "../..");
export const CHROMIUM = "/usr/bin/chromium";
export const SKIP_BROWSER = process.env.BILAN_IAE_SKIP_BROWSER === "1";

/**
 * The guide's screenshots are taken by these tests but written into docs/images only on request
 * (`npm run screenshots`), so running the tests never rewrites tracked files; otherwise they go to
 * test-output/screenshots for a look after a failure.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir =
    process.env.BILAN_IAE_SCREENSHOTS === "1"
      ? path.join(ROOT, "docs", "images")
      : path.join(ROOT, "test-output", "screenshots");
  mkdirSync(dir, { recursive: true });
  // From the top: a full-page capture of a scrolled page draws the sticky status bar over the list.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(dir, name), fullPage: true });
}

/** Fails loudly when the browser is missing, unless the explicit opt-out is set. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (SKIP_BROWSER) return false;
  throw new Error(
    `Chromium introuvable (${CHROMIUM}) : installez chromium : apt-get install -y chromium (ou BILAN_IAE_SKIP_BROWSER=1 pour sauter ces tests)`,
  );
}

/** `describe` for the browser suites: skipped only under the explicit opt-out, else a missing Chromium fails. */
export function browserDescribe(): jest.Describe {
  return browserAvailable() ? describe : describe.skip;
}

/** Latest modification time of what goes into the bundle. */
function newestSource(): number {
  let newest = 0;
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) for (const e of readdirSync(p)) walk(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ["src", "webpack.config.js", "tsconfig.web.json", "manifest.xml", "assets"]) {
    if (existsSync(path.join(ROOT, p))) walk(path.join(ROOT, p));
  }
  return newest;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds the pane in production mode with office.js served locally, into test-output/addin-e2e
 * (rebuilt only when a source is newer; test files share it under a lock), unless
 * BILAN_IAE_ADDIN_BUILD names an existing build directory to reuse.
 */
export function buildAddin(): string {
  const reuse = process.env.BILAN_IAE_ADDIN_BUILD;
  if (reuse) {
    if (!existsSync(path.join(reuse, "taskpane.html")))
      throw new Error(`BILAN_IAE_ADDIN_BUILD=${reuse} ne contient pas taskpane.html`);
    return reuse;
  }
  const out = path.join(ROOT, "test-output", "addin-e2e");
  const lock = `${out}.lock`;
  mkdirSync(path.dirname(out), { recursive: true });
  for (let waited = 0; ; waited += 1000) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test file is building; a lock older than 15 minutes is from a killed run.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 15 * 60_000)
        rmSync(lock, { recursive: true, force: true });
      if (waited > 15 * 60_000) throw new Error(`Verrou de construction ${lock} bloqué : supprimez-le`);
      sleep(1000);
    }
  }
  try {
    const html = path.join(out, "taskpane.html");
    if (existsSync(html) && statSync(html).mtimeMs > newestSource()) return out;
    const webpackCli = require.resolve("webpack-cli/bin/cli.js");
    const r = spawnSync(process.execPath, [webpackCli, "--mode", "production"], {
      cwd: ROOT,
      env: { ...process.env, OFFICE_JS: "local", ADDIN_OUT_DIR: out, SOURCE_MAPS: "" },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(`La construction webpack a échoué :\n${r.stdout}\n${r.stderr}`);
    return out;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".css": "text/css",
};

/** Serves a directory on 127.0.0.1 (random port). */
export async function serve(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.join(dir, pathname);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("adresse du serveur inattendue");
  return { url: `http://127.0.0.1:${address.port}/`, server };
}

export interface Chromium {
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile, no network chatter; French at the task pane's 350 × 800 unless told otherwise. */
export async function launchChromium(
  options: { locale?: string; viewport?: { width: number; height: number } } = {},
): Promise<Chromium> {
  const { chromium } = await import("playwright-core");
  const profile = mkdtempSync(path.join(tmpdir(), "bilan-iae-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
    acceptDownloads: true,
    viewport: options.viewport ?? { width: 350, height: 800 },
    locale: options.locale ?? "fr-FR",
  });
  const browser = context.browser() as Browser;
  return {
    browser,
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
