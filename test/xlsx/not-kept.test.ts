import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { analyzeWorkbook } from "../../src/core";
import { addCharts } from "../../src/xlsx/xlsx-chart";
import { notKeptByAnnotation } from "../../src/xlsx/not-kept";
import { annotateWorkbook, XlsxWorkbook } from "../../src/xlsx/xlsx-workbook";

const NAME = "conventions-sheets.exceljs.xlsx";
const original = () => new Uint8Array(readFileSync(join(__dirname, "..", "..", "examples", "reels", NAME)));

/** The example with a user's own chart on its first sheet (the hours of the first rows). */
async function withUserChart(): Promise<{ bytes: Uint8Array; sheet: string }> {
  const bytes = original();
  const sheet = (await new XlsxWorkbook(bytes, NAME).read()).sheets[0].name;
  const chart = {
    sheetName: sheet,
    title: "Heures par salarié",
    firstRow: 0,
    firstColumn: 0,
    rows: 4,
    columns: 2,
    values: [
      ["", "Heures"],
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ],
    numberFormat: "General",
    anchor: { fromColumn: 10, fromRow: 1, toColumn: 16, toRow: 15 },
  };
  return { bytes: await addCharts(bytes, [chart]), sheet };
}

const chartParts = async (bytes: Uint8Array) =>
  Object.keys((await JSZip.loadAsync(bytes)).files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));

describe("what the annotated copy cannot keep is counted, so the pane can say so", () => {
  it("a user's chart is dropped by the rewrite (the premise) and counted; the copy's own Indicateurs charts are not", async () => {
    const { bytes, sheet } = await withUserChart();
    expect(await notKeptByAnnotation(bytes)).toEqual({ charts: 1, pivotTables: 0, shapes: 0 });
    const reports = analyzeWorkbook(await new XlsxWorkbook(bytes, NAME).read()).reports;
    const copy = await annotateWorkbook(bytes, reports, { name: NAME, generatedAt: new Date() });
    // Two charts remain, both ours (one per Indicateurs sheet): the user's chart on « sheet » is gone.
    const zip = await JSZip.loadAsync(copy);
    const charts = await Promise.all((await chartParts(copy)).map((p) => zip.file(p)!.async("string")));
    expect(charts).toHaveLength(2);
    for (const c of charts) expect(c).not.toContain(`${sheet}'!`);
    // Annotating the copy again loses nothing: its charts are the ones we draw anew.
    expect(await notKeptByAnnotation(copy)).toEqual({ charts: 0, pivotTables: 0, shapes: 0 });
  });

  it("pivot tables, slicers and drawn shapes are counted; pictures are not (ExcelJS keeps them)", async () => {
    const zip = await JSZip.loadAsync(original());
    zip.file("xl/pivotTables/pivotTable1.xml", "<pivotTableDefinition/>");
    zip.file("xl/pivotTables/pivotTable2.xml", "<pivotTableDefinition/>");
    zip.file("xl/slicers/slicer1.xml", "<slicers/>");
    zip.file(
      "xl/drawings/drawing9.xml",
      '<xdr:wsDr xmlns:xdr="x"><xdr:twoCellAnchor><xdr:sp macro=""><xdr:nvSpPr/></xdr:sp></xdr:twoCellAnchor>' +
        "<xdr:twoCellAnchor><xdr:pic><xdr:nvPicPr/></xdr:pic></xdr:twoCellAnchor>" +
        "<xdr:oneCellAnchor><xdr:sp><xdr:txBody/></xdr:sp></xdr:oneCellAnchor></xdr:wsDr>",
    );
    const bytes = await zip.generateAsync({ type: "uint8array" });
    expect(await notKeptByAnnotation(bytes)).toEqual({ charts: 0, pivotTables: 2, shapes: 3 });
  });

  it("a workbook with none of them loses nothing", async () => {
    expect(await notKeptByAnnotation(original())).toEqual({ charts: 0, pivotTables: 0, shapes: 0 });
  });
});
