import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { analyzeWorkbook, INDICATOR_LABELS, type Analysis, type SendReceiptRecord } from "../../src/core";
import { annotateWorkbook, XlsxWorkbook } from "../../src/xlsx/xlsx-workbook";

const REELS = join(__dirname, "..", "..", "examples", "reels");
const TWO = "conventions-sheets.exceljs.xlsx";

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const valueOf = (ws: ExcelJS.Worksheet, label: string): unknown => {
  let found: unknown;
  ws.eachRow((row) => {
    if (found === undefined && row.getCell(1).value === label) found = row.getCell(2).value;
  });
  return found;
};

async function reportsOf(bytes: Uint8Array, name = TWO): Promise<Analysis[]> {
  return analyzeWorkbook(await new XlsxWorkbook(bytes, name).read()).reports;
}

describe("one Indicateurs sheet per report in an .xlsx file (file mode, check --annotate)", () => {
  it("the annotated copy of a two-convention workbook holds « Indicateurs ACI » and « Indicateurs EI » with each report's figures", async () => {
    const bytes = readFileSync(join(REELS, TWO));
    const reports = await reportsOf(bytes);
    expect(reports.map((r) => r.structure.kind)).toEqual(["ACI", "EI"]);
    const wb = await load(
      await annotateWorkbook(bytes, reports, { name: TWO, generatedAt: new Date(2026, 2, 3) }),
    );
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toContain("Indicateurs ACI");
    expect(names).toContain("Indicateurs EI");
    expect(names).not.toContain("Indicateurs");
    reports.forEach((r, i) => {
      const ws = wb.getWorksheet(["Indicateurs ACI", "Indicateurs EI"][i])!;
      expect(valueOf(ws, INDICATOR_LABELS.employees.fr)).toBe(r.indicators.employees);
      expect(String(valueOf(ws, "Type"))).toMatch(new RegExp(`^${r.structure.kind} `));
    });
  });

  it("stale sheets go: back to one report, the per-kind sheets are replaced by « Indicateurs »; a user's « Indicateurs 2024 » stays", async () => {
    const bytes = readFileSync(join(REELS, TWO));
    const reports = await reportsOf(bytes);
    const book = new XlsxWorkbook(bytes, TWO);
    await book.writeIndicators(reports, { generatedAt: new Date(), language: "fr" });
    const withUser = await load(await book.toBuffer());
    withUser.addWorksheet("Indicateurs 2024").getCell("A1").value = "saisi à la main";
    const again = new XlsxWorkbook(new Uint8Array((await withUser.xlsx.writeBuffer()) as ArrayBuffer), TWO);
    await again.writeIndicators([reports[1]], { generatedAt: new Date(), language: "en" });
    const names = (await load(await again.toBuffer())).worksheets.map((w) => w.name);
    expect(names.filter((n) => n.startsWith("Indicateurs"))).toEqual(["Indicateurs 2024", "Indicateurs"]);
  });

  it("receipts are stored one per report and drawn on their own sheet; a file saved with the old single receipt still reads", async () => {
    const bytes = readFileSync(join(REELS, TWO));
    const reports = await reportsOf(bytes);
    const receipt = (a: Analysis, id: string): SendReceiptRecord => ({
      submissionId: id,
      version: 1,
      receivedAt: "2026-03-03T13:30:00.000Z",
      hub: "http://127.0.0.1:8080",
      contentHash: `sha256-${id}`,
      siret: a.structure.siret!,
      period: "2025",
      alreadyReceived: false,
      kind: a.structure.kind!,
    });
    const book = new XlsxWorkbook(bytes, TWO);
    const sent = [receipt(reports[0], "sub_aci"), receipt(reports[1], "sub_ei")];
    await book.writeSendReceipts(sent, reports, { generatedAt: new Date(), language: "fr" });
    const saved = await book.toBuffer();
    expect(await new XlsxWorkbook(saved, TWO).loadSendState()).toEqual({
      receipt: sent[1],
      receipts: sent,
      pending: null,
    });
    const wb = await load(saved);
    expect(valueOf(wb.getWorksheet("Indicateurs ACI")!, "Numéro d'envoi")).toBe("sub_aci");
    expect(valueOf(wb.getWorksheet("Indicateurs EI")!, "Numéro d'envoi")).toBe("sub_ei");

    // The previous version wrote A1-A3 only: its receipt reads as the one receipt.
    wb.getWorksheet("BilanIAE_envoi")!.getCell("A4").value = null;
    const old = new XlsxWorkbook(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), TWO);
    expect(await old.loadSendState()).toEqual({ receipt: sent[1], receipts: [sent[1]], pending: null });
  });
});

/** Each sheet's chart, followed the way Excel does: sheet → its relationships → drawing → chart part. */
async function chartsBySheet(bytes: Uint8Array): Promise<Map<string, string[]>> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (p: string) => (await zip.file(p)?.async("string")) ?? "";
  const workbook = await read("xl/workbook.xml");
  const wbRels = await read("xl/_rels/workbook.xml.rels");
  const out = new Map<string, string[]>();
  for (const [, name, rid] of workbook.matchAll(/<sheet\b[^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(wbRels)?.[1];
    const sheetPath = `xl/${target!.replace(/^\/?xl\//, "")}`;
    const sheetRels = await read(sheetPath.replace(/([^/]+)$/, "_rels/$1.rels"));
    const charts: string[] = [];
    for (const [, drawing] of sheetRels.matchAll(/Target="\.\.\/drawings\/([^"]+)"/g)) {
      const drawingRels = await read(`xl/drawings/_rels/${drawing}.rels`);
      for (const [, chart] of drawingRels.matchAll(/Target="\.\.\/charts\/([^"]+)"/g))
        charts.push(await read(`xl/charts/${chart}`));
    }
    out.set(name.replace(/&apos;/g, "'"), charts);
  }
  return out;
}

describe("the downloaded workbook's Indicateurs sheets carry the native chart the add-in draws in Excel", () => {
  it("one horizontal bar chart per Indicateurs sheet, on its own sheet's rates, with the sheet's labels and values cached", async () => {
    const bytes = readFileSync(join(REELS, TWO));
    const reports = await reportsOf(bytes);
    const annotated = await annotateWorkbook(bytes, reports, {
      name: TWO,
      generatedAt: new Date(2026, 2, 3),
    });
    const charts = await chartsBySheet(annotated);
    const wb = await load(annotated);
    for (const name of ["Indicateurs ACI", "Indicateurs EI"]) {
      expect(charts.get(name)).toHaveLength(1);
      const chart = charts.get(name)![0];
      expect(chart).toContain('<c:barDir val="bar"/>');
      // Both series (the structure's rates and the targets) read this sheet's cells, not another's.
      const refs = [...chart.matchAll(/<c:f>([^<]+)<\/c:f>/g)].map((m) => m[1].replace(/&apos;/g, "'"));
      expect(refs.length).toBe(6);
      for (const ref of refs) expect(ref.startsWith(`'${name}'!`)).toBe(true);
      // The cached categories are the labels written in the referenced cells.
      const [, first, last] = /!\$A\$(\d+):\$A\$(\d+)/.exec(refs[1])!;
      const ws = wb.getWorksheet(name)!;
      const labels: unknown[] = [];
      for (let r = Number(first); r <= Number(last); r++) labels.push(ws.getCell(r, 1).value);
      const cached = [
        ...chart
          .split("<c:cat>")[1]
          .split("</c:cat>")[0]
          .matchAll(/<c:v>([^<]*)<\/c:v>/g),
      ].map((m) => m[1]);
      expect(cached).toEqual(labels.map((l) => String(l).replace(/&/g, "&amp;")));
      expect(labels).toContain("Taux de sorties dynamiques");
    }
    // Sheets that are not ours get no chart; the file still opens in ExcelJS and our reader.
    expect([...charts].filter(([n, c]) => !n.startsWith("Indicateurs") && c.length > 0)).toEqual([]);
    expect((await new XlsxWorkbook(annotated, TWO).read()).sheets.length).toBeGreaterThan(0);
  });

  it("annotating the annotated copy again leaves one chart per sheet (the old ones are replaced, not piled up)", async () => {
    const bytes = readFileSync(join(REELS, TWO));
    const reports = await reportsOf(bytes);
    const once = await annotateWorkbook(bytes, reports, { name: TWO, generatedAt: new Date() });
    const twice = await annotateWorkbook(once, reports, { name: TWO, generatedAt: new Date() });
    const charts = await chartsBySheet(twice);
    expect(charts.get("Indicateurs ACI")).toHaveLength(1);
    expect(charts.get("Indicateurs EI")).toHaveLength(1);
    const zip = await JSZip.loadAsync(twice);
    expect(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(2);
  });
});
