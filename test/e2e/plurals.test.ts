/**
 * Plural forms and thousands as the accountant reads them, for 0, 1, 2 and 29 960 errors: workbooks made
 * from the canonical example where every person row has exactly one error (an unreadable sex), checked in
 * Chromium (350 × 800, file mode) in French (« 0 erreur », « 29 960 erreurs ») and in English.
 */
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { browserDescribe, buildAddin, launchChromium, ROOT, serve, type Chromium } from "./harness";
import { LOCALES, plainSpaces, type Locale } from "./locales";

const CANONICAL = path.join(ROOT, "examples", "aci-canonique.xlsx");
const OUT = path.join(ROOT, "test-output", "e2e");

/** The canonical workbook with `n` person rows, each one with a single blocking error (sex "Z"). */
async function withErrors(n: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(CANONICAL);
  const people = wb.getWorksheet("Salariés");
  if (!people)
    throw new Error(`${CANONICAL} : feuille « Salariés » absente, régénérez les exemples (npm run examples)`);
  const model = (people.getRow(2).values as unknown[]).slice(1);
  people.spliceRows(2, people.rowCount - 1);
  const rows: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    const row = [...model];
    row[0] = String(999_991_000_000 + i); // unique PASS: no duplicate-person finding
    row[1] = `Personne ${i + 1}`;
    row[3] = "Z";
    rows.push(row);
  }
  people.addRows(rows);
  const file = path.join(OUT, `erreurs-${n}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Per error count: the badge, and the Envoyer view's refusal (null: sending is not blocked). */
type Case = [number, string, string | null];

const FR = {
  recheck: "Re-vérifier",
  checked: "Vérifié",
  tabSend: "Envoyer",
  tabCheck: "Vérifier",
  /** The exact characters: a narrow no-break space between thousands, the plural from 2 (0 is singular). */
  cases: [
    [0, "0 erreur", null],
    [1, "1 erreur", "Envoi impossible\u00a0: 1 erreur à corriger."],
    [2, "2 erreurs", "Envoi impossible\u00a0: 2 erreurs à corriger."],
    [29_960, "29\u202f960 erreurs", "Envoi impossible\u00a0: 29\u202f960 erreurs à corriger."],
  ] as Case[],
};
const EN: typeof FR = {
  recheck: "Check again",
  checked: "Checked",
  tabSend: "Send",
  tabCheck: "Check",
  // English: a comma between thousands, the plural for all but 1.
  cases: [
    [0, "0 errors", null],
    [1, "1 error", "Cannot send: 1 error to fix."],
    [2, "2 errors", "Cannot send: 2 errors to fix."],
    [29_960, "29,960 errors", "Cannot send: 29,960 errors to fix."],
  ],
};
const WORDS: Record<Locale, typeof FR> = { "fr-FR": FR, "en-US": EN };

const suite = browserDescribe();

suite.each(LOCALES)("plurals and thousands for 0, 1, 2 and 29 960 errors (Chromium, %s)", (locale) => {
  const w = WORDS[locale];
  jest.setTimeout(420_000);
  let server: Server;
  let url: string;
  let chromium: Chromium;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    ({ server, url } = await serve(buildAddin()));
    chromium = await launchChromium({ locale, viewport: { width: 350, height: 800 } });
    page = await chromium.context.newPage();
    await page.goto(`${url}taskpane.html`);
  });

  afterAll(async () => {
    await chromium?.close();
    await new Promise((r) => server?.close(r));
  });

  for (const [n, count, blocked] of w.cases) {
    it(`${n} ${n > 1 ? "errors" : "error"}: “${plainSpaces(count)}”`, async () => {
      const file = n === 0 ? CANONICAL : await withErrors(n);
      await page.getByTestId("file-input").setInputFiles(file);
      await page
        .getByTestId("opened-file")
        .filter({ hasText: path.basename(file) })
        .waitFor({ timeout: 60_000 });
      await page.getByRole("button", { name: w.recheck }).waitFor({ timeout: 120_000 });
      await page.getByTestId("live-region").filter({ hasText: w.checked }).waitFor({ timeout: 120_000 });
      // The exact characters: a narrow no-break space between thousands, the plural from 2.
      expect(await page.getByTestId("count-error").textContent()).toBe(count);
      const notice = (await page.getByTestId("live-region").textContent()) ?? "";
      expect(notice).toContain(`(${count},`);
      expect(notice).not.toContain("(s)");
      await page.getByRole("tab", { name: w.tabSend }).click();
      if (blocked === null) expect(await page.getByTestId("send-blocked").count()).toBe(0);
      else expect((await page.getByTestId("send-blocked").textContent()) ?? "").toContain(blocked);
      await page.getByRole("tab", { name: w.tabCheck }).click();
    });
  }
});
