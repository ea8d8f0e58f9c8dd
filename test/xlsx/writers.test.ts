import { analyzeOne } from "../support/analyze-one";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  consolidate,
  consolidationInputFromAnalysis,
  DEFAULT_CONFIG,
  INDICATOR_LABELS,
  type Finding,
} from "../../src/core";
import { canonicalTemplate } from "../../src/core/template/canonical-template";
import { writeTemplateXlsx } from "../../src/xlsx/write-template";
import { writeConsolidationXlsx } from "../../src/xlsx/write-consolidation";
import { annotateWorkbook, XlsxWorkbook } from "../../src/xlsx/xlsx-workbook";
import { readXlsxBytes } from "../../src/xlsx/read-buffer";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const EXAMPLES = join(__dirname, "..", "..", "examples");

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** dataValidation elements of a sheet, read from the XML (independent of ExcelJS's model). */
async function validationsOf(
  bytes: Uint8Array,
  sheetIndex: number,
): Promise<{ sqref: string; type: string; formula: string }[]> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file(`xl/worksheets/sheet${sheetIndex}.xml`)!.async("string");
  return [...xml.matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g)].map((m) => ({
    sqref: /sqref="([^"]+)"/.exec(m[1])?.[1] ?? "",
    type: /type="([^"]+)"/.exec(m[1])?.[1] ?? "",
    formula: (/<formula1>([\s\S]*?)<\/formula1>/.exec(m[2])?.[1] ?? "")
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"'),
  }));
}

describe("template workbook", () => {
  const t = canonicalTemplate({ kind: "ACI", exitMotifs: DEFAULT_CONFIG.exitMotifs });

  it("has a drop-down list on every coded column, date formats and a frozen header", async () => {
    const bytes = await writeTemplateXlsx(t);
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Structure", "Salariés", "Listes", "Mode d'emploi"]);
    expect(wb.getWorksheet("Listes")!.state).toBe("hidden");
    const ws = wb.getWorksheet("Salariés")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(t.columns.map((c) => c.header));
    const sheetIndex = wb.worksheets.indexOf(ws) + 1;
    const dvs = await validationsOf(bytes, sheetIndex);
    const coded = [
      "Sexe",
      "Résident QPV",
      "Résident ZRR",
      "Bénéficiaire du RSA",
      "Allocataire ASS",
      "Allocataire AAH",
      "RQTH",
      "Inscription France Travail",
      "Niveau de formation",
      "Prescripteur",
      "Motif de sortie",
      "Dérogation",
    ];
    for (const h of coded) {
      const i = headers.indexOf(h);
      expect(i).toBeGreaterThanOrEqual(0);
      const letter = String.fromCharCode(65 + i);
      const dv = dvs.find((d) => d.sqref.startsWith(`${letter}2:`));
      expect({ h, type: dv?.type }).toEqual({ h, type: "list" });
    }
    const sexDv = dvs.find((d) =>
      d.sqref.startsWith(`${String.fromCharCode(65 + headers.indexOf("Sexe"))}2:`),
    )!;
    expect(sexDv.formula).toBe('"F,H"');
    // Long lists point into the hidden sheet, which holds every motif of the configuration.
    const motifDv = dvs.find((d) =>
      d.sqref.startsWith(`${String.fromCharCode(65 + headers.indexOf("Motif de sortie"))}2:`),
    )!;
    expect(motifDv.formula).toMatch(/^'Listes'!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/);
    const listes = wb.getWorksheet("Listes")!;
    const listCol = /\$([A-Z]+)\$2/.exec(motifDv.formula)![1];
    const motifValues = listes.getColumn(listCol).values.slice(2);
    expect(motifValues).toHaveLength(DEFAULT_CONFIG.exitMotifs.length);
    expect(motifValues).toContain("3 - Embauche en CDI non aidé");
    // Date columns: dd/mm/yyyy; hours 0.00.
    expect(ws.getColumn(headers.indexOf("Date d'embauche") + 1).numFmt).toBe("dd/mm/yyyy");
    expect(ws.getColumn(headers.indexOf("Heures travaillées") + 1).numFmt).toBe("0.00");
    // The kind is pre-filled in the Structure sheet, with the other labels of domain §2.1.
    const st = wb.getWorksheet("Structure")!;
    expect(st.getCell("A4").value).toBe("Type de structure :");
    expect(st.getCell("B4").value).toBe("ACI");
    expect(wb.getWorksheet("Mode d'emploi")!.getCell("A1").value).toBe("Bilan IAE — mode d'emploi");
  });

  it("is read back by the engine as a canonical table with its structure block", async () => {
    const data = await readXlsxBytes(await writeTemplateXlsx(t));
    const a = analyzeOne(data);
    expect(a.table?.sheet).toBe("Salariés");
    expect(a.table?.columns.map((c) => c.field)).toEqual(t.columns.map((c) => c.field));
    expect(a.structure.kind).toBe("ACI");
    // Empty template: only the missing structure values are reported.
    expect(new Set(a.report.issues.map((f) => f.code))).toEqual(new Set(["structure-field-missing"]));
  });
});

describe("consolidation workbook", () => {
  const files = [
    "01-aci-chantier-nature-chartreuse.xlsx",
    "06-ai-services-plus-matheysine.xlsx",
    "08-ei-proprete-alpes-insertion.xlsx",
  ];
  async function example() {
    const inputs = [];
    for (const f of files) {
      const a = analyzeOne(
        await readXlsxBytes(readFileSync(join(EXAMPLES, "departement-38", f)), { name: f }),
      );
      inputs.push(consolidationInputFromAnalysis(a, f));
    }
    return { inputs, c: consolidate(inputs) };
  }
  const headersOf = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1) as string[];

  it("has one sheet per level, French headers, percent formats, frozen header and autofilter", async () => {
    const { inputs, c } = await example();
    const followUp = {
      source: "files" as const,
      files: [
        ...files.map((f, i) => ({
          file: f,
          siret: c.reports[i].siret,
          name: c.reports[i].name,
          kind: c.reports[i].kind,
          periodStart: "2025-01-01",
          periodEnd: "2025-12-31",
          valid: true,
          errors: 0,
          error: null,
        })),
        {
          file: "casse.xlsx",
          siret: null,
          name: null,
          kind: null,
          periodStart: null,
          periodEnd: null,
          valid: null,
          errors: 0,
          error: "Fichier abîmé",
        },
      ],
    };
    const wb = await load(
      await writeConsolidationXlsx(c, {
        generatedAt: new Date(Date.UTC(2026, 0, 2)),
        rulesVersion: "2026.1",
        followUp,
      }),
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Consolidation",
      "Par type",
      "Suivi des envois",
      "Définitions",
    ]);
    const rep = wb.getWorksheet("Consolidation")!;
    const headers = headersOf(rep);
    expect(headers.slice(0, 3)).toEqual(["Structure", "SIRET", "Type"]);
    const shareCol = headers.indexOf(INDICATOR_LABELS.shareWomen.fr) + 1;
    expect(shareCol).toBeGreaterThan(0);
    expect(rep.getCell(2, shareCol).numFmt).toBe("0.0%");
    expect(rep.getCell(2, shareCol).value).toBeCloseTo(c.reports[0].indicators.shareWomen as number, 12);
    expect(rep.rowCount).toBe(4);
    expect(rep.views[0]).toMatchObject({ state: "frozen", ySplit: 1, xSplit: 1 });
    expect(rep.autoFilter).toBeTruthy();
    const byKind = wb.getWorksheet("Par type")!;
    expect(byKind.getColumn(1).values.slice(2, 8)).toEqual([
      "ACI",
      "AI",
      "EI",
      "ETTI",
      "EITI",
      "Total département",
    ]);
    const kHeaders = headersOf(byKind);
    expect(byKind.getCell(7, kHeaders.indexOf("Personnes distinctes") + 1).value).toBe(
      c.total.distinctPersons,
    );
    // The total is the sum of the three files' employees, computed here from the inputs.
    expect(byKind.getCell(7, kHeaders.indexOf(INDICATOR_LABELS.employees.fr) + 1).value).toBe(
      inputs.reduce((s, i) => s + (i.indicators.employees as number), 0),
    );
    expect(byKind.getCell(7, kHeaders.indexOf(INDICATOR_LABELS.rateDynamic.fr) + 1).numFmt).toBe("0.0%");
    const follow = wb.getWorksheet("Suivi des envois")!;
    const fHeaders = headersOf(follow);
    expect(follow.getCell(5, fHeaders.indexOf("Statut") + 1).value).toBe("Illisible");
    expect(follow.getCell(5, fHeaders.indexOf("Remarque") + 1).value).toBe("Fichier abîmé");
  });

  it("carries a native column chart on Par type, referenced from the sheet's drawing", async () => {
    const { c } = await example();
    const bytes = await writeConsolidationXlsx(c, {
      generatedAt: new Date(Date.UTC(2026, 0, 2)),
      rulesVersion: "2026.1",
    });
    // Still a workbook ExcelJS opens.
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Consolidation", "Par type", "Définitions"]);
    const zip = await JSZip.loadAsync(bytes);
    const chart = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(chart).toContain('<c:barDir val="col"/>');
    expect(chart).toContain('<c:grouping val="clustered"/>');
    expect((chart.match(/<c:ser>/g) ?? []).length).toBe(4);
    expect(chart).toContain(`'Par type'!$A$`);
    // "Par type" is the second sheet: its relationships point to the drawing, the drawing's to the chart.
    const sheet = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    const rid = /<drawing r:id="([^"]+)"\/>/.exec(sheet)?.[1];
    expect(rid).toBeTruthy();
    const sheetRels = await zip.file("xl/worksheets/_rels/sheet2.xml.rels")!.async("string");
    expect(sheetRels).toMatch(new RegExp(`Id="${rid}"[^>]*Target="../drawings/drawing1.xml"`));
    expect(await zip.file("xl/drawings/_rels/drawing1.xml.rels")!.async("string")).toContain(
      'Target="../charts/chart1.xml"',
    );
    const types = await zip.file("[Content_Types].xml")!.async("string");
    expect(types).toContain('PartName="/xl/charts/chart1.xml"');
    expect(types).toContain('PartName="/xl/drawings/drawing1.xml"');
    // The chart's categories cache names the kinds present and the total, as the sheet shows them.
    const cats = [
      ...chart
        .split("<c:ser>")[1]
        .split("<c:cat>")[1]
        .split("</c:cat>")[0]
        .matchAll(/<c:v>([^<]*)<\/c:v>/g),
    ].map((m) => m[1]);
    expect(cats).toEqual(["ACI", "AI", "EI", "Total département"]);
  });
});

describe("annotated workbook and the XlsxWorkbook port", () => {
  const bytes = readFileSync(join(EXAMPLES, "ei-erreurs.xlsx"));

  it("fills invalid cells (error red, warning amber), adds notes and an Indicateurs sheet, from bytes", async () => {
    const data = await readXlsxBytes(bytes, { name: "ei-erreurs.xlsx" });
    const a = analyzeOne(data);
    const out = await annotateWorkbook(new Uint8Array(bytes).buffer, [a], {
      generatedAt: new Date(Date.UTC(2026, 1, 3, 10, 0)),
    });
    const wb = await load(out);
    const err = a.report.issues.find((f) => f.code === "hours-negative")!;
    const cell = wb.getWorksheet(err.sheet!)!.getCell(err.cell!);
    expect(cell.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } });
    expect(String(cell.note)).toContain("négatives");
    const warn = a.report.issues.find((f) => f.code === "siret-format")!;
    expect(wb.getWorksheet(warn.sheet!)!.getCell(warn.cell!).fill).toMatchObject({
      fgColor: { argb: "FFFFEB9C" },
    });
    // An untouched neighbour keeps no fill.
    const neighbour = wb.getWorksheet("Salariés")!.getCell("B30");
    expect((neighbour.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBeUndefined();
    const ind = wb.getWorksheet("Indicateurs")!;
    const texts = ind.getColumn(1).values.filter((v) => typeof v === "string") as string[];
    expect(texts).toContain(INDICATOR_LABELS.shareWomen.fr);
    const row = ind.getColumn(1).values.indexOf(INDICATOR_LABELS.shareWomen.fr);
    expect(ind.getCell(row, 2).numFmt).toContain("%");
    expect(ind.getColumn(2).values).toContain("Recyclerie du Grésivaudan");
    expect(ind.getColumn(2).values).toContain("2026.1");
    // The annotated file is read back with the same people table.
    const again = analyzeOne(await readXlsxBytes(out));
    expect(again.rows.length).toBe(a.rows.length);
  });

  it("restores exactly the previous fills and notes, refreshes Indicateurs, saves the mapping", async () => {
    const book = new XlsxWorkbook(bytes, "ei.xlsx");
    const data = await book.read();
    const a = analyzeOne(data);
    const f: Finding = a.report.issues.find((x) => x.code === "pass-format")!;
    await book.highlight([f]);
    await book.clearHighlights();
    const wb = await load(await book.toBuffer());
    const c = wb.getWorksheet(f.sheet!)!.getCell(f.cell!);
    expect(c.note).toBeUndefined();
    expect((c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe("FFFFC7CE");
    await book.writeIndicators([a], { generatedAt: new Date(), language: "fr" });
    await book.writeIndicators([a], { generatedAt: new Date(), language: "fr" });
    await book.saveMapping({ headerRow: 1, columns: { Sexe: "sex" } });
    const again = new XlsxWorkbook(await book.toBuffer(), "ei.xlsx");
    expect(await again.loadMapping()).toEqual({ headerRow: 1, columns: { Sexe: "sex" } });
    const names = (await again.read()).sheets.map((s) => s.name);
    expect(names.filter((n) => n === "Indicateurs")).toHaveLength(1);
    expect(names).not.toContain("BilanIAE_correspondance");
    await expect(again.insertTemplate("EI")).rejects.toThrow(/déjà/);
  });
});
