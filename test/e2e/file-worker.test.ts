/**
 * Issue 16 in the browser: file mode reads and analyses a large workbook in a Web Worker, with a progress bar that
 * counts rows, gives the same findings and indicators as the CLI, keeps focus off the body, words a bad file as
 * before, and drops the check of a file replaced by another; in a French and in an English browser.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import type { Page } from "playwright-core";
import { readErrorMessage } from "../../src/xlsx/errors";
import { frenchTypography } from "../../src/taskpane/i18n/format";
import { browserDescribe, buildAddin, launchChromium, ROOT, serve, type Chromium } from "./harness";
import { expectCliIndicators } from "./figures";
import { expectPaneLanguage, LOCALES, type Locale } from "./locales";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { writeRowsXlsx } = require("../../bench/gen-xlsx") as {
  writeRowsXlsx(file: string, n: number): Promise<string>;
};

const OUT = path.join(ROOT, "test-output", "e2e");
const ROWS = 8000;
const BIG = path.join(OUT, `bilan-${ROWS}-lignes.xlsx`);
const EXAMPLE = path.join(ROOT, "examples", "ei-erreurs.xlsx");

interface CliReport {
  counts: { error: number; warning: number; info: number };
  issues: { code: string; cell: string | null }[];
  indicators: Record<string, number | null>;
}

/** `bilan-iae check --json` (or indicators) on a file: exit 1 says it has errors, the JSON is printed anyway. */
function cli(command: "check" | "indicators", file: string): CliReport[] {
  const run = spawnSync(process.execPath, [path.join(ROOT, "bin", "bilan-iae.js"), command, file, "--json"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0 && run.status !== 1)
    throw new Error(
      `bilan-iae ${command} a échoué (${run.status}) : ${run.stderr} — compilez la CLI avec npm run build:node`,
    );
  const parsed = JSON.parse(run.stdout) as CliReport | CliReport[];
  return Array.isArray(parsed) ? parsed : [parsed];
}

/** Keeps in the page every text the progress bar's count showed, and whether focus ever fell to the body after. */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { progressTexts: string[]; announced: string[] };
    w.progressTexts = [];
    w.announced = [];
    new MutationObserver(() => {
      const field = document.querySelector('[data-testid="read-progress"]')?.closest(".fui-Field");
      const text = field?.textContent ?? "";
      if (text && w.progressTexts[w.progressTexts.length - 1] !== text) w.progressTexts.push(text);
      const said = document.querySelector('[data-testid="progress-announcement"]')?.textContent ?? "";
      if (said && w.announced[w.announced.length - 1] !== said) w.announced.push(said);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

async function shownFindings(page: Page): Promise<string[]> {
  const collapsed = page.locator('[data-testid^="rule-"] button[aria-expanded="false"]');
  while ((await collapsed.count()) > 0) await collapsed.first().click();
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLButtonElement>("button[data-cell]")].map(
      (b) =>
        `${(b.closest('[data-testid^="rule-"]')?.getAttribute("data-testid") ?? "").slice(5)} ${b.getAttribute("data-cell")}`,
    ),
  );
}

async function badge(page: Page, testId: string): Promise<number> {
  return Number(/\d+/.exec((await page.getByTestId(testId).textContent()) ?? "")?.[0]);
}

const FR = {
  openWorkbook: "Ouvrir un classeur .xlsx",
  recheck: "Re-vérifier",
  tabIndicators: "Indicateurs",
  writeIndicators: "Écrire dans la feuille",
  /** « 1 000 lignes lues sur ~8 001 » (narrow no-break space between thousands). */
  counted: /(\d[\d\u202f]*) lignes? lues? sur ~(\d[\d\u202f]*)/,
  analysing: /Analyse de (\d[\d\u202f]*) lignes/,
  notXlsx: (name: string) => frenchTypography(readErrorMessage("not-zip", name, "c'est un PDF")),
};
const EN: typeof FR = {
  openWorkbook: "Open an .xlsx workbook",
  recheck: "Check again",
  tabIndicators: "Indicators",
  writeIndicators: "Write to the sheet",
  counted: /(\d[\d,]*) rows? read of ~(\d[\d,]*)/,
  analysing: /Analysing (\d[\d,]*) rows/,
  notXlsx: (name: string) =>
    `The file “${name}” is not an .xlsx Excel workbook: open it in Excel (or LibreOffice) and save it as Excel Workbook (.xlsx).`,
};
const WORDS: Record<Locale, typeof FR> = { "fr-FR": FR, "en-US": EN };
const count = (text: string) => Number(text.replace(/\D/g, ""));

const suite = browserDescribe();

suite.each(LOCALES)("file mode checks in a Web Worker (Chromium, 350 × 800, %s)", (locale) => {
  const w = WORDS[locale];
  jest.setTimeout(420_000);
  let server: Server;
  let url: string;
  let chromium: Chromium;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    await writeRowsXlsx(BIG, ROWS);
    ({ server, url } = await serve(buildAddin()));
    chromium = await launchChromium({ locale });
  });

  afterAll(async () => {
    await chromium?.close();
    await new Promise((r) => server?.close(r));
  });

  it(`a ${ROWS.toLocaleString("fr-FR")}-row file: rows counted in the bar, the CLI's findings and indicators, focus kept`, async () => {
    const page = await chromium.context.newPage();
    page.on("pageerror", (e) => process.stderr.write(`[page error] ${e.message}\n`));
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(w.url()));
    await page.goto(`${url}taskpane.html`);
    await page.getByRole("button", { name: w.openWorkbook }).waitFor();
    await watchProgress(page);
    await page.getByTestId("file-input").setInputFiles(BIG);
    await page.getByRole("button", { name: w.recheck }).waitFor({ timeout: 120_000 });

    // File mode starts no other worker: this one read and analysed the file.
    expect(workers.length).toBe(1);
    const { progressTexts, announced } = await page.evaluate(() => {
      const w = window as unknown as { progressTexts: string[]; announced: string[] };
      return { progressTexts: w.progressTexts, announced: w.announced };
    });
    process.stdout.write(
      `Progress shown: ${progressTexts.join(" | ")}\nAnnounced: ${announced.join(" | ")}\n`,
    );
    // Rows counted against the whole file's estimate from the first sheet on, then the analysis.
    const counted = progressTexts.flatMap((s) => {
      const m = w.counted.exec(s);
      return m ? [{ read: count(m[1]), of: count(m[2]) }] : [];
    });
    expect(counted.length).toBeGreaterThan(0);
    for (const c of counted) expect(c.of).toBeGreaterThanOrEqual(ROWS);
    // Every sheet's rows (the structure block's too), as estimated from the start.
    const analysed = progressTexts.map((s) => w.analysing.exec(s)).find((m) => m !== null);
    expect(count(analysed?.[1] ?? "")).toBe(counted[0].of);
    // Announced politely, far fewer times than the bar moves.
    expect(announced.length).toBeGreaterThan(0);
    expect(announced.length).toBeLessThanOrEqual(6);

    const [expected] = cli("check", BIG);
    expect(await badge(page, "count-error")).toBe(expected.counts.error);
    expect(await badge(page, "count-warning")).toBe(expected.counts.warning);
    expect(await badge(page, "count-info")).toBe(expected.counts.info);
    const cliFindings = expected.issues
      .filter((i) => i.cell !== null)
      .map((i) => `${i.code} Salariés!${i.cell}`);
    expect((await shownFindings(page)).sort()).toEqual(cliFindings.sort());
    expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
    await expectPaneLanguage(page, locale, `Vérifier, ${ROWS} rows`);

    const [figures] = cli("indicators", BIG);
    await expectCliIndicators(page, w, figures.indicators);
    await page.close();
  });

  it("opening another file while one is read ends the first worker; the second file's findings show", async () => {
    const page = await chromium.context.newPage();
    const closed: string[] = [];
    page.on("worker", (w) => w.on("close", () => closed.push(w.url())));
    await page.goto(`${url}taskpane.html`);
    await page.getByRole("button", { name: w.openWorkbook }).waitFor();
    await page.getByTestId("file-input").setInputFiles(BIG);
    await page.getByTestId("read-progress").waitFor();
    await page.getByTestId("file-input").setInputFiles(EXAMPLE);
    await page.getByTestId("opened-file").filter({ hasText: "ei-erreurs.xlsx" }).waitFor();
    await page.getByRole("button", { name: w.recheck }).waitFor({ timeout: 120_000 });
    const [expected] = cli("check", EXAMPLE);
    expect(await badge(page, "count-error")).toBe(expected.counts.error);
    expect(await badge(page, "count-warning")).toBe(expected.counts.warning);
    expect(await page.getByTestId("error-bar").count()).toBe(0);
    // Both workers ended: the first when the second file was opened, the second with its result.
    expect(closed.length).toBe(2);
    await page.close();
  });

  it("a file that is not an .xlsx is worded as before through the worker", async () => {
    const name = "faux.xlsx";
    const pdf = Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n");
    const page = await chromium.context.newPage();
    await page.goto(`${url}taskpane.html`);
    await page.getByTestId("file-input").waitFor({ state: "attached" });
    await page
      .getByTestId("file-input")
      .setInputFiles({ name, mimeType: "application/octet-stream", buffer: pdf });
    const alert = page.getByTestId("error-bar");
    await alert.waitFor({ timeout: 60_000 });
    const text = (await alert.textContent()) ?? "";
    expect(text).toContain(w.notXlsx(name));
    expect(text).not.toMatch(/at \w+ \(|TypeError|undefined|AbortError/);
    await expectPaneLanguage(page, locale, "error banner, not an .xlsx");
    await page.close();
  });
});
