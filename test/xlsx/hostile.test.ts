import { checkEveryPart, readXlsxBytes } from "../../src/xlsx/read-buffer";
import { annotateWorkbook } from "../../src/xlsx/xlsx-workbook";
import { analyzeWorkbook } from "../../src/core";
import { readXlsxFile } from "../../src/xlsx/read-file";
import { isXlsxReadError, readReasonOf } from "../../src/xlsx/errors";
import { hostileFiles, repeatedPart, workbookWith, zipOf } from "./support/bombs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";

/**
 * Every part of a file is hostile until read: each class of crafted file ends, in Node (zlib) and with the
 * browser's inflater (jszip), with its own French message, in bounded time and memory.
 */

const dir = mkdtempSync(join(tmpdir(), "bilan-hostile-"));

async function outcome(p: Promise<unknown>): Promise<{ reason: string | null; message: string }> {
  try {
    await p;
    return { reason: null, message: "" };
  } catch (e) {
    if (!isXlsxReadError(e)) throw e;
    return { reason: readReasonOf(e), message: e.message };
  }
}

describe("hostile files: each class stops at its limit with its own message", () => {
  let files: Awaited<ReturnType<typeof hostileFiles>>;
  beforeAll(async () => {
    files = await hostileFiles();
  }, 60_000);

  it("Node (native zlib): every class, under 10 s each", async () => {
    for (const f of files) {
      const path = join(dir, f.name);
      writeFileSync(path, f.bytes);
      const started = Date.now();
      const got = await outcome(readXlsxFile(path));
      expect({ file: f.name, reason: got.reason }).toEqual({ file: f.name, reason: f.reason });
      if (f.pattern) expect(got.message).toMatch(f.pattern);
      if (f.reason) expect(got.message).toContain(`« ${f.name} »`);
      expect(Date.now() - started).toBeLessThan(10_000);
    }
  }, 120_000);

  it("browser path (jszip's inflater): the same reasons", async () => {
    for (const f of files) {
      const got = await outcome(readXlsxBytes(f.bytes, { name: f.name }));
      expect({ file: f.name, reason: got.reason }).toEqual({ file: f.name, reason: f.reason });
    }
  }, 120_000);
});

describe("structural limits", () => {
  it("a zip declaring more entries than the limit is refused before its directory is read", async () => {
    const entries = Array.from({ length: 12 }, (_v, i) => ({
      name: `x${i}.xml`,
      deflated: deflateRawSync(Buffer.from("x")),
      size: 1,
    }));
    const got = await outcome(
      readXlsxBytes(zipOf(entries), { name: "archive.xlsx", limits: { entries: 10 } }),
    );
    expect(got.reason).toBe("too-many-parts");
    expect(got.message).toMatch(/12 éléments dans l'archive/);
  });

  it("a workbook listing more sheets than the limit", async () => {
    const sheets = Array.from(
      { length: 5 },
      (_v, i) => `<sheet name="F${i}" sheetId="${i + 1}" r:id="rId1"/>`,
    ).join("");
    const wb = `<workbook xmlns:r="urn:r"><sheets>${sheets}</sheets></workbook>`;
    const bytes = await workbookWith("xl/workbook.xml", {
      deflated: deflateRawSync(Buffer.from(wb)),
      size: wb.length,
    });
    const got = await outcome(readXlsxBytes(bytes, { name: "feuilles.xlsx", limits: { sheets: 4 } }));
    expect(got.reason).toBe("too-many-parts");
    expect(got.message).toMatch(/plus de 4 feuilles/);
  });

  it("styles past the cell-format cap", async () => {
    const xml = `<styleSheet><cellXfs>${'<xf numFmtId="0"/>'.repeat(11)}</cellXfs></styleSheet>`;
    const bytes = await workbookWith("xl/styles.xml", {
      deflated: deflateRawSync(Buffer.from(xml)),
      size: xml.length,
    });
    const got = await outcome(readXlsxBytes(bytes, { name: "styles.xlsx", limits: { cellFormats: 10 } }));
    expect(got.reason).toBe("too-many-styles");
    expect(got.message).toMatch(/plus de 10 formats de cellule/);
  });

  it("everything inflated from one file is capped, even when each part is under its own limit", async () => {
    const part = repeatedPart(
      "<worksheet><sheetData>",
      "<row/>".repeat(1024),
      1024,
      "</sheetData></worksheet>",
    );
    const got = await outcome(
      readXlsxBytes(await workbookWith("xl/worksheets/sheet1.xml", part), {
        name: "total.xlsx",
        limits: { totalBytes: 4 * 1024 * 1024, ratio: 1e9 },
      }),
    );
    expect(got.reason).toBe("content-too-large");
    expect(got.message).toMatch(/plus de 4 Mo une fois décompressé/);
  });

  it("a file past the size limit is refused on its size, before being read", async () => {
    const path = join(dir, "gros.xlsx");
    writeFileSync(path, Buffer.alloc(3 * 1024 * 1024, 1));
    const got = await outcome(readXlsxFile(path, { limits: { fileBytes: 2 * 1024 * 1024 } }));
    expect(got.reason).toBe("file-too-large");
    expect(got.message).toMatch(/3 Mo, au-delà de 2 Mo/);
  });

  it("rows repeating one row number are counted, not kept forever", async () => {
    const part = repeatedPart(
      "<worksheet><sheetData>",
      '<row r="1"><c><v>1</v></c></row>'.repeat(1000),
      20,
      "</sheetData></worksheet>",
    );
    const got = await outcome(
      readXlsxBytes(await workbookWith("xl/worksheets/sheet1.xml", part), { name: "r1.xlsx", maxRows: 5000 }),
    );
    expect(got.reason).toBe("too-many-rows");
  });
});

describe("a bomb in a part the lean reader never opens", () => {
  it("reads (the reader skips it), but is refused before ExcelJS loads the whole package for the annotated copy", async () => {
    const bytes = await workbookWith(
      "xl/media/image1.png",
      repeatedPart("", "a".repeat(1024 * 1024), 2048, ""),
    );
    const data = await readXlsxBytes(bytes, { name: "image.xlsx" });
    expect(data.sheets).toHaveLength(1);
    const direct = await outcome(checkEveryPart(bytes, { name: "image.xlsx" }));
    expect(direct.reason).toBe("part-too-large");
    expect(direct.message).toMatch(/la partie xl\/media\/image1\.png dépasse 64 Mo/);
    const annotated = await outcome(
      annotateWorkbook(bytes, analyzeWorkbook(data).reports, { name: "image.xlsx", generatedAt: new Date() }),
    );
    expect(annotated.reason).toBe("part-too-large");
  }, 60_000);
});
