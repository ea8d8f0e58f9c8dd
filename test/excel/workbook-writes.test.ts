import { analyzeOne } from "../support/analyze-one";
import { DEFAULT_CONFIG, INDICATOR_LABELS, type WorkbookData } from "../../src/core";
import { canonicalTemplate } from "../../src/core/template/canonical-template";
import { UserError } from "../../src/core/errors/user-error";
import { FakeExcel } from "./fake-excel";
import { workbookOn } from "./helpers";

/** A small canonical workbook (invented people), put in the fake as Excel would hold it (dates as serials). */
function canonicalFake(): FakeExcel {
  const fake = new FakeExcel();
  fake.model.addSheet("Structure").put(0, 0, [
    ["SIRET", "12345678900011"],
    ["Raison sociale", "Atelier du Lac"],
    ["Type de structure", "ACI"],
    ["Département", "38"],
    ["Début de période", 45658], // 01/01/2025
    ["Fin de période", 46022], // 31/12/2025
  ]);
  fake.model.addSheet("Salariés").put(0, 0, [
    [
      "N° PASS IAE",
      "Nom",
      "Prénom",
      "Sexe",
      "Date de naissance",
      "Résident QPV",
      "Bénéficiaire du RSA",
      "Date d'embauche",
      "Heures travaillées",
      "Date de sortie",
      "Motif de sortie",
    ],
    ["999990000001", "Martin", "Léa", "F", 32874, "Oui", "Oui - majoré", 45300, 1200, "", ""],
    ["999990000002", "Petit", "Hugo", "H", 35000, "Non", "Non", 45400, 800, "", ""],
    ["999990000003", "Durand", "Emma", "F", 30000, "Non", "Non", 45500, 600, "", ""],
    ["999990000004", "Simon", "Adam", "X", 31000, "Non", "Non", 45500, 300, "", ""],
  ]);
  return fake;
}

async function analysisOf(fake: FakeExcel) {
  const data: WorkbookData = await workbookOn(fake).read();
  return analyzeOne(data);
}

test("select activates the other sheet and selects the cell, in one sync", async () => {
  const fake = canonicalFake();
  fake.model.activeSheet = "Structure";
  await workbookOn(fake).select("Salariés", "$d$5");
  expect(fake.model.activeSheet).toBe("Salariés");
  expect(fake.model.selection).toEqual({ sheet: "Salariés", address: "D5" });
  expect(fake.syncCount).toBe(1);
  const missing = await workbookOn(fake)
    .select("Ancienne feuille", "A1")
    .catch((e: unknown) => e);
  expect(missing).toBeInstanceOf(UserError);
  expect((missing as UserError).code).toBe("office.ItemNotFound");
  expect((missing as Error).message).toContain("Excel ne trouve pas la feuille ou la cellule demandée");
});

test("the column mapping is saved in a very hidden sheet, read back, and left out of the data; null forgets it", async () => {
  const fake = canonicalFake();
  const wb = workbookOn(fake);
  expect(await wb.loadMapping()).toBeNull();
  const mapping = {
    sheet: "Suivi 2025",
    headerRow: 3,
    columns: { "Genre ": "sex" as const, Remarques: null },
  };
  await wb.saveMapping(mapping);
  const sheet = fake.model.sheet("BilanIAE_correspondance");
  expect(sheet.visibility).toBe("VeryHidden");
  expect(sheet.values[0]?.[0]).toBe("bilan-iae-mapping-v1");
  expect(JSON.parse(String(sheet.values[1]?.[0]))).toEqual(mapping);
  expect(await workbookOn(fake).loadMapping()).toEqual(mapping);
  expect((await workbookOn(fake).read()).sheets.map((s) => s.name)).not.toContain("BilanIAE_correspondance");
  await wb.saveMapping({ headerRow: 2 }); // overwrite in place
  expect(await wb.loadMapping()).toEqual({ headerRow: 2 });
  await wb.saveMapping(null);
  expect(fake.model.sheets.map((s) => s.name)).not.toContain("BilanIAE_correspondance");
  await wb.saveMapping(null); // nothing saved: no error
  expect(await wb.loadMapping()).toBeNull();
});

test("a mapping from an older version (workbook.settings) is still read, filtered, and moved to the sheet on save", async () => {
  const fake = new FakeExcel();
  const wb = workbookOn(fake);
  fake.model.settings.set(
    "BilanIAE.correspondance",
    '{"columns":{"A":"notAField","B":"hireDate"},"headerRow":-2}',
  );
  expect(await wb.loadMapping()).toEqual({ columns: { B: "hireDate" } });
  fake.model.settings.set("BilanIAE.correspondance", "{pas du json");
  expect(await wb.loadMapping()).toBeNull();
  fake.model.settings.set("BilanIAE.correspondance", '{"headerRow":4}');
  await wb.saveMapping({ headerRow: 5 });
  expect(fake.model.settings.has("BilanIAE.correspondance")).toBe(false);
  expect(await wb.loadMapping()).toEqual({ headerRow: 5 });
});

test("writeIndicators creates the Indicateurs sheet: header, French labels, % formats, chart with targets", async () => {
  const fake = canonicalFake();
  const analysis = await analysisOf(fake);
  fake.resetCounters();
  await workbookOn(fake).writeIndicators([analysis], {
    generatedAt: new Date(2026, 0, 15, 9, 5),
    language: "fr",
  });
  expect(fake.syncCount).toBeLessThanOrEqual(3);
  const sheet = fake.model.sheet("Indicateurs");
  const rows = sheet.values.map((r) => r.map((v) => v ?? ""));
  const find = (label: string) => rows.findIndex((r) => r[0] === label);
  expect(rows[0][0]).toBe("Bilan IAE — Indicateurs");
  expect(rows[find("Structure")][1]).toBe("Atelier du Lac");
  expect(rows[find("SIRET")][1]).toBe("12345678900011"); // stays text (format "@" written before the value)
  expect(rows[find("Département")][1]).toBe("38");
  expect(rows[find("Période")][1]).toBe("01/01/2025 – 31/12/2025");
  expect(rows[find("Calculé le")][1]).toBe("15/01/2026 09:05");
  expect(rows[find("Version des règles")][1]).toBe(DEFAULT_CONFIG.rulesVersion);

  // 4 employees with hours, 2 women (hand count of the fixture above).
  const women = find(INDICATOR_LABELS.shareWomen.fr);
  expect(rows[find(INDICATOR_LABELS.employees.fr)][1]).toBe(4);
  expect(rows[women][1]).toBeCloseTo(0.5, 10);
  expect(sheet.numberFormats.get(`${women},1`)).toBe("0.0%");
  const dynamic = find(INDICATOR_LABELS.rateDynamic.fr);
  expect(rows[dynamic][1]).toBe("—"); // no exit: not computable
  expect(rows[dynamic][2]).toBe(DEFAULT_CONFIG.targets.rateDynamic);

  expect(sheet.charts).toHaveLength(1);
  const chart = sheet.charts[0];
  expect(chart).toMatchObject({ type: "BarClustered", seriesBy: "Columns", valueAxisFormat: "0%" });
  const [start, end] = chart.source.split("!")[1].split(":");
  const first = Number(start.slice(1)) - 1;
  expect(rows[first].slice(1, 3)).toEqual(["Réalisé", "Objectif"]);
  expect(Number(end.slice(1))).toBe(rows.length);
  expect(rows.slice(first + 1).map((r) => r[0])).toContain(INDICATOR_LABELS.rateDurable.fr);
  expect(rows.slice(first + 1).find((r) => r[0] === INDICATOR_LABELS.rateDurable.fr)![2]).toBe(
    DEFAULT_CONFIG.targets.rateDurable,
  );
});

test("writeIndicators refreshes in place: same sheet, our chart replaced, the user's chart kept", async () => {
  const fake = canonicalFake();
  const analysis = await analysisOf(fake);
  const wb = workbookOn(fake);
  await wb.writeIndicators([analysis], { generatedAt: new Date(2026, 0, 15), language: "fr" });
  const sheet = fake.model.sheet("Indicateurs");
  sheet.charts.push({
    name: "Mon graphique",
    type: "Pie",
    source: "Indicateurs!A1:B2",
    seriesBy: "Columns",
    title: "",
    legend: null,
    valueAxisFormat: null,
    position: null,
  });
  sheet.setValue(200, 0, "ancienne ligne");
  await wb.writeIndicators([analysis], { generatedAt: new Date(2026, 0, 16), language: "en" });
  expect(fake.model.sheets.filter((s) => s.name === "Indicateurs")).toHaveLength(1);
  expect(fake.model.sheet("Indicateurs")).toBe(sheet);
  expect(sheet.charts.map((c) => c.name).sort()).toEqual(["BilanIAE_Indicateurs", "Mon graphique"]);
  expect(sheet.value(0, 0)).toBe("Bilan IAE — Indicators");
  expect(sheet.value(200, 0)).toBe("");
});

test("insertTemplate creates Structure and Salariés with lists, formats, frozen header and widths", async () => {
  const fake = new FakeExcel();
  fake.model.addSheet("Feuil1");
  await workbookOn(fake).insertTemplate("ACI");
  const template = canonicalTemplate({ kind: "ACI", exitMotifs: DEFAULT_CONFIG.exitMotifs });
  const people = fake.model.sheet("Salariés");
  expect(people.values[0]).toEqual(template.columns.map((c) => c.header));
  expect(people.frozenRows).toBe(1);
  const structure = fake.model.sheet("Structure");
  expect(structure.values.map((r) => r[0])).toEqual(template.structure.map((r) => r.label));
  expect(
    structure.value(
      template.structure.findIndex((r) => r.key === "kind"),
      1,
    ),
  ).toBe("ACI");
  expect(fake.model.sheet("Listes").visibility).toBe("Hidden");

  template.columns.forEach((col, i) => {
    expect(people.columnWidths.get(i)).toBeCloseTo(col.width * 5.6, 5);
    if (col.numFmt) expect(people.numberFormats.get(`1,${i}`)).toBe(col.numFmt);
    const validation = people.validations.find((v) =>
      v.address.split("!")[1].startsWith(`${String.fromCharCode(65 + i)}2:`),
    );
    if (!col.list) return;
    expect(validation).toBeDefined();
    const source = (validation!.rule as { list: { source: string } }).list.source;
    if (source.startsWith("=")) {
      // A range of the hidden sheet holding exactly the list.
      const m = /^='Listes'!\$([A-Z]+)\$1:\$[A-Z]+\$(\d+)$/.exec(source)!;
      const column = m[1].charCodeAt(0) - 65;
      const listed = fake.model
        .sheet("Listes")
        .values.map((r) => r[column])
        .filter((v) => v !== undefined);
      expect(listed).toEqual([...col.list]); // codes such as "01 - …" or "50" stay text
      expect(Number(m[2])).toBe(col.list.length);
    } else {
      expect(source.split(",")).toEqual([...col.list]);
    }
  });
  expect(fake.model.activeSheet).toBe("Salariés");
});

test("insertTemplate never overwrites an existing sheet", async () => {
  const fake = new FakeExcel();
  fake.model.addSheet("salariés").put(0, 0, [["mes données"]]);
  const error = await workbookOn(fake)
    .insertTemplate("AI")
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).params).toEqual({ sheet: "Salariés" });
  expect((error as Error).message).toContain("La feuille « Salariés » existe déjà");
  expect(fake.model.sheets.map((s) => s.name)).toEqual(["salariés"]);
});
