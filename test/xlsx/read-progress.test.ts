import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { readXlsxBytes, type RowsProgress } from "../../src/xlsx/read-buffer";
import { isXlsxReadError, readReasonOf } from "../../src/xlsx/errors";
import { streamInflateRaw } from "../../src/xlsx/stream-inflate";
import { hostileFiles } from "./support/bombs";

/**
 * File mode reads with row progress (each sheet's declared size peeked first) and the streaming inflater:
 * on workbooks from other writers and on hostile ones it must read exactly what the plain read reads, fail
 * the same way, and never show a total it does not know.
 */
const REELS = join(__dirname, "..", "..", "examples", "reels");
const EXAMPLE = join(__dirname, "..", "..", "examples", "ei-erreurs.xlsx");

async function withProgress(bytes: Uint8Array, name: string) {
  const seen: RowsProgress[] = [];
  const data = await readXlsxBytes(bytes, {
    name,
    inflateRaw: streamInflateRaw(),
    onRows: (p) => seen.push(p),
    progressEvery: 3,
  });
  return { data, seen };
}

async function reasonOf(p: Promise<unknown>): Promise<string | null> {
  try {
    await p;
    return null;
  } catch (e) {
    if (!isXlsxReadError(e)) throw e;
    return readReasonOf(e);
  }
}

describe("the pane's read (row progress, streaming inflate)", () => {
  const files = readdirSync(REELS).filter((f) => f.endsWith(".xlsx"));

  it("reads every corpus file (ExcelJS, inline strings with formulas without values, LibreOffice) as the plain read does", async () => {
    expect(files.filter((f) => f.includes(".libreoffice.")).length).toBeGreaterThan(10);
    expect(files.filter((f) => f.includes(".inline.")).length).toBeGreaterThan(10);
    for (const f of files) {
      const bytes = readFileSync(join(REELS, f));
      const plain = await readXlsxBytes(bytes, { name: f });
      const { data, seen } = await withProgress(bytes, f);
      expect({ f, data }).toEqual({ f, data: plain });
      const total = plain.sheets.reduce((n, s) => n + s.rows.length, 0);
      // Each total shown is the whole workbook's, never a part of it; the last one is exact.
      for (const p of seen)
        if (p.rowsEstimate !== null) expect([f, p.rowsEstimate >= p.rowsRead]).toEqual([f, true]);
      expect([f, seen[seen.length - 1].rowsEstimate]).toEqual([f, total]);
    }
  });

  it("fails on every hostile file as the plain read does", async () => {
    for (const f of await hostileFiles()) {
      const plain = await reasonOf(readXlsxBytes(f.bytes, { name: f.name }));
      const pane = await reasonOf(withProgress(f.bytes, f.name));
      expect({ file: f.name, pane }).toEqual({ file: f.name, pane: plain });
      expect({ file: f.name, plain }).toEqual({ file: f.name, plain: f.reason });
    }
  }, 120_000);

  it("a sheet cut inside a tag fails as the plain read does", async () => {
    const zip = await JSZip.loadAsync(readFileSync(EXAMPLE));
    const xml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    zip.file("xl/worksheets/sheet2.xml", xml.slice(0, xml.indexOf('<row r="5"') + 12));
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const plain = await reasonOf(readXlsxBytes(bytes, { name: "coupe.xlsx" }));
    expect(await reasonOf(withProgress(bytes, "coupe.xlsx"))).toBe(plain);
  });

  it("shows no total while a sheet still to read declares no size", async () => {
    const zip = await JSZip.loadAsync(readFileSync(EXAMPLE));
    const xml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    zip.file("xl/worksheets/sheet2.xml", xml.replace(/<dimension ref="[^"]*"\/>/, ""));
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const { data, seen } = await withProgress(bytes, "sans-dimension.xlsx");
    const [first, people] = data.sheets;
    const whileUnknown = seen.filter((x) => x.rowsRead < first.rows.length + people.rows.length);
    expect(whileUnknown.length).toBeGreaterThan(2);
    for (const p of whileUnknown)
      expect([p.sheet, p.rowsRead, p.rowsEstimate]).toEqual([p.sheet, p.rowsRead, null]);
    // Once only sheets with a declared size remain, the total is known again, and exact at the end.
    expect(seen[seen.length - 1].rowsEstimate).toBe(data.sheets.reduce((n, s) => n + s.rows.length, 0));
  });
});
