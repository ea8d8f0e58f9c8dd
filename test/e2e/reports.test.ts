/**
 * A workbook that yields several reports, in the file-mode pane (production build, real Chromium, the
 * real-shaped examples): the report picker, one Indicateurs sheet per convention in the annotated copy,
 * and a table's totals row reported as information, not as an error; in a French and in an English browser.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { browserDescribe, buildAddin, launchChromium, ROOT, serve, type Chromium } from "./harness";
import { expectPaneLanguage, LOCALES, plainSpaces, type Locale } from "./locales";

const REELS = path.join(ROOT, "examples", "reels");
const TWO = path.join(REELS, "conventions-sheets.exceljs.xlsx");
const TOTALS = path.join(REELS, "table-totals.exceljs.xlsx");
const OUT = path.join(ROOT, "test-output", "e2e");

interface Truth {
  reports: { kind: string; persons: unknown[] }[];
  findings: { code: string; severity: string; row: number }[];
}
const truthOf = (name: string) =>
  JSON.parse(readFileSync(path.join(ROOT, "examples", "truth", "reels", `${name}.json`), "utf8")) as Truth;

const FR = {
  recheck: "Re-vérifier",
  picker: "Convention affichée",
  tabIndicators: "Indicateurs",
  writeIndicators: "Écrire dans la feuille",
  tabCheck: "Vérifier",
  download: "Télécharger le classeur annoté",
  severity: "Gravité",
  errors: "Erreurs",
  /** « ACI — 0 erreur » */
  reportOption: /^(ACI|EI) — (aucune erreur|1 erreur|\d+ erreurs)$/,
};
const EN: typeof FR = {
  recheck: "Check again",
  picker: "Convention shown",
  tabIndicators: "Indicators",
  writeIndicators: "Write to the sheet",
  tabCheck: "Check",
  download: "Download the annotated workbook",
  severity: "Severity",
  errors: "Errors",
  reportOption: /^(ACI|EI) — (no errors|1 error|\d+ errors)$/,
};
const WORDS: Record<Locale, typeof FR> = { "fr-FR": FR, "en-US": EN };

const suite = browserDescribe();

const indicator = (page: Page, key: string) =>
  page.locator(`[data-indicator="${key}"]`).getAttribute("data-value");

suite.each(LOCALES)("several reports in the file-mode pane (Chromium, %s)", (locale) => {
  const w = WORDS[locale];
  async function open(page: Page, url: string, file: string): Promise<void> {
    await page.goto(`${url}taskpane.html`);
    await page.getByTestId("file-input").setInputFiles(file);
    await page.getByRole("button", { name: w.recheck }).waitFor({ timeout: 60_000 });
  }

  jest.setTimeout(420_000);
  let server: Server;
  let url: string;
  let chromium: Chromium;

  beforeAll(async () => {
    for (const f of [TWO, TOTALS])
      if (!existsSync(f)) throw new Error(`${f} absent : générez le corpus avec npm run examples`);
    mkdirSync(OUT, { recursive: true });
    ({ server, url } = await serve(buildAddin()));
    // The pane's width in Excel.
    chromium = await launchChromium({ locale, viewport: { width: 350, height: 900 } });
  });

  afterAll(async () => {
    await chromium?.close();
    await new Promise((r) => server?.close(r));
  });

  it("two conventions: the picker shows ACI and EI, switching changes the indicators, the annotated copy holds both sheets", async () => {
    const page = await chromium.context.newPage();
    page.on("pageerror", (e) => process.stderr.write(`[page error] ${e.message}\n`));
    await open(page, url, TWO);
    const picker = page.getByRole("combobox", { name: w.picker });
    expect(await picker.textContent()).toMatch(/^ACI — /);
    // It fits the pane: no horizontal scroll at 350 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await picker.click();
    const options = await page.getByRole("option").allTextContents();
    expect(options.map((o) => o.split(" — ")[0])).toEqual(["ACI", "EI"]);
    for (const o of options) expect(plainSpaces(o)).toMatch(w.reportOption);
    await expectPaneLanguage(page, locale, "report picker open");
    await page.keyboard.press("Escape");

    await page.getByRole("tab", { name: w.tabIndicators }).click();
    await page.getByRole("button", { name: w.writeIndicators }).waitFor();
    const truth = truthOf("conventions-sheets");
    const [aci, ei] = ["ACI", "EI"].map((k) => truth.reports.find((r) => r.kind === k)!);
    expect(aci.persons.length).not.toBe(ei.persons.length);
    const aciEmployees = await indicator(page, "employees");
    const inIndicators = page.getByRole("combobox", { name: w.picker });
    await inIndicators.click();
    await page.getByRole("option", { name: /^EI — / }).click();
    await page.waitForFunction(
      (before) =>
        document.querySelector('[data-indicator="employees"]')?.getAttribute("data-value") !== before,
      aciEmployees,
    );
    const eiEmployees = await indicator(page, "employees");
    expect(Number(aciEmployees)).toBeGreaterThan(0);
    expect(Number(eiEmployees)).toBeGreaterThan(0);
    expect(eiEmployees).not.toBe(aciEmployees);

    await page.getByRole("tab", { name: w.tabCheck }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: w.download }).click(),
    ]);
    const file = path.join(OUT, `conventions-sheets-annote-${locale}.xlsx`);
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(["Indicateurs ACI", "Indicateurs EI"]));
    expect(names).not.toContain("Indicateurs");
    await page.close();
  });

  it("an Excel Table's totals row is an information (row-not-person), not an error", async () => {
    const page = await chromium.context.newPage();
    await open(page, url, TOTALS);
    const truth = truthOf("table-totals").findings.find((f) => f.code === "row-not-person")!;
    expect(truth.severity).toBe("info");
    const count = async (id: string) =>
      Number((await page.getByTestId(id).textContent())?.replace(/\D/g, "") ?? NaN);
    expect(await count("count-error")).toBe(0);
    expect(await count("count-info")).toBeGreaterThanOrEqual(1);
    expect(await page.getByRole("combobox", { name: w.picker }).count()).toBe(0);
    const group = page.getByTestId("rule-row-not-person");
    await group.waitFor();
    if ((await group.locator('button[aria-expanded="false"]').count()) > 0)
      await group.locator('button[aria-expanded="false"]').first().click();
    const refs = await group
      .locator("button[data-cell]")
      .evaluateAll((bs) => bs.map((b) => b.getAttribute("data-cell") ?? ""));
    expect(refs.some((r) => new RegExp(`[A-Z]${truth.row}$`).test(r))).toBe(true);
    // Filtering on errors leaves it out.
    await page.getByRole("combobox", { name: w.severity }).click();
    await page.getByRole("option", { name: w.errors }).click();
    expect(await page.getByTestId("rule-row-not-person").count()).toBe(0);
    await page.close();
  });
});
