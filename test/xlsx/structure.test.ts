import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readXlsxBytes } from "../../src/xlsx/read-buffer";
import { UserError } from "../../src/core/errors/user-error";
import { handXlsx } from "./support/hand-xlsx";

/**
 * The reader gives the core what real workbooks hold besides values (domain §2.4): formula cells (a
 * formula without a stored value is not an empty cell), merged ranges and Excel Tables with their totals rows.
 */

describe("formulas, merged ranges and tables of a file written by ExcelJS", () => {
  async function exceljsBook(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Salariés");
    ws.getCell("A1").value = "Groupe";
    ws.mergeCells("A1:C1");
    ws.addTable({
      name: "Suivi",
      ref: "A2",
      headerRow: true,
      totalsRow: true,
      columns: [
        { name: "Nom", totalsRowLabel: "Total" },
        { name: "Heures", totalsRowFunction: "sum" },
      ],
      rows: [
        ["Léa", 10],
        ["Sam", 20],
      ],
    });
    ws.getCell("E3").value = { formula: "B3*2", result: 20 };
    ws.getCell("F3").value = { formula: "SUM(A1:B1)" } as ExcelJS.CellFormulaValue;
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it("gives the table with its totals row, the merged header and both formulas in 0-based sheet coordinates", async () => {
    const data = await readXlsxBytes(await exceljsBook(), { name: "exceljs.xlsx" });
    const sheet = data.sheets[0];
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(sheet.tables).toEqual([
      { name: "Suivi", range: { top: 1, left: 0, bottom: 4, right: 1 }, totalsRow: true },
    ]);
    expect(sheet.formulas).toEqual(
      expect.arrayContaining([
        { row: 2, col: 4, formula: "B3*2" },
        { row: 2, col: 5, formula: "SUM(A1:B1)" },
      ]),
    );
    const origin = sheet.origin ?? { row: 0, col: 0 };
    const at = (row: number, col: number) => sheet.rows[row - origin.row]?.[col - origin.col];
    // The cached value stays; the formula without one is null, not "" (it is not an empty cell).
    expect(at(2, 4)).toBe(20);
    expect(at(2, 5)).toBeNull();
    expect(at(3, 1)).toBe(20);
  });

  it("a table without a totals row says so", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.addTable({
      name: "T",
      ref: "B2",
      headerRow: true,
      totalsRow: false,
      columns: [{ name: "Nom" }],
      rows: [["Léa"]],
    });
    const data = await readXlsxBytes(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(data.sheets[0].tables).toEqual([
      { name: "T", range: { top: 1, left: 1, bottom: 2, right: 1 }, totalsRow: false },
    ]);
    expect(data.sheets[0].merges).toEqual([]);
    expect(data.sheets[0].formulas).toEqual([]);
  });
});

describe("a hand-built zip: inline strings, shared formulas, prefixed XML, a table part written by another program", () => {
  const ns =
    'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

  async function withTable(sheetXml: string, tableXml: string): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(await handXlsx({ sheets: [{ name: "S", sheetData: "" }] }));
    zip.file("xl/worksheets/sheet1.xml", sheetXml);
    zip.file(
      "xl/worksheets/_rels/sheet1.xml.rels",
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table3.xml"/></Relationships>',
    );
    zip.file("xl/tables/table3.xml", tableXml);
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }

  it('reads shared formulas (master text, other cells ""), values kept as stored, merges and the table after the rows', async () => {
    const rows =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Nom</t></is></c><c r="B1" t="inlineStr"><is><t>Heures</t></is></c><c r="C1" t="inlineStr"><is><t>Double</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>Léa &amp; co</t></is></c><c r="B2"><v>7</v></c><c r="C2"><f t="shared" ref="C2:C4" si="0">B2*2</f><v>14</v></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>Sam</t></is></c><c r="B3"><v>3</v></c><c r="C3"><f t="shared" si="0"/></c></row>' +
      '<row r="4"><c r="A4" t="inlineStr"><is><t>Total</t></is></c><c r="B4"><f>SUBTOTAL(109,B2:B3)</f><v></v></c><c r="C4"><f t="shared" si="0"/><v>20</v></c></row>';
    const sheet =
      `<?xml version="1.0"?><worksheet ${ns}><dimension ref="A1:C4"/><sheetData>${rows}</sheetData>` +
      '<mergeCells count="2"><mergeCell ref="A6:C6"/><mergeCell ref="E1:E2"/></mergeCells><tableParts count="1"><tablePart r:id="rId7"/></tableParts></worksheet>';
    const table = `<?xml version="1.0"?><table ${ns} id="3" name="Table3" displayName="Suivi_2025" ref="A1:C4" totalsRowShown="0" totalsRowCount="1"><tableColumns count="3"/></table>`;
    const data = await readXlsxBytes(await withTable(sheet, table), { name: "main.xlsx" });
    const s = data.sheets[0];
    expect(s.rows).toEqual([
      ["Nom", "Heures", "Double"],
      ["Léa & co", 7, 14],
      ["Sam", 3, null],
      ["Total", null, 20],
    ]);
    expect(s.formulas).toEqual([
      { row: 1, col: 2, formula: "B2*2" },
      { row: 2, col: 2, formula: "" },
      { row: 3, col: 1, formula: "SUBTOTAL(109,B2:B3)" },
      { row: 3, col: 2, formula: "" },
    ]);
    expect(s.merges).toEqual([
      { top: 5, left: 0, bottom: 5, right: 2 },
      { top: 0, left: 4, bottom: 1, right: 4 },
    ]);
    expect(s.tables).toEqual([
      { name: "Suivi_2025", range: { top: 0, left: 0, bottom: 3, right: 2 }, totalsRow: true },
    ]);
  });

  it("the same with namespace prefixes, cut anywhere: totalsRowShown alone is no totals row", async () => {
    const rows =
      '<x:row r="2"><x:c r="B2"><x:f>A2&amp;"x"</x:f></x:c><x:c r="C2" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c></x:row>';
    const sheet =
      `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheetData>${rows}</x:sheetData>` +
      '<x:mergeCells><x:mergeCell ref="$B$2:$C$2"/></x:mergeCells><x:tableParts><x:tablePart r:id="rId7"/></x:tableParts></x:worksheet>';
    const table = '<?xml version="1.0"?><x:table xmlns:x="urn:x" name="T1" ref="B1:C2" totalsRowShown="1"/>';
    const s = (await readXlsxBytes(await withTable(sheet, table))).sheets[0];
    expect(s.rows).toEqual([[null, "a"]]);
    expect(s.origin).toEqual({ row: 1, col: 1 });
    expect(s.formulas).toEqual([{ row: 1, col: 1, formula: 'A2&"x"' }]);
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
    expect(s.tables).toEqual([
      { name: "T1", range: { top: 0, left: 1, bottom: 1, right: 2 }, totalsRow: false },
    ]);
  });

  it("more merged ranges than the cap → a file error naming the sheet, not memory spent on them", async () => {
    const merges = Array.from({ length: 100_001 }, (_v, i) => `<mergeCell ref="A${i + 2}:B${i + 2}"/>`).join(
      "",
    );
    const sheet = `<?xml version="1.0"?><worksheet ${ns}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells>${merges}</mergeCells></worksheet>`;
    const zip = await JSZip.loadAsync(await handXlsx({ sheets: [{ name: "Fusions", sheetData: "" }] }));
    zip.file("xl/worksheets/sheet1.xml", sheet);
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const error = await readXlsxBytes(bytes, { name: "fusions.xlsx" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe("read.too-many-merges");
    expect((error as UserError).message).toMatch(
      /« fusions\.xlsx ».*100.000 plages de cellules fusionnées.*« Fusions »/,
    );
  });

  it("more formula cells than the cap → a file error of its own", async () => {
    const row = (r: number) =>
      `<row r="${r}">${Array.from({ length: 20 }, () => "<c><f>1</f></c>").join("")}</row>`;
    const sheetData = Array.from({ length: 50_001 }, (_v, i) => row(i + 1)).join("");
    const bytes = await handXlsx({ sheets: [{ name: "Calculs", sheetData }] });
    const error = await readXlsxBytes(bytes, { name: "formules.xlsx" }).catch((e: unknown) => e);
    expect((error as UserError).code).toBe("read.too-many-formulas");
    expect((error as UserError).message).toMatch(/1.000.000 cellules avec formule.*« Calculs »/);
  }, 30_000);
});
