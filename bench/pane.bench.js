/* global window, document, performance, MutationObserver, PerformanceObserver, HTMLInputElement -- functions run in the page */
// The task pane's speed in Chromium at 350 × 800 (issues 16 and 17), on the production build whose taskpane.html
// loads office.js from Microsoft's CDN address; the bench answers that address with @microsoft/office-js's own
// files (page.route), as a machine with the CDN in its cache would. Figures are printed beside budgets, never asserted.
//   - first render: navigation start → file picker visible, median of cold loads (a fresh browser context each);
//   - a 30 000-row file opened in file mode: the longest main-thread task, the largest delay of key presses and of a
//     setTimeout heartbeat while it is read and analysed, and the time to findings shown;
//   - a 5 000-row file: file chosen → findings shown, median.
// BILAN_IAE_PANE_BUILD=DIR measures an existing production build instead of building one.
const { buildAddin } = require("./build-addin");
const fs = require("node:fs");
const http = require("node:http");
const os = require("node:os");
const path = require("node:path");
const { URL } = require("node:url");
const { writeRowsXlsx } = require("./gen-xlsx");

const CHROMIUM = "/usr/bin/chromium";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const officeJsDist = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
const BUDGET = { firstRenderMs: 1000, inputMs: 100, small: 1000 };
const COLD_LOADS = 7;
const SMALL_RUNS = 5;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mark = (ok) => (ok ? "✓" : "✗");
const ms = (x) => `${Math.round(x)} ms`;

function build() {
  return buildAddin({
    outName: "addin-bench-cdn",
    officeJs: "cdn",
    existing: process.env.BILAN_IAE_PANE_BUILD,
  });
}

function contentType(file) {
  if (file.endsWith(".js")) return "text/javascript; charset=utf-8";
  if (file.endsWith(".html")) return "text/html; charset=utf-8";
  return "application/octet-stream";
}

/** A static server of the build on loopback. */
async function serve(dir) {
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile())
      return res.writeHead(404).end();
    res.writeHead(200, { "content-type": contentType(file) });
    res.end(fs.readFileSync(file));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { server, url: `http://127.0.0.1:${server.address().port}/taskpane.html` };
}

/** Serves office.js's CDN address from the package's dist folder (no internet here); anything else there is a 404. */
async function routeOfficeJs(context) {
  await context.route(`${OFFICE_JS_CDN}**`, (route) => {
    const rel = decodeURIComponent(new URL(route.request().url()).pathname).replace("/lib/1/hosted/", "");
    const file = path.join(officeJsDist, rel);
    if (!file.startsWith(officeJsDist) || !fs.existsSync(file) || !fs.statSync(file).isFile())
      return route.fulfill({ status: 404, body: "" });
    return route.fulfill({ status: 200, contentType: contentType(file), body: fs.readFileSync(file) });
  });
}

/** Records, from navigation start, when the file picker shows (performance.now() is relative to it). */
const PICKER_WATCH = () => {
  const seen = () => {
    const button = [...document.querySelectorAll("button")].find((b) =>
      b.textContent?.includes("Ouvrir un classeur"),
    );
    if (!button) return false;
    window.pickerShownMs = performance.now();
    return true;
  };
  new MutationObserver((_m, obs) => seen() && obs.disconnect()).observe(document, {
    childList: true,
    subtree: true,
  });
};

async function firstRender(browser, url) {
  const runs = [];
  for (let i = 0; i < COLD_LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 350, height: 800 }, locale: "fr-FR" });
    await routeOfficeJs(context);
    await context.addInitScript(PICKER_WATCH);
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole("button", { name: "Ouvrir un classeur .xlsx" }).waitFor();
    runs.push(await page.evaluate(() => window.pickerShownMs));
    await context.close();
  }
  const m = median(runs);
  console.log(
    `Premier rendu à 350 px (navigation → sélecteur de fichier, office.js à son adresse CDN) : médiane ${ms(m)} sur ${COLD_LOADS} chargements à froid (${runs.map(Math.round).join(" / ")} ms) — objectif ≤ ${BUDGET.firstRenderMs} ms ${mark(m <= BUDGET.firstRenderMs)}`,
  );
}

/** Watches the page from the file's choice to the findings: long tasks, key-press delays, heartbeat gaps. */
const RESPONSIVENESS_WATCH = () => {
  const w = window;
  w.bench = { chosenAt: null, shownAt: null, longest: 0, keyDelays: [], maxGap: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (w.bench.chosenAt !== null && w.bench.shownAt === null)
        w.bench.longest = Math.max(w.bench.longest, e.duration);
  }).observe({ type: "longtask" });
  document.addEventListener(
    "change",
    (e) => {
      if (e.target instanceof HTMLInputElement && e.target.type === "file")
        w.bench.chosenAt = performance.now();
    },
    true,
  );
  document.addEventListener(
    "keydown",
    (e) => {
      if (w.bench.chosenAt !== null && w.bench.shownAt === null)
        w.bench.keyDelays.push(performance.now() - e.timeStamp);
    },
    true,
  );
  let last = performance.now();
  const beat = () => {
    const now = performance.now();
    if (w.bench.chosenAt !== null && w.bench.shownAt === null)
      w.bench.maxGap = Math.max(w.bench.maxGap, now - last);
    last = now;
    if (w.bench.shownAt === null) setTimeout(beat, 0);
  };
  setTimeout(beat, 0);
  new MutationObserver((_m, obs) => {
    if (w.bench.chosenAt !== null && document.querySelector('[data-testid="count-error"]')) {
      w.bench.shownAt = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

async function openAndWatch(context, url, file, pressKeys) {
  const page = await context.newPage();
  await page.addInitScript(RESPONSIVENESS_WATCH);
  await page.goto(url);
  await page.getByRole("button", { name: "Ouvrir un classeur .xlsx" }).waitFor();
  await page.getByTestId("file-input").setInputFiles(file);
  if (pressKeys) {
    // A key every 100 ms while the file is read and analysed, as a user typing elsewhere in the pane would.
    while (!(await page.evaluate(() => window.bench.shownAt !== null))) {
      await page.keyboard.press("Shift");
      await page.waitForTimeout(100);
    }
  }
  await page.getByTestId("count-error").waitFor({ timeout: 300_000 });
  const b = await page.evaluate(() => window.bench);
  await page.close();
  return { ...b, total: b.shownAt - b.chosenAt };
}

async function largeFile(context, url, file) {
  const r = await openAndWatch(context, url, file, true);
  const worst = Math.max(r.longest, r.maxGap, ...r.keyDelays);
  console.log(
    `30 000 lignes en mode fichier : constats affichés en ${ms(r.total)} ; pendant la lecture et l'analyse, plus longue tâche du fil principal ${ms(r.longest)}, touche la plus lente ${ms(Math.max(0, ...r.keyDelays))} (${r.keyDelays.length} touches), plus long silence du battement setTimeout ${ms(r.maxGap)} — objectif ≤ ${BUDGET.inputMs} ms ${mark(worst <= BUDGET.inputMs)}`,
  );
}

async function smallFile(context, url, file) {
  const runs = [];
  for (let i = 0; i < SMALL_RUNS; i++) runs.push((await openAndWatch(context, url, file, false)).total);
  const m = median(runs);
  console.log(
    `5 000 lignes en mode fichier (fichier choisi → constats affichés) : médiane ${ms(m)} (${runs.map(Math.round).join(" / ")} ms, le premier charge le lecteur) — objectif ≤ ${BUDGET.small} ms ${mark(m <= BUDGET.small)}`,
  );
}

async function generated(n) {
  const file = path.join(os.tmpdir(), `bilan-iae-pane-bench-${n}.xlsx`);
  if (!fs.existsSync(file)) await writeRowsXlsx(file, n);
  return file;
}

async function main() {
  if (!fs.existsSync(CHROMIUM)) {
    console.log("Volet : non mesuré (installez chromium : apt-get install -y chromium)");
    return;
  }
  const dir = build();
  const [big, small] = [await generated(30_000), await generated(5_000)];
  const { chromium } = require("playwright-core");
  const { server, url } = await serve(dir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    console.log(
      `Charge de la machine : ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(" ")}`,
    );
    await firstRender(browser, url);
    const context = await browser.newContext({ viewport: { width: 350, height: 800 }, locale: "fr-FR" });
    await routeOfficeJs(context);
    await smallFile(context, url, small);
    await largeFile(context, url, big);
    await context.close();
    console.log(
      `Charge de la machine : ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(" ")}`,
    );
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
