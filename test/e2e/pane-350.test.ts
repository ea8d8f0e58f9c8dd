/**
 * The pane as Excel shows it: 350 × 800, in French (fr-FR) and in English (en-US) browsers, file mode.
 * Every view is opened and checked for horizontal overflow (the page never scrolls sideways; nothing is
 * wider than its scroll box unless that box scrolls and is focusable), in the browser's language, and
 * the pane is driven by the keyboard alone.
 */
import { frenchLeaks } from "./french-leaks";
import { plainSpaces as plain } from "./locales";
import { mkdirSync, readdirSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { axeViolations, expectNoAxeViolations } from "./axe";
import { browserDescribe, buildAddin, launchChromium, ROOT, serve, type Chromium } from "./harness";

const EXAMPLES = path.join(ROOT, "examples");
const ERRORS = path.join(EXAMPLES, "ei-erreurs.xlsx");
const CANONICAL = path.join(EXAMPLES, "aci-canonique.xlsx");
const DEPARTMENT = path.join(EXAMPLES, "departement-38");
const OUT = path.join(ROOT, "test-output", "e2e");
const VIEWPORT = { width: 350, height: 800 };

/** What overflows sideways: the page itself, or an element past the right edge of its scroll box. */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth)
      problems.push(`page: scrollWidth ${root.scrollWidth} > ${window.innerWidth}`);
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.getAttribute("data-testid") ? `[${el.getAttribute("data-testid")}]` : ""}.${(el.getAttribute("class") ?? "").split(" ")[0]} “${(el.textContent ?? "").trim().slice(0, 40)}”`;
    for (const el of document.querySelectorAll("#container *")) {
      const style = getComputedStyle(el);
      if (style.position === "fixed" || style.visibility === "hidden") continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // The nearest ancestor that clips or scrolls sideways, else the viewport.
      let box: HTMLElement | null = el.parentElement;
      while (box && box !== document.body && getComputedStyle(box).overflowX === "visible")
        box = box.parentElement;
      const boxed = box !== null && box !== document.body;
      const right = boxed ? box!.getBoundingClientRect().right : window.innerWidth;
      if (r.right <= right + 1) continue;
      if (boxed) {
        const s = getComputedStyle(box!);
        const scrolls =
          (s.overflowX === "auto" || s.overflowX === "scroll") && box!.scrollWidth > box!.clientWidth;
        if (scrolls && box!.tabIndex >= 0) continue; // a focusable scroll region: keyboard users can scroll it
        if (!scrolls && s.overflowX !== "visible") continue; // clipped on purpose (ellipsis)
      }
      problems.push(`${describe(el)} right ${Math.round(r.right)} > ${Math.round(right)}`);
    }
    return problems;
  });
}

/** Fails with the list of what overflows, named by view. */
async function expectNoOverflow(page: Page, view: string): Promise<void> {
  expect([view, await overflow(page)]).toEqual([view, []]);
}

/** Tabster moves focus in its own tick: the answer once it has settled (at most 2 s). */
async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 20; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** A department layout the engine cannot map alone: the sex column has a header no synonym matches. */
async function unknownHeaderWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Structure").addRows([
    ["SIRET", "41816609600069"],
    ["Raison sociale", "Chantier des Quatre Saisons"],
    ["Type de structure", "ACI"],
    ["Début de période", new Date(Date.UTC(2025, 0, 1))],
    ["Fin de période", new Date(Date.UTC(2025, 11, 31))],
  ]);
  const p = wb.addWorksheet("Salariés");
  p.addRow([
    "N° PASS IAE",
    "Nom",
    "Prénom",
    "Masculin ou féminin",
    "Date de naissance",
    "Date d'embauche",
    "Heures travaillées",
  ]);
  p.addRow([
    "999990000011",
    "Martin",
    "Léa",
    "F",
    new Date(Date.UTC(1990, 4, 12)),
    new Date(Date.UTC(2025, 1, 3)),
    1200,
  ]);
  await wb.xlsx.writeFile(file);
}

const suite = browserDescribe();

for (const locale of ["fr-FR", "en-US"] as const) {
  const fr = locale === "fr-FR";
  /** No sideways overflow; in English, no line of the pane's own text left in French. */
  const expectView = async (page: Page, view: string) => {
    await expectNoOverflow(page, view);
    if (!fr) expect([view, await frenchLeaks(page)]).toEqual([view, []]);
  };
  suite(`the pane at 350 × 800, browser in ${locale} (Chromium)`, () => {
    jest.setTimeout(420_000);
    let server: Server;
    let url: string;
    let chromium: Chromium;
    let page: Page;

    beforeAll(async () => {
      mkdirSync(OUT, { recursive: true });
      ({ server, url } = await serve(buildAddin()));
      chromium = await launchChromium({ locale, viewport: VIEWPORT });
      page = await chromium.context.newPage();
    });

    afterAll(async () => {
      await chromium?.close();
      await new Promise((r) => server?.close(r));
    });

    it("landing page: in the browser's language, html lang follows, the links on lines of their own", async () => {
      await page.goto(`${url}taskpane.html`);
      await page
        .getByRole("button", { name: fr ? "Ouvrir un classeur .xlsx" : "Open an .xlsx workbook" })
        .waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(fr ? "fr" : "en");
      const links = await page.getByRole("listitem").allInnerTexts();
      expect(links).toEqual(
        fr
          ? ["Département : Consolider les bilans reçus", "Aide : comment ça marche ?"].map((s) =>
              s.replace(" :", "\u00a0:").replace(" ?", "\u202f?"),
            )
          : ["Department: Consolidate the returned reports", "Help: how does it work?"],
      );
      await expectView(page, "landing");
      await expectNoAxeViolations(page, "landing");
      // The probe itself sees an element wider than the pane (so a pass above means something).
      await page.evaluate(() => {
        const wide = document.createElement("div");
        wide.id = "probe-wide";
        wide.style.width = "600px";
        wide.textContent = "large";
        document.getElementById("container")!.firstElementChild!.appendChild(wide);
      });
      expect((await overflow(page)).length).toBeGreaterThan(0);
      await page.evaluate(() => document.getElementById("probe-wide")!.remove());
      // And axe sees a field without a label (so a clean run above means something).
      await page.evaluate(() => {
        const bare = document.createElement("input");
        bare.id = "probe-unlabelled";
        document.getElementById("container")!.firstElementChild!.appendChild(bare);
      });
      expect((await axeViolations(page)).some((v) => v.startsWith("label: #probe-unlabelled"))).toBe(true);
      await page.evaluate(() => document.getElementById("probe-unlabelled")!.remove());
      // And, in English, the French detector sees a French sentence, but not the same words marked as the workbook's.
      if (fr) return;
      await page.evaluate(() => {
        const container = document.getElementById("container")!.firstElementChild!;
        for (const [id, lang] of [
          ["probe-french", null],
          ["probe-workbook", "fr"],
        ]) {
          const p = document.createElement("p");
          p.id = id!;
          if (lang) p.lang = lang;
          p.textContent = `Aucune erreur dans la feuille ${id}`;
          container.appendChild(p);
        }
      });
      expect(await frenchLeaks(page)).toEqual(["Aucune erreur dans la feuille probe-french"]);
      await page.evaluate(() =>
        ["probe-french", "probe-workbook"].forEach((id) => document.getElementById(id)!.remove()),
      );
    });

    it("Vérifier with each example: counts and findings in the browser's language, no overflow", async () => {
      for (const file of [ERRORS, CANONICAL]) {
        await page.getByTestId("file-input").setInputFiles(file);
        await page
          .getByRole("button", { name: fr ? "Re-vérifier" : "Check again" })
          .waitFor({ timeout: 60_000 });
        await page
          .getByTestId("opened-file")
          .filter({ hasText: path.basename(file) })
          .waitFor();
        // Focus is on the opened file's line, never on the body.
        expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
          "opened-file",
        );
        // The notice of the new file comes when its check ends, which may be after its name shows.
        await page
          .getByTestId("live-region")
          .filter({ hasText: fr ? "Vérifié" : "Checked" })
          .waitFor({ timeout: 60_000 });
        const notice = plain(await page.getByTestId("live-region").textContent());
        if (fr) expect(notice).toMatch(/^Vérifié : (aucun problème|1 problème|\d[\d ]* problèmes) \(/);
        else expect(notice).toMatch(/^Checked: (no problem|1 problem|[\d,]+ problems) \(/);
        expect(notice).not.toMatch(/\(s\)/);
        await expectView(page, `Vérifier ${path.basename(file)}`);
        await expectNoAxeViolations(page, `Vérifier ${path.basename(file)}`);
      }
      // The canonical example has no finding at all: French says "aucun problème", English "no problem".
      expect(plain(await page.getByTestId("live-region").textContent())).toContain(
        fr
          ? "aucun problème (0 erreur, 0 avertissement, 0 information)"
          : "no problem (0 errors, 0 warnings, 0 information)",
      );

      await page.getByTestId("file-input").setInputFiles(ERRORS);
      await page.getByTestId("opened-file").filter({ hasText: "ei-erreurs.xlsx" }).waitFor();
      await page
        .getByRole("button", { name: fr ? "Re-vérifier" : "Check again" })
        .waitFor({ timeout: 60_000 });
      const header = page.locator('[data-testid="rule-exit-reason-unknown"] button[aria-expanded]').first();
      if ((await header.getAttribute("aria-expanded")) === "false") await header.click();
      const finding = page.locator('[data-testid="rule-exit-reason-unknown"] button[data-cell]').first();
      const text = await finding.innerText();
      if (fr) expect(text).toMatch(/motif/i);
      else {
        expect(text).toContain("is not in the list");
        expect(text).not.toMatch(/[éèà]|motif|Choisissez/i);
      }
      // Clicking a finding low in the list keeps "Cellule sélectionnée" in sight.
      const last = page.locator("button[data-cell]").last();
      await last.click();
      const selected = page.getByTestId("selected-cell");
      await selected.waitFor();
      const box = await selected.boundingBox();
      expect(box !== null && box.y >= 0 && box.y + box.height <= VIEWPORT.height).toBe(true);
      await expectView(page, "Vérifier, finding selected");
      await expectNoAxeViolations(page, "Vérifier, finding selected");
    });

    it("the mapping panel fits and closes without saving", async () => {
      const file = path.join(OUT, `entete-inconnue-${locale}.xlsx`);
      await unknownHeaderWorkbook(file);
      await page.getByTestId("file-input").setInputFiles(file);
      const panel = page.getByRole("region", { name: fr ? "Correspondance des colonnes" : "Column mapping" });
      await panel.waitFor({ timeout: 60_000 });
      await expectView(page, "mapping panel");
      await expectNoAxeViolations(page, "mapping panel");
      await panel
        .getByRole("button", { name: fr ? "Fermer sans enregistrer" : "Close without saving" })
        .click();
      await panel.waitFor({ state: "detached" });
      expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
    });

    it("Indicateurs says the figures are provisional; Envoyer blocked and ready; Aide — all fit", async () => {
      await page.getByTestId("file-input").setInputFiles(ERRORS);
      await page.getByTestId("opened-file").filter({ hasText: "ei-erreurs.xlsx" }).waitFor();
      await page
        .getByRole("button", { name: fr ? "Re-vérifier" : "Check again" })
        .waitFor({ timeout: 60_000 });
      // The five tabs are all on screen (no sideways scroll to reach Aide).
      const tabs = page.getByRole("tab");
      expect(await tabs.count()).toBe(5);
      for (const tab of await tabs.all()) {
        const b = await tab.boundingBox();
        expect(b !== null && b.x >= 0 && b.x + b.width <= VIEWPORT.width).toBe(true);
      }
      await page.getByRole("tab", { name: fr ? "Indicateurs" : "Indicators" }).click();
      const banner = page.getByTestId("indicators-not-final");
      await banner.waitFor();
      expect(plain(await banner.textContent())).toMatch(
        fr
          ? /^Chiffres provisoires : \d+ erreurs bloquantes restent à corriger/
          : /^Provisional figures: \d+ blocking errors remain to fix/,
      );
      await expectView(page, "Indicateurs");
      await expectNoAxeViolations(page, "Indicateurs");
      if (!fr) {
        // English dates and numbers: "Jan 1, 2025", a decimal point.
        expect(await page.locator("p", { hasText: "period from" }).first().innerText()).toMatch(
          /period from [A-Z][a-z]{2} \d{1,2}, \d{4} to /,
        );
        expect(await page.locator('[data-indicator="fte"]').innerText()).toMatch(/^\d+\.\d{2}$/);
      }

      await page.getByRole("tab", { name: fr ? "Envoyer" : "Send" }).click();
      const blocked = page.getByTestId("send-blocked");
      await blocked.waitFor();
      const blockedText = plain(await blocked.innerText());
      expect(blockedText).toMatch(
        fr
          ? /Envoi impossible : \d+ erreurs à corriger\.\s+Corrigez/
          : /Cannot send: \d+ errors to fix\.\s+Fix/,
      );
      await expectView(page, "Envoyer, blocked");
      await expectNoAxeViolations(page, "Envoyer, blocked");

      await page.getByTestId("file-input").setInputFiles(CANONICAL);
      await page.getByTestId("opened-file").filter({ hasText: "aci-canonique.xlsx" }).waitFor();
      // Its check over (the canonical file has no problem) before the view is judged.
      await page
        .getByTestId("live-region")
        .filter({ hasText: fr ? "aucun problème" : "no problem" })
        .waitFor({ timeout: 60_000 });
      await page.getByRole("tab", { name: fr ? "Envoyer" : "Send" }).click();
      await page
        .getByRole("button", { name: fr ? "Enregistrer les réglages" : "Save settings" })
        .waitFor({ timeout: 60_000 });
      await expectView(page, "Envoyer, ready");
      await expectNoAxeViolations(page, "Envoyer, ready");

      await page.getByRole("tab", { name: fr ? "Aide" : "Help" }).click();
      await page.getByRole("heading").nth(1).waitFor();
      await expectView(page, "Aide");
      await expectNoAxeViolations(page, "Aide");
    });

    it("Consolider with the department's files: the per-type table scrolls in a focusable region, the ETP never cut", async () => {
      await page.getByRole("tab", { name: fr ? "Consolider" : "Consolidate" }).click();
      const files = readdirSync(DEPARTMENT)
        .filter((f) => f.endsWith(".xlsx"))
        .map((f) => path.join(DEPARTMENT, f));
      await page.getByTestId("consolidate-file-input").setInputFiles(files);
      await page.getByTestId("consolidation-totals").waitFor({ timeout: 180_000 });
      await page.getByTestId("consolidate-notice").waitFor({ timeout: 180_000 });
      const region = page.getByRole("region", {
        name: fr ? "Totaux par type de structure" : "Totals by kind of structure",
      });
      expect(await region.getAttribute("tabindex")).toBe("0");
      expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      const fte = page.locator('[data-testid="kind-total"] [data-key="fte"]');
      expect(await fte.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      expect(await fte.innerText()).toMatch(fr ? /^\d[\d\u202f\u00a0]*,\d{2}$/ : /^[\d,]+\.\d{2}$/);
      const pageText = await page.locator("#container").innerText();
      expect(pageText).not.toMatch(/bilan-iae --config|HUB_CORS_ORIGINS|« Valide »|\(s\)/);
      await expectView(page, "Consolider");
      await expectNoAxeViolations(page, "Consolider");
    });

    it("an error banner fits, its title and text apart, and closing it leaves focus on the heading", async () => {
      const fresh = await chromium.context.newPage();
      await fresh.goto(`${url}taskpane.html`);
      await fresh.getByTestId("file-input").setInputFiles({
        name: "faux.xlsx",
        mimeType: "application/octet-stream",
        buffer: Buffer.from("nom;prénom\n"),
      });
      const alert = fresh.getByRole("alert");
      await alert.waitFor();
      const text = plain(await alert.innerText());
      expect(text).toMatch(fr ? /^Problème\s+\S/ : /^Problem\s+\S/);
      expect(text).toContain(fr ? "faux.xlsx" : "“faux.xlsx”");
      if (!fr) expect(text).not.toMatch(/fichier|classeur|Enregistrez/);
      await expectView(fresh, "error banner");
      await expectNoAxeViolations(fresh, "error banner");
      await alert.getByRole("button", { name: fr ? "Fermer" : "Close" }).click();
      await alert.waitFor({ state: "detached" });
      expect(await fresh.evaluate(() => document.activeElement?.tagName)).toBe("H1");
      await fresh.close();
    });
  });
}

suite("the pane driven by the keyboard alone (Chromium, 350 × 800)", () => {
  jest.setTimeout(420_000);
  let server: Server;
  let url: string;
  let chromium: Chromium;

  beforeAll(async () => {
    ({ server, url } = await serve(buildAddin()));
    chromium = await launchChromium({ viewport: VIEWPORT });
  });

  afterAll(async () => {
    await chromium?.close();
    await new Promise((r) => server?.close(r));
  });

  const active = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return {
        tag: el?.tagName ?? "",
        text: (el?.innerText ?? "").trim().slice(0, 60),
        cell: el?.getAttribute("data-cell") ?? null,
        role: el?.getAttribute("role") ?? null,
      };
    });

  it("opens a file, reaches every control, the findings list is one Tab stop with arrows inside, focus always visible and never on the body", async () => {
    const page = await chromium.context.newPage();
    await page.goto(`${url}taskpane.html`);
    await page.getByRole("button", { name: "Ouvrir un classeur .xlsx" }).waitFor();

    // The links of the landing page show an outline when focused.
    let guard = 0;
    while (
      (await active(page)).text !==
        "Aide : comment ça marche ?".replace(" :", "\u00a0:").replace(" ?", "\u202f?") &&
      guard++ < 10
    )
      await page.keyboard.press("Tab");
    expect(guard).toBeLessThan(10);
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe(
      "none",
    );

    // Open the example from the keyboard: Shift+Tab back to the picker button, Enter opens the file chooser.
    guard = 0;
    while ((await active(page)).text !== "Ouvrir un classeur .xlsx" && guard++ < 10)
      await page.keyboard.press("Shift+Tab");
    expect([guard, await active(page)]).toEqual([
      expect.any(Number),
      expect.objectContaining({ tag: "BUTTON", text: "Ouvrir un classeur .xlsx" }),
    ]);
    // On a loaded machine the first Enter may land while a lazy chunk is still being evaluated: one more
    // Enter on the same focused button, never a click (the test is about the keyboard).
    const first = page.waitForEvent("filechooser", { timeout: 20_000 });
    await page.keyboard.press("Enter");
    let chooser = await first.catch(() => null);
    if (!chooser) {
      expect((await active(page)).text).toBe("Ouvrir un classeur .xlsx");
      const again = page.waitForEvent("filechooser", { timeout: 30_000 });
      await page.keyboard.press("Enter");
      chooser = await again;
    }
    await chooser.setFiles(ERRORS);
    await page.getByRole("button", { name: "Re-vérifier" }).waitFor({ timeout: 60_000 });
    expect((await active(page)).tag).not.toBe("BODY");

    // Tab from the severity filter: the next stop is inside the findings list, the one after is past it.
    await page.getByRole("combobox", { name: "Gravité" }).focus();
    await page.keyboard.press("Tab");
    const inList = () =>
      page.evaluate(() =>
        document.querySelector('[data-testid="findings-list"]')!.contains(document.activeElement),
      );
    expect(await inList()).toBe(true);
    const stops: string[] = [];
    for (let i = 0; i < 40 && (await inList()); i++) {
      await page.keyboard.press("ArrowDown");
      const a = await active(page);
      stops.push(a.cell ?? a.text);
      if (a.cell) break;
    }
    const onFinding = await active(page);
    expect(onFinding.cell).not.toBeNull();
    await page.keyboard.press("Enter");
    await page.getByTestId("selected-cell").filter({ hasText: onFinding.cell! }).waitFor();
    expect(
      await page.evaluate(
        () =>
          getComputedStyle(document.activeElement!).outlineStyle !== "none" ||
          getComputedStyle(document.activeElement!, "::after").outlineStyle !== "none",
      ),
    ).toBe(true);
    // From a finding deep in the list, one Shift+Tab reaches the severity filter, and one Tab from a
    // finding leaves the list: the list, headers and findings together, is a single Tab stop.
    await page.keyboard.press("Shift+Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("combobox");
    await page.keyboard.press("Tab");
    expect(await eventually(inList)).toBe(true);
    await page.keyboard.press("Tab");
    expect(await eventually(async () => !(await inList()))).toBe(true);

    // The tabs: reachable, switched with the arrow keys and Enter.
    await page.getByRole("tab", { name: "Vérifier" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Écrire dans la feuille" }).waitFor();
    expect(await page.getByRole("tab", { name: "Indicateurs" }).getAttribute("aria-selected")).toBe("true");
    await page.close();
  });
});
