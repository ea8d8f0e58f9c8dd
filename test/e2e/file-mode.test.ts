/**
 * The task pane in file mode, end to end: production build, real Chromium, real example workbook,
 * compared with the CLI on the same file and with the example's ground truth (examples/truth/); in a
 * French and in an English browser.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import {
  buildAddin,
  launchChromium,
  ROOT,
  serve,
  type Chromium,
  screenshot,
  browserDescribe,
} from "./harness";
import { expectCliIndicators } from "./figures";
import { expectPaneLanguage, figureIn, LOCALES, type Locale } from "./locales";

const EXAMPLE = path.join(ROOT, "examples", "ei-erreurs.xlsx");
const TRUTH = path.join(ROOT, "examples", "truth", "ei-erreurs.json");
const OUT = path.join(ROOT, "test-output", "e2e");

interface TruthFinding {
  code: string;
  severity: "error" | "warning" | "info";
  row: number;
}

const FR = {
  openWorkbook: "Ouvrir un classeur .xlsx",
  recheck: "Re-vérifier",
  opened: "Classeur ouvert : ei-erreurs.xlsx",
  exitReasonUnknown: "Motif de sortie inconnu",
  selectedCell: "Cellule sélectionnée : ",
  tabIndicators: "Indicateurs",
  writeIndicators: "Écrire dans la feuille",
  tabCheck: "Vérifier",
  download: "Télécharger le classeur annoté",
  /** The note on the unknown exit motif's cell in the annotated copy. */
  motifNote: /motif de sortie/i,
  /** The example's period, 2025-01-01 to 2025-12-31, as the locale writes dates. */
  period: "période du 01/01/2025 au 31/12/2025",
  /** The other language, asked for by the query string. */
  otherLanguage: "en",
  otherOpenWorkbook: "Open an .xlsx workbook",
};
const EN: typeof FR = {
  openWorkbook: "Open an .xlsx workbook",
  recheck: "Check again",
  opened: "Open workbook: ei-erreurs.xlsx",
  exitReasonUnknown: "Unknown exit reason",
  selectedCell: "Selected cell: ",
  tabIndicators: "Indicators",
  writeIndicators: "Write to the sheet",
  tabCheck: "Check",
  download: "Download the annotated workbook",
  motifNote: /exit reason/i,
  period: "period from Jan 1, 2025 to Dec 31, 2025",
  otherLanguage: "fr",
  otherOpenWorkbook: "Ouvrir un classeur .xlsx",
};
const WORDS: Record<Locale, typeof FR> = { "fr-FR": FR, "en-US": EN };

const suite = browserDescribe();

suite.each(LOCALES)("task pane in file mode (Chromium, %s)", (locale) => {
  const w = WORDS[locale];
  /** The guide's screenshots are the French pane's. */
  const shoot = (page: Page, name: string) => (locale === "fr-FR" ? screenshot(page, name) : undefined);
  jest.setTimeout(420_000);
  let server: Server;
  let url: string;
  let chromium: Chromium;
  let page: Page;
  /** The cell of the unknown exit motif, as the pane showed it ("Salariés!X8"). */
  let motifRef = "";

  beforeAll(async () => {
    if (!existsSync(EXAMPLE))
      throw new Error(`${EXAMPLE} absent : générez les exemples avec npm run examples`);
    mkdirSync(OUT, { recursive: true });
    const dir = buildAddin();
    ({ server, url } = await serve(dir));
    chromium = await launchChromium({ locale });
    page = await chromium.context.newPage();
    page.on("pageerror", (e) => process.stderr.write(`[page error] ${e.message}\n`));
  });

  afterAll(async () => {
    await chromium?.close();
    await new Promise((r) => server?.close(r));
  });

  it("renders the file-mode pane (first render printed, not asserted)", async () => {
    const t0 = Date.now();
    await page.goto(`${url}taskpane.html`);
    await page.getByRole("button", { name: w.openWorkbook }).waitFor();
    const wall = Date.now() - t0;
    const inPage = await page.evaluate(
      () => (window as { bilanIaeFirstRenderMs?: number }).bilanIaeFirstRenderMs ?? null,
    );
    process.stdout.write(
      `First render (file mode, local server): ${wall} ms from navigation; ${inPage?.toFixed(0)} ms from script start\n`,
    );
    await expectPaneLanguage(page, locale, "landing");
    await shoot(page, "mode-fichier.png");
  });

  it("opens the example, shows the expected findings and counts, and focuses a clicked finding", async () => {
    await page.getByTestId("file-input").setInputFiles(EXAMPLE);
    await page.getByRole("button", { name: w.recheck }).waitFor({ timeout: 60_000 });
    await expectText(page, "opened-file", w.opened);

    const truth = JSON.parse(readFileSync(TRUTH, "utf8")) as { findings: TruthFinding[] };
    const errors = truth.findings.filter((f) => f.severity === "error").length;
    const warnings = truth.findings.filter((f) => f.severity === "warning").length;
    expect(await badge(page, "count-error")).toBe(errors);
    expect(await badge(page, "count-warning")).toBe(warnings);

    // Open every rule group, then read what the pane lists: rule code and cell of each finding.
    const collapsed = page.locator('[data-testid^="rule-"] button[aria-expanded="false"]');
    while ((await collapsed.count()) > 0) await collapsed.first().click();
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLButtonElement>("button[data-cell]")].map((b) => ({
        code: (b.closest('[data-testid^="rule-"]')?.getAttribute("data-testid") ?? "").slice(5),
        ref: b.getAttribute("data-cell") ?? "",
      })),
    );
    for (const f of truth.findings) {
      const hit = shown.find((s) => s.code === f.code && Number(/(\d+)$/.exec(s.ref)?.[1]) === f.row);
      expect([f.code, f.row, hit !== undefined]).toEqual([f.code, f.row, true]);
    }
    // Rule titles in the pane's language, not codes.
    await page.getByText(w.exitReasonUnknown).first().waitFor();
    await expectPaneLanguage(page, locale, "Vérifier, every rule open");

    // Clicking a finding selects it: marked current, focused, and its cell shown.
    const target = page.locator('[data-testid="rule-exit-reason-unknown"] button[data-cell]').first();
    const ref = (await target.getAttribute("data-cell")) as string;
    motifRef = ref;
    await target.click();
    await expectText(page, "selected-cell", `${w.selectedCell}${ref}`);
    expect(await target.getAttribute("aria-current")).toBe("true");
    expect(await target.evaluate((el) => el === document.activeElement)).toBe(true);
    await shoot(page, "verifier.png");

    // The keyboard reaches the findings too: Down moves to the next one, Enter selects it.
    const first = page.locator('[data-testid="rule-value-invalid"] button[data-cell]').first();
    await first.focus();
    await page.keyboard.press("ArrowDown");
    const second = await page.evaluate(() => document.activeElement?.getAttribute("data-cell") ?? null);
    expect(second).not.toBeNull();
    await page.keyboard.press("Enter");
    await expectText(page, "selected-cell", `${w.selectedCell}${second}`);
  });

  it("shows the same indicators as the CLI for the same file", async () => {
    const cli = path.join(ROOT, "bin", "bilan-iae.js");
    // Exit code 1 says the file has blocking errors (this example has some): the JSON is still printed.
    const run = spawnSync(process.execPath, [cli, "indicators", EXAMPLE, "--json"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (run.status !== 0 && run.status !== 1)
      throw new Error(
        `bilan-iae indicators a échoué (${run.status}) : ${run.stderr} — compilez la CLI avec npm run build:node`,
      );
    const json = run.stdout;
    const parsed = JSON.parse(json) as
      { indicators: Record<string, number | null> }[] | { indicators: Record<string, number | null> };
    const expected = (Array.isArray(parsed) ? parsed[0] : parsed).indicators;

    await expectCliIndicators(page, w, expected);
    // And the text the accountant reads is written the locale's way.
    const employees = await page.locator('[data-indicator="employees"]').textContent();
    expect(employees).toBe(figureIn(locale, "count", expected.employees));
    await page.getByText(w.period).waitFor();
    await expectPaneLanguage(page, locale, "Indicateurs");
    await shoot(page, "indicateurs.png");
  });

  it("downloads the annotated workbook: highlights with notes and the Indicateurs sheet", async () => {
    await page.getByRole("tab", { name: w.tabCheck }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: w.download }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("ei-erreurs-annote.xlsx");
    const file = path.join(OUT, `ei-erreurs-annote-${locale}.xlsx`);
    await download.saveAs(file);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet("Indicateurs")).toBeDefined();
    const indicateurs = wb.getWorksheet("Indicateurs") as ExcelJS.Worksheet;
    const texts: string[] = [];
    indicateurs.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts.some((t) => t.includes("Recyclerie du Grésivaudan"))).toBe(true);
    // The native chart the add-in draws in Excel, on the Indicateurs sheet's own cells.
    const zip = await JSZip.loadAsync(readFileSync(file));
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(1);
    expect(await zip.file(charts[0])!.async("string")).toContain("'Indicateurs'!$A$");

    // Fills: an error cell red, the SIRET warning amber, an untouched header cell not highlighted.
    const people = wb.getWorksheet("Salariés") as ExcelJS.Worksheet;
    expect(motifRef).toMatch(/^Salariés!/);
    const motifCell = people.getCell(motifRef.split("!")[1]);
    expect(fillOf(motifCell)).toBe("FFFFC7CE");
    // The note is worded like the finding in the pane, in its language.
    expect(noteText(motifCell)).toMatch(w.motifNote);
    const structure = wb.getWorksheet("Structure") as ExcelJS.Worksheet;
    expect(fillOf(structure.getCell("B2"))).toBe("FFFFEB9C");
    expect(fillOf(people.getCell("A1"))).not.toBe("FFFFC7CE");
  });

  it("?lang= chooses the other language over the browser's", async () => {
    const other = await chromium.context.newPage();
    await other.goto(`${url}taskpane.html?lang=${w.otherLanguage}`);
    await other.getByRole("button", { name: w.otherOpenWorkbook }).waitFor();
    expect(await other.evaluate(() => document.documentElement.lang)).toBe(w.otherLanguage);
    await other.close();
  });

  it("refuses a file that is not a workbook with a readable message in the pane's language", async () => {
    const fresh = await chromium.context.newPage();
    await fresh.goto(`${url}taskpane.html`);
    await fresh.getByTestId("file-input").setInputFiles({
      name: "faux.xlsx",
      mimeType: "application/octet-stream",
      buffer: Buffer.from("nom;prénom\nDupont;Jean\n"),
    });
    const alert = fresh.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/faux\.xlsx/);
    expect(await alert.textContent()).not.toMatch(/at \w+ \(|TypeError|undefined/);
    await expectPaneLanguage(fresh, locale, "error banner");
    await shoot(fresh, "erreur-fichier.png");
    await fresh.close();
  });
});

async function expectText(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).filter({ hasText: text }).waitFor({ timeout: 10_000 });
}

async function badge(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? "";
  return Number(/\d+/.exec(text)?.[0]);
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill?.type === "pattern" ? fill.fgColor?.argb : undefined;
}

function noteText(cell: ExcelJS.Cell): string {
  const note = cell.note as string | { texts?: { text: string }[] } | undefined;
  if (typeof note === "string") return note;
  return (note?.texts ?? []).map((t) => t.text).join("");
}
