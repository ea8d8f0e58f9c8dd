import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readXlsxBytes } from "../../src/xlsx/read-buffer";
import { readXlsxFile } from "../../src/xlsx/read-file";
import { isXlsxReadError, readReasonOf } from "../../src/xlsx/errors";
import { UserError } from "../../src/core/errors/user-error";
import { handXlsx } from "./support/hand-xlsx";
import { RowTooLong, SheetParser } from "../../src/xlsx/sheet-parser";

const dir = mkdtempSync(join(tmpdir(), "bilan-xlsx-"));

async function reason(p: Promise<unknown>): Promise<{ reason: string; message: string }> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    if (!isXlsxReadError(e)) throw e;
    return { reason: readReasonOf(e), message: e.message };
  }
  throw new Error("expected a read error");
}

describe("reading files written by ExcelJS", () => {
  it("gives Office-like values: formulas → cached result, rich text and hyperlinks → text, errors → #N/A, dates → Date", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Salariés");
    ws.getCell("C3").value = "Nom";
    ws.getCell("D3").value = 12.5;
    ws.getCell("E3").value = new Date(Date.UTC(2025, 2, 15));
    ws.getCell("E3").numFmt = "dd/mm/yyyy";
    ws.getCell("C4").value = { richText: [{ text: "Du" }, { text: "pont", font: { bold: true } }] };
    ws.getCell("D4").value = { formula: "D3*2", result: 25 };
    ws.getCell("E4").value = { error: "#N/A" };
    ws.getCell("F5").value = { text: "site", hyperlink: "https://example.org" };
    ws.getCell("F6").value = true;
    ws.getCell("C6").value = { formula: 'CONCAT("a","b")', result: "ab" };
    const path = join(dir, "exceljs.xlsx");
    await wb.xlsx.writeFile(path);

    const data = await readXlsxFile(path);
    expect(data.name).toBe("exceljs.xlsx");
    expect(data.date1904).toBe(false);
    const sheet = data.sheets[0];
    expect(sheet.name).toBe("Salariés");
    expect(sheet.origin).toEqual({ row: 2, col: 2 });
    expect(sheet.rows).toEqual([
      ["Nom", 12.5, new Date(Date.UTC(2025, 2, 15)), ""],
      ["Dupont", 25, "#N/A", ""],
      ["", "", "", "site"],
      ["ab", "", "", true],
    ]);
  });
});

describe("reading files written by other spreadsheet programs (hand-made XML)", () => {
  it("resolves shared strings (rich runs, phonetic runs ignored), inline strings, errors and cached formula values", async () => {
    const bytes = await handXlsx({
      sheets: [
        {
          name: "Suivi",
          sheetData:
            '<row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="inlineStr"><is><t>Pr&#233;nom</t></is></c><c r="D2" t="s"><v>1</v></c></row>' +
            '<row r="3"><c r="B3" t="e"><v>#REF!</v></c><c r="C3" t="str"><f>A1&amp;"x"</f><v>Lx</v></c><c r="D3"><f>1+1</f><v>2</v></c><c r="E3" t="b"><v>0</v></c></row>' +
            '<row r="4"><c r="B4" s="1"><v>45000</v></c><c r="C4"/><c r="D4" s="2"><v>0.5</v></c></row>',
        },
      ],
      rawSharedStrings: [
        '<r><t>N</t></r><r><rPr><b/></rPr><t>om &amp; co</t></r><rPh sb="0" eb="1"><t>ノ</t></rPh>',
        "<t>A_x000D_B</t>",
      ],
      xfs: [0, 14, 164],
      customFormats: { 164: "0.00%" },
    });
    const data = await readXlsxBytes(bytes, { name: "autre.xlsx" });
    const s = data.sheets[0];
    expect(s.origin).toEqual({ row: 1, col: 1 });
    expect(s.rows[0]).toEqual(["Nom & co", "Prénom", "A\rB", ""]);
    expect(s.rows[1]).toEqual(["#REF!", "Lx", 2, false]);
    // 45000 in the 1900 system is 2023-03-15; a percent format is not a date.
    expect(s.rows[2]).toEqual([new Date(Date.UTC(2023, 2, 15)), "", 0.5, ""]);
  });

  it("detects the 1904 date system and converts serials with it", async () => {
    const bytes = await handXlsx({
      date1904: true,
      sheets: [
        {
          name: "S",
          sheetData:
            '<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>43538</v></c><c r="C1"><v>43539</v></c></row>',
        },
      ],
      xfs: [0, 14],
    });
    const data = await readXlsxBytes(bytes);
    expect(data.date1904).toBe(true);
    // Serial 0 in 1904 is 1 January 1904; 43538 is 2023-03-15 (= 1900 serial 45000 − 1462, the gap between the two epochs).
    expect(data.sheets[0].rows[0]).toEqual([
      new Date(Date.UTC(1904, 0, 1)),
      new Date(Date.UTC(2023, 2, 15)),
      43539,
    ]);
  });

  it("reads namespace-prefixed elements and single-quoted attributes (other writers)", async () => {
    const bytes = await handXlsx({
      sheets: [
        {
          name: "S",
          sheetData:
            "<row r='1'><c r='A1' t='inlineStr'><is><t>Nom</t></is></c><c r = \"B1\"><v>7</v></c></row>" +
            '<x:row xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="C2" t="e"><x:v>#DIV/0!</x:v></x:c></x:row>',
        },
      ],
      sharedStrings: ["Léa"],
    });
    const data = await readXlsxBytes(bytes);
    expect(data.sheets[0].rows).toEqual([
      ["Nom", 7, ""],
      ["Léa", "", "#DIV/0!"],
    ]);
  });

  it("reads rows and cells without r attributes in order", async () => {
    const bytes = await handXlsx({
      sheets: [
        {
          name: "S",
          sheetData:
            '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row><row><c><v>2</v></c></row>',
        },
      ],
    });
    const data = await readXlsxBytes(bytes);
    expect(data.sheets[0].rows).toEqual([
      ["a", 1],
      [2, ""],
    ]);
  });
});

describe("bad input → a read.* UserError with a French message naming the file", () => {
  it("empty file", async () => {
    const r = await reason(readXlsxBytes(new Uint8Array(0), { name: "vide.xlsx" }));
    expect(r.reason).toBe("empty-file");
    expect(r.message).toContain("« vide.xlsx »");
  });
  it("a CSV renamed .xlsx", async () => {
    const p = join(dir, "export.xlsx");
    writeFileSync(p, "Nom;Prénom;Sexe\nDurand;Léa;F\n");
    const r = await reason(readXlsxFile(p));
    expect(r.reason).toBe("not-zip");
    expect(r.message).toMatch(/export\.xlsx.*CSV.*enregistrez-le/);
  });
  it("a PDF renamed .xlsx", async () => {
    const r = await reason(readXlsxBytes(Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj"), { name: "bilan.xlsx" }));
    expect(r.reason).toBe("not-zip");
    expect(r.message).toContain("PDF");
  });
  it("a password-protected workbook or legacy .xls (OLE/CFB signature)", async () => {
    const cfb = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    const r = await reason(readXlsxBytes(cfb, { name: "secret.xlsx" }));
    expect(r.reason).toBe("protected-or-xls");
    expect(r.message).toContain(
      "protégé par mot de passe ou ancien format .xls : ouvrez-le dans Excel et enregistrez-le en .xlsx sans mot de passe",
    );
  });
  it("a truncated xlsx", async () => {
    const full = await handXlsx({
      sheets: [{ name: "S", sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>' }],
    });
    for (const cut of [Math.floor(full.length / 2), full.length - 10]) {
      const r = await reason(readXlsxBytes(full.subarray(0, cut), { name: "coupé.xlsx" }));
      expect(r.reason).toBe("truncated");
      expect(r.message).toContain("« coupé.xlsx »");
    }
  });
  it("a zip that is not a workbook", async () => {
    const JSZip = (await import("jszip")).default;
    const z = new JSZip();
    z.file("word/document.xml", "<w:document/>");
    const r = await reason(
      readXlsxBytes(await z.generateAsync({ type: "uint8array" }), { name: "lettre.xlsx" }),
    );
    expect(r.reason).toBe("not-xlsx");
    expect(r.message).toContain("Word");
  });
  it("a workbook without any filled cell", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Feuil1");
    const r = await reason(readXlsxBytes(Buffer.from(await wb.xlsx.writeBuffer()), { name: "rien.xlsx" }));
    expect(r.reason).toBe("no-cells");
  });
  it("a sheet past the row limit stops early", async () => {
    const rows = Array.from(
      { length: 50 },
      (_v, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    ).join("");
    const bytes = await handXlsx({ sheets: [{ name: "Gros", sheetData: rows }] });
    const r = await reason(readXlsxBytes(bytes, { name: "gros.xlsx", maxRows: 20 }));
    expect(r.reason).toBe("too-many-rows");
    expect(r.message).toMatch(/Gros.*20 lignes.*ligne 21/);
    await expect(readXlsxBytes(bytes, { maxRows: 50 })).resolves.toBeDefined();
  });
  it("a 1 000 000-row sheet stops at the default limit (500 000) with a French message", async () => {
    const parts: string[] = [];
    for (let r = 1; r <= 1_000_000; r++) parts.push(`<row r="${r}"><c r="A${r}"><v>${r % 97}</v></c></row>`);
    const bytes = await handXlsx({ sheets: [{ name: "Export", sheetData: parts.join("") }] });
    const p = join(dir, "million.xlsx");
    writeFileSync(p, bytes);
    const r = await reason(readXlsxFile(p));
    expect(r.reason).toBe("too-many-rows");
    expect(r.message).toContain("« million.xlsx »");
    expect(r.message).toMatch(/Export.*500\u202f000 lignes|Export.*500 000 lignes/);
  }, 120_000);

  it("a hostile row longer than the row size limit stops instead of growing a buffer", () => {
    const parser = new SheetParser({
      sharedStrings: [],
      dateStyles: [],
      date1904: false,
      maxRows: 10,
      maxRowBytes: 1000,
    });
    parser.push('<row r="1"><c r="A1" t="inlineStr"><is><t>');
    expect(() => {
      for (let i = 0; i < 20; i++) parser.push("x".repeat(100));
    }).toThrow(RowTooLong);
  });

  it("a workbook whose sheet data is damaged inside the zip (bad deflate stream) → truncated, not a crash or a hang", async () => {
    const rows = Array.from(
      { length: 3000 },
      (_v, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${(i * 7919) % 10007}</v></c></row>`,
    ).join("");
    const bytes = Buffer.from(await handXlsx({ sheets: [{ name: "S", sheetData: rows }] }));
    const at = bytes.indexOf("xl/worksheets/sheet1.xml") + 24 + 400;
    for (let i = 0; i < 64; i++) bytes[at + i] = 0xff;
    const p = join(dir, "abime.xlsx");
    writeFileSync(p, bytes);
    const r = await reason(readXlsxFile(p));
    expect(r.reason).toBe("truncated");
    expect(r.message).toContain("« abime.xlsx »");
  });

  it("a value typed far from the table (column XFD) on a long sheet → a clear message, not arrays of 16 384 columns per row", async () => {
    const rows = [`<row r="1"><c r="A1"><v>1</v></c><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>`];
    for (let r = 2; r <= 2000; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
    const bytes = await handXlsx({ sheets: [{ name: "Salariés", sheetData: rows.join("") }] });
    const r = await reason(readXlsxBytes(bytes, { name: "loin.xlsx" }));
    expect(r.reason).toBe("too-many-cells");
    expect(r.message).toContain("« loin.xlsx »");
    expect(r.message).toContain("XFD2000");
    expect(r.message).toContain("Ctrl+Fin");
    // The same stray cell on a short sheet is read (a wide but small used range).
    const small = await handXlsx({ sheets: [{ name: "S", sheetData: rows.slice(0, 5).join("") }] });
    const data = await readXlsxBytes(small);
    expect(data.sheets[0].rows).toHaveLength(5);
    expect(data.sheets[0].rows[0]).toHaveLength(16384);
    expect(data.sheets[0].rows[0][16383]).toBe("x");
  });

  it("a missing path", async () => {
    const r = await reason(readXlsxFile(join(dir, "absent.xlsx")));
    expect(r.reason).toBe("io");
    expect(r.message).toContain("introuvable");
  });
});
