/**
 * The Consolider view in hub mode, end to end: the real hub as a child process (SQLite file,
 * HUB_CORS_ORIGINS set to the pane's origin), examples pushed with the CLI, the pane in Chromium
 * pulling the consolidation and the follow-up list with the department's token; the totals shown
 * equal `bilan-iae consolidate --hub --json`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { formatIndicator, formatNumber, type Consolidation, type IndicatorKey } from "../../src/core";
import { KEY_INDICATORS } from "../../src/taskpane/components/ConsolidationTotals";
import { cli, lastLine, startHub } from "../flow/hub-process";
import { ensureDist } from "../support/dist";
import { buildAddin, launchChromium, ROOT, serve, type Chromium, browserDescribe } from "./harness";

const DEPT = path.join(ROOT, "examples", "departement-38");
const PUSHED = [
  "01-aci-chantier-nature-chartreuse.xlsx",
  "06-ai-services-plus-matheysine.xlsx",
  "08-ei-proprete-alpes-insertion.xlsx",
];
/** Registered on the hub but never sent: the follow-up list shows it missing. */
const SILENT = "10-ei-menuiserie-du-vercors.xlsx";
const DEPT_KEY = "cle-de-test-departement-38-e2e";

const suite = browserDescribe();

suite("Consolider view in hub mode (Chromium + hub process)", () => {
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
    chromium = await launchChromium();
    page = await chromium.context.newPage();
    page.on("pageerror", (e) => process.stderr.write(`[page error] ${e.message}\n`));
  });

  afterAll(async () => {
    await chromium?.close();
    await hub?.stop();
    await new Promise((r) => server?.close(r));
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("a wrong token, then a structure's token, are refused with French messages", async () => {
    await page.goto(`${url}taskpane.html?view=consolider`);
    await page.getByRole("radio", { name: "Hub départemental" }).check();
    await page.getByRole("textbox", { name: /Adresse du hub/ }).fill(hub.url);
    await page.getByRole("textbox", { name: /Période/ }).fill("2025");
    await page.getByLabel(/Jeton du Département/).fill("pas-un-jeton");
    await page.getByRole("button", { name: "Récupérer la consolidation" }).click();
    await page
      .getByTestId("consolidate-error")
      .getByText(/Jeton refusé par le hub \(401\)/)
      .waitFor({ timeout: 60_000 });
    await page.getByLabel(/Jeton du Département/).fill(tokens.get(PUSHED[0])!);
    await page.getByRole("button", { name: "Récupérer la consolidation" }).click();
    await page
      .getByTestId("consolidate-error")
      .getByText(/il faut un jeton du Département/)
      .waitFor({ timeout: 60_000 });
  });

  it("pulls the consolidation and the follow-up list; the totals equal the CLI's from the same hub", async () => {
    await page.getByLabel(/Jeton du Département/).fill(deptToken);
    await page.getByRole("button", { name: "Récupérer la consolidation" }).click();
    const followUp = page.getByTestId("follow-up");
    await followUp.waitFor({ timeout: 60_000 });
    expect((await followUp.textContent())?.replace(/[\u00a0\u202f]/g, " ")).toBe(
      `Suivi des envois : ${PUSHED.length} reçus sur ${PUSHED.length + 1} attendus, 1 manquant.`,
    );

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
    expect(await text("total-structures")).toBe(formatNumber(c.total.structures));
    expect(await text("total-reports")).toBe(formatNumber(c.total.reports));
    expect(await text("total-persons")).toBe(formatNumber(c.total.distinctPersons));
    for (const [id, t] of [...Object.entries(c.byKind), ["total", c.total] as const]) {
      const row = page.getByTestId(`kind-${id}`);
      for (const k of ["structures", "reports", ...KEY_INDICATORS]) {
        const shown = (await row.locator(`[data-key="${k}"]`).textContent())?.trim();
        const expected =
          k === "structures" || k === "reports"
            ? formatNumber(t[k])
            : formatIndicator(k as IndicatorKey, t.indicators[k as IndicatorKey]);
        expect([id, k, shown]).toEqual([id, k, expected]);
      }
    }
    // Remembered per user in the browser, for the next visit; never in a workbook.
    const saved = await page.evaluate(() => localStorage.getItem("bilan-iae:consolidate-hub"));
    expect(JSON.parse(saved ?? "{}")).toEqual({ url: hub.url, token: deptToken, period: "2025" });
  });
});
