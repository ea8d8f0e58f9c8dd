/**
 * Issue 15 in the browser: the Consolider view reads each returned file in its own Web Worker, and file mode
 * checks an opened file in one. Hostile files (zip bombs, millions of strings) are shown unreadable with their
 * message, the good files are consolidated, and the page answers a click within 200 ms while they are read; in a
 * French and in an English browser.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { hostileFiles } from "../xlsx/support/bombs";
import { buildAddin, launchChromium, ROOT, serve, type Chromium, browserDescribe } from "./harness";
import { expectPaneLanguage, LOCALES, plainSpaces, type Locale } from "./locales";

const DEPT = path.join(ROOT, "examples", "departement-38");
const suite = browserDescribe();

/** Records in the page how long a click waits for its handler, and the longest stall of the main thread. */
async function watchResponsiveness(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { clickDelays: number[]; maxGap: number };
    w.clickDelays = [];
    w.maxGap = 0;
    document.addEventListener("click", (e) => w.clickDelays.push(performance.now() - e.timeStamp), true);
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      w.maxGap = Math.max(w.maxGap, now - last);
      last = now;
    }, 20);
  });
}

async function clicksWhileReading(page: Page): Promise<void> {
  for (let k = 0; k < 5; k++) {
    await page.mouse.click(2, 2);
    await page.waitForTimeout(150);
  }
}

async function responsiveness(page: Page): Promise<{ clickDelays: number[]; maxGap: number }> {
  return page.evaluate(() => {
    const w = window as unknown as { clickDelays: number[]; maxGap: number };
    return { clickDelays: w.clickDelays, maxGap: w.maxGap };
  });
}

type Hostile = Awaited<ReturnType<typeof hostileFiles>>[number];

const FR = {
  heading: "Consolider les bilans",
  /** French plurals (« 0 » and « 1 » singular), the message the pane shows once every file is read. */
  done: (read: number, failed: number) =>
    `${read} ${read <= 1 ? "fichier consolidé" : "fichiers consolidés"}, ${failed} ${failed <= 1 ? "illisible" : "illisibles"}.`,
  /** The file named in guillemets with no-break spaces (French typography), then the CLI's own detail. */
  refused: (f: Hostile) => (alert: string) => {
    expect(alert).toContain(`«\u00a0${f.name}\u00a0»`);
    // The patterns are the CLI's plain text: the same words, spaces as plain spaces.
    if (f.pattern) expect(plainSpaces(alert)).toMatch(f.pattern);
  },
};
const EN: typeof FR = {
  heading: "Consolidate the reports",
  done: (read: number, failed: number) =>
    `${read} ${read === 1 ? "file consolidated" : "files consolidated"}, ${failed} unreadable.`,
  // The reader's detail is French free text: the English message says what happened and what to do.
  refused: (f: Hostile) => (alert: string) =>
    expect(alert).toContain(`The file “${f.name}” was not read: it passes a reading limit.`),
};
const WORDS: Record<Locale, typeof FR> = { "fr-FR": FR, "en-US": EN };

suite.each(LOCALES)("Consolider view and file mode with hostile files (Chromium, %s)", (locale) => {
  const w = WORDS[locale];
  jest.setTimeout(420_000);
  let server: Server;
  let url: string;
  let chromium: Chromium;
  let page: Page;
  let dir: string;
  let good: string[];
  let bad: Awaited<ReturnType<typeof hostileFiles>>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "bilan-iae-hostile-"));
    good = readdirSync(DEPT)
      .filter((f) => f.endsWith(".xlsx"))
      .sort()
      .slice(0, 3);
    for (const f of good) copyFileSync(path.join(DEPT, f), path.join(dir, f));
    bad = (await hostileFiles()).filter((f) => f.reason);
    for (const f of bad) writeFileSync(path.join(dir, f.name), f.bytes);
    ({ server, url } = await serve(buildAddin()));
    chromium = await launchChromium({ locale });
    page = await chromium.context.newPage();
    page.on("pageerror", (e) => process.stderr.write(`[page error] ${e.message}\n`));
  });

  afterAll(async () => {
    await chromium?.close();
    await new Promise((r) => server?.close(r));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("shows each hostile file unreadable with its message, consolidates the others, and stays responsive", async () => {
    await page.goto(`${url}taskpane.html?view=consolider`);
    await page.getByRole("heading", { name: w.heading }).waitFor();
    await watchResponsiveness(page);
    const files = [...bad.map((f) => f.name), ...good].map((f) => path.join(dir, f));
    await page.getByTestId("consolidate-file-input").setInputFiles(files);
    // Clicks while the bad files are read (they come first).
    await clicksWhileReading(page);
    await page.getByText(w.done(good.length, bad.length)).waitFor({ timeout: 300_000 });

    const { clickDelays, maxGap } = await responsiveness(page);
    expect(clickDelays.length).toBe(5);
    expect(Math.max(...clickDelays)).toBeLessThan(200);
    expect(maxGap).toBeLessThan(1_000);

    const rows = page.getByTestId("returned-file");
    const statuses = await rows.evaluateAll((els) =>
      els.map((e) => [e.querySelector("span")?.textContent ?? "", e.getAttribute("data-status")]),
    );
    expect(
      statuses
        .filter(([, s]) => s === "failed")
        .map(([n]) => n)
        .sort(),
    ).toEqual(bad.map((f) => f.name).sort());
    for (const f of bad)
      w.refused(f)((await rows.filter({ hasText: f.name }).getByRole("alert").textContent()) ?? "");
    await expectPaneLanguage(page, locale, "Consolider, hostile files");
    expect(await page.getByTestId("total-reports").textContent()).toContain(String(good.length));
  });

  it("file mode: a hostile workbook is refused with its message, the page answering meanwhile", async () => {
    const bomb = bad.find((f) => f.name === "bombe-textes.xlsx")!;
    const fresh = await chromium.context.newPage();
    await fresh.goto(`${url}taskpane.html`);
    await fresh.getByTestId("file-input").waitFor({ state: "attached" });
    await watchResponsiveness(fresh);
    await fresh.getByTestId("file-input").setInputFiles(path.join(dir, bomb.name));
    await clicksWhileReading(fresh);
    const alert = fresh.getByRole("alert");
    await alert.waitFor({ timeout: 60_000 });
    w.refused(bomb)((await alert.textContent()) ?? "");
    await expectPaneLanguage(fresh, locale, "file mode, hostile file");
    const { clickDelays } = await responsiveness(fresh);
    expect(clickDelays.length).toBe(5);
    expect(Math.max(...clickDelays)).toBeLessThan(200);
    await fresh.close();
  });
});
