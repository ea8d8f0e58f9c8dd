/**
 * The Envoyer view end to end: the production build of the pane in file mode in headless Chromium, the real
 * hub as a child process (SQLite file, CORS open to the pane's origin), an example workbook sent for real; in a
 * French and in an English browser.
 */
import { mkdirSync, mkdtempSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { ensureDist } from "../support/dist";
import { cli, lastLine, startHub } from "../flow/hub-process";
import {
  buildAddin,
  launchChromium,
  ROOT,
  serve,
  type Chromium,
  screenshot,
  browserDescribe,
} from "./harness";
import { expectPaneLanguage, LOCALES, type Locale } from "./locales";

const EXAMPLE = path.join(ROOT, "examples", "aci-canonique.xlsx");
const OUT = path.join(ROOT, "test-output", "e2e");
const DEPARTMENT_KEY = "cle-de-test-departement-e2e-envoi";

const FR = {
  recheck: "Re-vérifier",
  tabSend: "Envoyer",
  tabCheck: "Vérifier",
  records: /^\d+ \(clé chiffrée/,
  received: "Bilan reçu par le Département.",
  /** A moment in local time: 07/12/2026 10:42. */
  receivedAt: /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/,
  already: "Déjà reçu",
  download: "Télécharger le classeur annoté",
  /** The Indicateurs sheet's receipt block, written in the pane's language. */
  sendBlock: "Envoi au Département",
  queued: "Le hub départemental est injoignable",
  pending: "Un envoi est en attente",
  resend: "Renvoyer",
};
const EN: typeof FR = {
  recheck: "Check again",
  tabSend: "Send",
  tabCheck: "Check",
  records: /^\d+ \(hashed key/,
  received: "Report received by the department.",
  /** Dec 7, 2026, 10:42 AM */
  receivedAt: /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M$/,
  already: "Already received",
  download: "Download the annotated workbook",
  sendBlock: "Sent to the department",
  queued: "The departmental hub cannot be reached",
  pending: "A send is pending",
  resend: "Resend",
};
const WORDS: Record<Locale, typeof FR> = { "fr-FR": FR, "en-US": EN };

const suite = browserDescribe();

suite.each(LOCALES)("Envoyer view against the real hub (Chromium, file mode, %s)", (locale) => {
  const w = WORDS[locale];
  jest.setTimeout(420_000);
  let server: Server;
  let url: string;
  let chromium: Chromium;
  let page: Page;
  let hub: Awaited<ReturnType<typeof startHub>>;
  let token = "";
  let departmentToken = "";
  let shownId = "";
  let db = "";
  let work = "";

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    ensureDist();
    work = mkdtempSync(path.join(tmpdir(), "bilan-e2e-send-"));
    db = path.join(work, "hub.sqlite");
    const structure = (
      JSON.parse((await cli(["indicators", EXAMPLE, "--json"])).out) as {
        structure: { siret: string; kind: string };
      }[]
    )[0].structure;
    expect(
      (
        await cli([
          "hub",
          "structure",
          "add",
          "--siret",
          structure.siret,
          "--name",
          "Structure e2e",
          "--kind",
          structure.kind,
          "--db",
          db,
        ])
      ).code,
    ).toBe(0);
    token = lastLine((await cli(["hub", "token", "create", "--siret", structure.siret, "--db", db])).out);
    departmentToken = lastLine((await cli(["hub", "token", "create", "--department", "--db", db])).out);

    ({ server, url } = await serve(buildAddin()));
    // The department's IT lists the pane's origin in HUB_CORS_ORIGINS, or the browser blocks the answers.
    hub = await startHub(db, 0, { HUB_CORS_ORIGINS: new URL(url).origin });
    chromium = await launchChromium({ locale });
    page = await chromium.context.newPage();
    page.on("pageerror", (e) => process.stderr.write(`[page error] ${e.message}\n`));
  });

  afterAll(async () => {
    await chromium?.close();
    await new Promise((r) => server?.close(r));
    await hub?.stop();
  });

  it("opens the example, enters the settings, sends and shows the receipt", async () => {
    await page.goto(`${url}taskpane.html`);
    await page.getByTestId("file-input").setInputFiles(EXAMPLE);
    await page.getByRole("button", { name: w.recheck }).waitFor({ timeout: 60_000 });
    await page.getByRole("tab", { name: w.tabSend }).click();
    await page.getByTestId("hub-url").fill(hub.url);
    await page.getByTestId("hub-token").fill(token);
    await page.getByTestId("department-key").fill(DEPARTMENT_KEY);
    expect(await page.getByTestId("preview-records").textContent()).toMatch(w.records);
    await page.getByTestId("send-button").click();

    await page.getByTestId("send-receipt").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("receipt-outcome").textContent()).toBe(w.received);
    shownId = (await page.getByTestId("receipt-id").textContent()) ?? "";
    expect(shownId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.getByTestId("receipt-version").textContent()).toBe("1");
    expect(await page.getByTestId("receipt-at").textContent()).toMatch(w.receivedAt);
    // Once the receipt is written into the workbook the view is idle again.
    await page.locator('[data-testid="send-button"]:not([disabled])').waitFor({ timeout: 60_000 });
    await expectPaneLanguage(page, locale, "Envoyer, receipt");
    if (locale === "fr-FR") await screenshot(page, "envoyer.png");
  });

  it("a second send of the same content is recognised as already received; the hub has one row", async () => {
    await page.getByTestId("send-button").click();
    await page.getByText(w.already, { exact: false }).first().waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("receipt-id").textContent()).toBe(shownId);
    expect(await page.getByTestId("receipt-version").textContent()).toBe("1");

    const res = await fetch(`${hub.url}/api/v1/submissions`, {
      headers: { authorization: `Bearer ${departmentToken}` },
    });
    expect(res.status).toBe(200);
    const rows = ((await res.json()) as { submissions: { id: string }[] }).submissions;
    expect(rows.map((r) => r.id)).toEqual([shownId]);
  });

  it("the settings are remembered after a reload, and the downloaded workbook carries the Envoi block", async () => {
    await page.getByRole("tab", { name: w.tabCheck }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: w.download }).click(),
    ]);
    const file = path.join(OUT, `aci-canonique-envoye-${locale}.xlsx`);
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const texts: string[] = [];
    wb.getWorksheet("Indicateurs")!.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain(w.sendBlock);
    expect(texts).toContain(shownId);
    expect(texts.join(" ")).not.toContain(token);

    await page.reload();
    await page.getByTestId("file-input").setInputFiles(file);
    await page.getByRole("button", { name: w.recheck }).waitFor({ timeout: 60_000 });
    await page.getByRole("tab", { name: w.tabSend }).click();
    expect(await page.getByTestId("hub-url").inputValue()).toBe(hub.url);
    expect(await page.getByTestId("hub-token").inputValue()).toBe(token);
    expect(await page.getByTestId("last-sent").textContent()).toContain(shownId);
  });
  it("hub down: the corrected workbook is queued; after a reload the pane says a send is waiting; Renvoyer delivers version 2 once", async () => {
    const corrected = await withMoreHours(EXAMPLE, path.join(work, "aci-corrige.xlsx"));
    const port = Number(new URL(hub.url).port);
    const cors = { HUB_CORS_ORIGINS: new URL(url).origin };
    await hub.stop();

    await page.reload();
    await page.getByTestId("file-input").setInputFiles(corrected);
    await page.getByRole("button", { name: w.recheck }).waitFor({ timeout: 60_000 });
    await page.getByRole("tab", { name: w.tabSend }).click();
    await page.getByTestId("send-button").click();
    const failure = page.getByTestId("send-failure");
    // The pane retries for up to 30 s before queuing.
    await failure.waitFor({ timeout: 90_000 });
    expect(await failure.getAttribute("data-kind")).toBe("queued");
    expect(await failure.textContent()).toContain(w.queued);
    await expectPaneLanguage(page, locale, "Envoyer, queued");

    await page.reload();
    await page.getByTestId("file-input").setInputFiles(corrected);
    await page.getByRole("button", { name: w.recheck }).waitFor({ timeout: 60_000 });
    await page.getByRole("tab", { name: w.tabSend }).click();
    const pending = page.getByTestId("send-pending");
    await pending.waitFor();
    expect(await pending.textContent()).toContain(w.pending);

    hub = await startHub(db, port, cors);
    await pending.getByRole("button", { name: w.resend }).click();
    await page.getByTestId("send-receipt").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("receipt-version").textContent()).toBe("2");
    await page.locator('[data-testid="send-pending"]').waitFor({ state: "detached" });

    const res = await fetch(`${hub.url}/api/v1/submissions`, {
      headers: { authorization: `Bearer ${departmentToken}` },
    });
    const rows = ((await res.json()) as { submissions: { version: number }[] }).submissions;
    expect(rows.map((r) => r.version).sort()).toEqual([1, 2]);
  });
});

/** A copy of the workbook with 7 more hours for the first person: new content, so the hub files version 2. */
async function withMoreHours(src: string, out: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  let done = false;
  for (const ws of wb.worksheets) {
    ws.eachRow((row, n) => {
      row.eachCell((cell, col) => {
        if (done || typeof cell.value !== "string" || !/heures travaill/i.test(cell.value)) return;
        const target = ws.getRow(n + 1).getCell(col);
        target.value = Number(target.value) + 7;
        done = true;
      });
    });
  }
  if (!done) throw new Error(`colonne « Heures travaillées » introuvable dans ${src}`);
  await wb.xlsx.writeFile(out);
  return out;
}
