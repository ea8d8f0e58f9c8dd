/**
 * The Consolider view end to end: production build, real Chromium, the pane in file mode without
 * a workbook, the dozen returned workbooks of examples/departement-38 plus a corrupt one, compared
 * with `bilan-iae consolidate --json` run on the same files; in a French and in an English browser (the
 * consolidated workbook itself is the department's French document in both).
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import type { Consolidation, IndicatorKey } from "../../src/core";
import { KEY_INDICATORS } from "../../src/taskpane/components/ConsolidationTotals";
import { BIN, ensureDist } from "../support/dist";
import {
  buildAddin,
  launchChromium,
  ROOT,
  serve,
  type Chromium,
  screenshot,
  browserDescribe,
} from "./harness";
import { expectPaneLanguage, figureIn, indicatorIn, LOCALES, type Locale } from "./locales";

const DEPT = path.join(ROOT, "examples", "departement-38");
const OUT = path.join(ROOT, "test-output", "e2e");
const CORRUPT = "13-fichier-abime.xlsx";

const FR = {
  heading: "Consolider les bilans",
  done: (read: number) => `${read} fichiers consolidés, 1 illisible.`,
  download: "Télécharger la consolidation (.xlsx)",
  /** The corrupt file's message names it and says what to do. */
  corrupt: /«\s13-fichier-abime\.xlsx\s» .*(abîmé|incomplet|tronqué)/,
};
const EN: typeof FR = {
  heading: "Consolidate the reports",
  done: (read: number) => `${read} files consolidated, 1 unreadable.`,
  download: "Download the consolidation (.xlsx)",
  corrupt: /“13-fichier-abime\.xlsx” .*(damaged|incomplete|truncated)/,
};
const WORDS: Record<Locale, typeof FR> = { "fr-FR": FR, "en-US": EN };

const suite = browserDescribe();

suite.each(LOCALES)("Consolider view in file mode (Chromium, %s)", (locale) => {
  const w = WORDS[locale];
  jest.setTimeout(420_000);
  let server: Server;
  let url: string;
  let chromium: Chromium;
  let page: Page;
  let dir: string;
  let examples: string[];
  let cli: Consolidation;

  beforeAll(async () => {
    examples = readdirSync(DEPT)
      .filter((f) => f.endsWith(".xlsx"))
      .sort();
    if (examples.length < 12)
      throw new Error(
        `${DEPT} : ${examples.length} classeurs au lieu de 12 ; générez les exemples avec npm run examples`,
      );
    dir = mkdtempSync(path.join(tmpdir(), "bilan-iae-consolider-"));
    for (const f of examples) copyFileSync(path.join(DEPT, f), path.join(dir, f));
    // A returned file cut short in transit: the zip's end is missing.
    const whole = readFileSync(path.join(DEPT, examples[0]));
    writeFileSync(path.join(dir, CORRUPT), whole.subarray(0, Math.floor(whole.length / 2)));

    ensureDist();
    const run = spawnSync(
      process.execPath,
      [BIN, "consolidate", "--json", ...examples.map((f) => path.join(DEPT, f))],
      { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
    if (run.status !== 0 && run.status !== 1)
      throw new Error(`bilan-iae consolidate a échoué (${run.status}) : ${run.stderr}`);
    cli = JSON.parse(run.stdout) as Consolidation;

    mkdirSync(OUT, { recursive: true });
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

  it("consolidates the dozen returned workbooks with the CLI's totals; the corrupt one shows its error", async () => {
    await page.goto(`${url}taskpane.html?view=consolider`);
    await page.getByRole("heading", { name: w.heading }).waitFor();
    const files = [...examples, CORRUPT].map((f) => path.join(dir, f));
    await page.getByTestId("consolidate-file-input").setInputFiles(files);
    await page.getByText(w.done(examples.length)).waitFor({ timeout: 180_000 });

    const rows = page.getByTestId("returned-file");
    expect(await rows.count()).toBe(examples.length + 1);
    const statuses = await rows.evaluateAll((els) =>
      els.map((e) => [e.querySelector("span")?.textContent ?? "", e.getAttribute("data-status")]),
    );
    expect(statuses.filter(([, s]) => s === "failed").map(([n]) => n)).toEqual([CORRUPT]);
    const corruptRow = rows.filter({ hasText: CORRUPT });
    expect(await corruptRow.getByRole("alert").textContent()).toMatch(w.corrupt);
    // Every bar is full once its file is done or failed.
    expect(
      await page
        .getByRole("progressbar")
        .evaluateAll((els) => els.map((e) => e.getAttribute("aria-valuenow"))),
    ).toEqual(files.map(() => "1"));

    const text = async (testId: string) => (await page.getByTestId(testId).textContent())?.trim();
    const count = (n: number) => figureIn(locale, "count", n);
    expect(await text("total-structures")).toBe(count(cli.total.structures));
    expect(await text("total-reports")).toBe(count(cli.total.reports));
    expect(await text("total-persons")).toBe(count(cli.total.distinctPersons));
    const levels = [
      ...Object.entries(cli.byKind).map(([k, t]) => [k, t] as const),
      ["total", cli.total] as const,
    ];
    for (const [id, t] of levels) {
      const row = page.getByTestId(`kind-${id}`);
      const cell = async (key: string) => (await row.locator(`[data-key="${key}"]`).textContent())?.trim();
      expect(await cell("structures")).toBe(count(t.structures));
      expect(await cell("reports")).toBe(count(t.reports));
      for (const k of KEY_INDICATORS)
        expect([id, k, await cell(k)]).toEqual([
          id,
          k,
          indicatorIn(locale, k as IndicatorKey, t.indicators[k]),
        ]);
    }
    await expectPaneLanguage(page, locale, "Consolider with the department's files");
    if (locale === "fr-FR") await screenshot(page, "consolider.png");
  });

  it("downloads the consolidated workbook: the three sheets, the files received and the unreadable one", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: w.download }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("consolidation.xlsx");
    const saved = path.join(OUT, `consolidation-${locale}.xlsx`);
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Consolidation",
      "Par type",
      "Suivi des envois",
      "Définitions",
    ]);
    expect(wb.getWorksheet("Consolidation")!.actualRowCount).toBe(cli.reports.length + 1);
    const follow = wb.getWorksheet("Suivi des envois")!;
    const headers = (follow.getRow(1).values as unknown[]).slice(1);
    const status = headers.indexOf("Statut") + 1;
    const fileCol = headers.indexOf("Fichier ou envoi") + 1;
    const bad = [];
    for (let r = 2; r <= examples.length + 2; r++)
      if (follow.getCell(r, status).value === "Illisible") bad.push(follow.getCell(r, fileCol).value);
    expect(bad).toEqual([CORRUPT]);
  });
});
