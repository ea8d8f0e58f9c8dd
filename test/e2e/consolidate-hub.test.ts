/**
 * The Consolider view in hub mode, end to end: the real hub as a child process (SQLite file,
 * HUB_CORS_ORIGINS set to the pane's origin), examples pushed with the CLI, the pane in Chromium
 * pulling the consolidation and the follow-up list with the department's token; the totals shown
 * equal `bilan-iae consolidate --hub --json`; in a French and in an English browser.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import type { Consolidation, IndicatorKey } from "../../src/core";
import { KEY_INDICATORS } from "../../src/taskpane/components/ConsolidationTotals";
import { cli, lastLine, startHub } from "../flow/hub-process";
import { ensureDist } from "../support/dist";
import { buildAddin, launchChromium, ROOT, serve, type Chromium, browserDescribe } from "./harness";
import { expectPaneLanguage, figureIn, indicatorIn, LOCALES, plainSpaces, type Locale } from "./locales";

const DEPT = path.join(ROOT, "examples", "departement-38");
const PUSHED = [
  "01-aci-chantier-nature-chartreuse.xlsx",
  "06-ai-services-plus-matheysine.xlsx",
  "08-ei-proprete-alpes-insertion.xlsx",
];
/** Registered on the hub but never sent: the follow-up list shows it missing. */
const SILENT = "10-ei-menuiserie-du-vercors.xlsx";
const DEPT_KEY = "cle-de-test-departement-38-e2e";

const FR = {
  sourceHub: "Hub départemental",
  hubUrl: /Adresse du hub/,
  period: /Période/,
  token: /Jeton du Département/,
  fetch: "Récupérer la consolidation",
  refused: /Jeton refusé par le hub \(401\)/,
  notDepartment: /il faut un jeton du Département/,
  followUp: (sent: number, expected: number) =>
    `Suivi des envois : ${sent} reçus sur ${expected} attendus, 1 manquant.`,
};
const EN: typeof FR = {
  sourceHub: "Departmental hub",
  hubUrl: /Hub address/,
  period: /Period/,
  token: /Department token/,
  fetch: "Get the consolidation",
  refused: /The hub refused the token \(401\)/,
  notDepartment: /it takes a department token/,
  followUp: (sent: number, expected: number) =>
    `Follow-up: ${sent} received of ${expected} expected, 1 missing.`,
};
const WORDS: Record<Locale, typeof FR> = { "fr-FR": FR, "en-US": EN };

const suite = browserDescribe();

suite.each(LOCALES)("Consolider view in hub mode (Chromium + hub process, %s)", (locale) => {
  const w = WORDS[locale];
  jest.setTimeout(420_000);
  let server: Server;
  let url: string;
  let chromium: Chromium;
  let page: Page;
  let work: string;
  let hub: Awaited<ReturnType<typeof startHub>>;
  let deptToken = "";
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    ensureDist();
    ({ server, url } = await serve(buildAddin()));
    work = mkdtempSync(path.join(tmpdir(), "bilan-iae-consolider-hub-"));
    const db = path.join(work, "hub.sqlite");
    for (const f of [...PUSHED, SILENT]) {
      const r = await cli(["indicators", path.join(DEPT, f), "--json"]);
      const s = (JSON.parse(r.out) as { structure: { siret: string; kind: string; name: string } }[])[0]
        .structure;
      expect(
        (
          await cli([
            "hub",
            "structure",
            "add",
            "--siret",
            s.siret,
            "--name",
            s.name,
            "--kind",
            s.kind,
            "--db",
            db,
          ])
        ).code,
      ).toBe(0);
      tokens.set(f, lastLine((await cli(["hub", "token", "create", "--siret", s.siret, "--db", db])).out));
    }
    deptToken = lastLine((await cli(["hub", "token", "create", "--department", "--db", db])).out);
    // The pane is served from another origin than the hub: the hub must allow it.
    hub = await startHub(db, 0, { HUB_CORS_ORIGINS: new URL(url).origin });
    for (const f of PUSHED) {
      const r = await cli(["push", path.join(DEPT, f), "--hub", hub.url, "--json"], {
        BILAN_IAE_TOKEN: tokens.get(f)!,
        BILAN_IAE_DEPARTMENT_KEY: DEPT_KEY,
        BILAN_IAE_OUTBOX: path.join(work, "outbox.json"),
      });
      expect({ f, code: r.code, err: r.err }).toEqual({ f, code: 0, err: "" });
    }
    chromium = await launchChromium({ locale });
    page = await chromium.context.newPage();
    page.on("pageerror", (e) => process.stderr.write(`[page error] ${e.message}\n`));
  });

  afterAll(async () => {
    await chromium?.close();
    await hub?.stop();
    await new Promise((r) => server?.close(r));
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("a wrong token, then a structure's token, are refused with messages in the pane's language", async () => {
    await page.goto(`${url}taskpane.html?view=consolider`);
    await page.getByRole("radio", { name: w.sourceHub }).check();
    await page.getByRole("textbox", { name: w.hubUrl }).fill(hub.url);
    await page.getByRole("textbox", { name: w.period }).fill("2025");
    await page.getByLabel(w.token).fill("pas-un-jeton");
    await page.getByRole("button", { name: w.fetch }).click();
    await page.getByTestId("consolidate-error").getByText(w.refused).waitFor({ timeout: 60_000 });
    await expectPaneLanguage(page, locale, "Consolider, token refused");
    await page.getByLabel(w.token).fill(tokens.get(PUSHED[0])!);
    await page.getByRole("button", { name: w.fetch }).click();
    await page.getByTestId("consolidate-error").getByText(w.notDepartment).waitFor({ timeout: 60_000 });
  });

  it("pulls the consolidation and the follow-up list; the totals equal the CLI's from the same hub", async () => {
    await page.getByLabel(w.token).fill(deptToken);
    await page.getByRole("button", { name: w.fetch }).click();
    const followUp = page.getByTestId("follow-up");
    await followUp.waitFor({ timeout: 60_000 });
    expect(plainSpaces(await followUp.textContent())).toBe(w.followUp(PUSHED.length, PUSHED.length + 1));
    await expectPaneLanguage(page, locale, "Consolider from the hub");

    const r = await cli([
      "consolidate",
      "--hub",
      hub.url,
      "--token",
      deptToken,
      "--period",
      "2025",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out) as Consolidation;
    expect(c.reports).toHaveLength(PUSHED.length);
    const text = async (testId: string) => (await page.getByTestId(testId).textContent())?.trim();
    const count = (n: number) => figureIn(locale, "count", n);
    expect(await text("total-structures")).toBe(count(c.total.structures));
    expect(await text("total-reports")).toBe(count(c.total.reports));
    expect(await text("total-persons")).toBe(count(c.total.distinctPersons));
    for (const [id, t] of [...Object.entries(c.byKind), ["total", c.total] as const]) {
      const row = page.getByTestId(`kind-${id}`);
      for (const k of ["structures", "reports", ...KEY_INDICATORS]) {
        const shown = (await row.locator(`[data-key="${k}"]`).textContent())?.trim();
        const expected =
          k === "structures" || k === "reports"
            ? count(t[k])
            : indicatorIn(locale, k as IndicatorKey, t.indicators[k as IndicatorKey]);
        expect([id, k, shown]).toEqual([id, k, expected]);
      }
    }
    // Remembered per user in the browser, for the next visit; never in a workbook.
    const saved = await page.evaluate(() => localStorage.getItem("bilan-iae:consolidate-hub"));
    expect(JSON.parse(saved ?? "{}")).toEqual({ url: hub.url, token: deptToken, period: "2025" });
  });
});
