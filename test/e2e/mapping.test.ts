/**
 * The column-mapping panel end to end: a department layout with a header the engine does not know,
 * mapped by hand in the browser, saved in the workbook (file mode: a hidden sheet) and used on re-check; in a
 * French and in an English browser (field names are the template's French headers in both).
 */
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import ExcelJS from "exceljs";
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

const OUT = path.join(ROOT, "test-output", "e2e");
const UNKNOWN = "Masculin ou féminin";

/** A small invented ACI report whose sex column carries a header no synonym matches. */
async function departmentLayout(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet("Structure");
  s.addRows([
    ["SIRET", "41816609600069"],
    ["Raison sociale", "Chantier des Quatre Saisons"],
    ["Type de structure", "ACI"],
    ["Département", "38"],
    ["Début de période", new Date(Date.UTC(2025, 0, 1))],
    ["Fin de période", new Date(Date.UTC(2025, 11, 31))],
  ]);
  const p = wb.addWorksheet("Salariés");
  p.addRow([
    "N° PASS IAE",
    "Nom",
    "Prénom",
    UNKNOWN,
    "Date de naissance",
    "Résident QPV",
    "Bénéficiaire du RSA",
    "Date d'embauche",
    "Heures travaillées",
    "Date de sortie",
  ]);
  p.addRow([
    "999990000011",
    "Martin",
    "Léa",
    "F",
    new Date(Date.UTC(1990, 4, 12)),
    "Non",
    "Non",
    new Date(Date.UTC(2025, 1, 3)),
    1200,
  ]);
  p.addRow([
    "999990000022",
    "Bernard",
    "Yanis",
    "H",
    new Date(Date.UTC(1985, 8, 30)),
    "Oui",
    "Oui - majoré",
    new Date(Date.UTC(2025, 2, 10)),
    980.5,
  ]);
  await wb.xlsx.writeFile(file);
}

const FR = {
  panel: "Correspondance des colonnes",
  fieldFor: `Champ pour la colonne « ${UNKNOWN} »`,
  save: "Enregistrer la correspondance",
  saved: "Correspondance enregistrée dans le classeur.",
  download: "Télécharger le classeur annoté",
  recheck: "Re-vérifier",
};
const EN: typeof FR = {
  panel: "Column mapping",
  fieldFor: `Field for column “${UNKNOWN}”`,
  save: "Save the mapping",
  saved: "Mapping saved in the workbook.",
  download: "Download the annotated workbook",
  recheck: "Check again",
};
const WORDS: Record<Locale, typeof FR> = { "fr-FR": FR, "en-US": EN };

const suite = browserDescribe();

suite.each(LOCALES)("column mapping in file mode (Chromium, %s)", (locale) => {
  const w = WORDS[locale];
  jest.setTimeout(420_000);
  let server: Server;
  let url: string;
  let chromium: Chromium;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    ({ server, url } = await serve(buildAddin()));
    chromium = await launchChromium({ locale });
  });

  afterAll(async () => {
    await chromium?.close();
    await new Promise((r) => server?.close(r));
  });

  it("lists the unknown header and the missing field, saves the mapping, and the re-check uses it", async () => {
    const file = path.join(OUT, `format-departement-${locale}.xlsx`);
    await departmentLayout(file);
    const page = await chromium.context.newPage();
    await page.goto(`${url}taskpane.html`);
    await page.getByTestId("file-input").setInputFiles(file);
    const panel = page.getByRole("region", { name: w.panel });
    await panel.waitFor({ timeout: 60_000 });
    await panel.getByTestId("missing-fields").getByText("Sexe").waitFor();
    expect(await page.getByTestId("rule-column-missing").count()).toBe(1);
    await expectPaneLanguage(page, locale, "mapping panel");
    if (locale === "fr-FR") await screenshot(page, "correspondance-colonnes.png");

    await panel.getByRole("combobox", { name: w.fieldFor }).click();
    await page.getByRole("option", { name: "Sexe", exact: true }).click();
    await panel.getByRole("button", { name: w.save }).click();

    await page.getByTestId("live-region").getByText(w.saved).waitFor({ timeout: 30_000 });
    expect(await panel.count()).toBe(0);
    expect(await page.getByTestId("rule-column-missing").count()).toBe(0);

    // The mapping travels with the workbook: the annotated copy keeps it for the next opening.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: w.download }).click(),
    ]);
    const annotated = path.join(OUT, `format-departement-annote-${locale}.xlsx`);
    await download.saveAs(annotated);
    const again = await chromium.context.newPage();
    await again.goto(`${url}taskpane.html`);
    await again.getByTestId("file-input").setInputFiles(annotated);
    await again.getByRole("button", { name: w.recheck }).waitFor({ timeout: 60_000 });
    expect(await again.getByRole("region", { name: w.panel }).count()).toBe(0);
    expect(await again.getByTestId("rule-column-missing").count()).toBe(0);
    await again.close();
    await page.close();
  });
});
