import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { ensureDist } from "../support/dist";

/**
 * Domain §2.4.3 and §4.5 through `bilan-iae consolidate`: a structure with two conventions gives the same
 * per-kind and department figures whether it returns one workbook holding both or one workbook per
 * convention. Structures count SIRETs, reports count conventions.
 */
const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "bilan-iae.js");
const REELS = join(ROOT, "examples", "reels");
const dir = mkdtempSync(join(tmpdir(), "bilan-conventions-"));

beforeAll(() => ensureDist(), 180_000);

/** The one-workbook file of a case, without the sheets or rows of the other convention. */
async function only(source: string, kind: "ACI" | "EI", out: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  for (const ws of [...wb.worksheets]) {
    if (/^(Salari[ée]s )?(ACI|EI)$/i.test(ws.name) && !ws.name.endsWith(kind)) wb.removeWorksheet(ws.id);
  }
  for (const ws of wb.worksheets) {
    let col = 0;
    let headerRow = 0;
    ws.eachRow((row, r) => {
      row.eachCell((c, k) => {
        if (!col && c.value === "Convention") {
          col = k;
          headerRow = r;
        }
      });
    });
    if (!col) continue;
    // Rows of the other convention are emptied (not spliced: the rest of the sheet keeps its rows).
    ws.eachRow((row, r) => {
      if (r > headerRow && row.getCell(col).value !== null && row.getCell(col).value !== kind)
        row.eachCell((c) => (c.value = null));
    });
  }
  await wb.xlsx.writeFile(out);
}

function consolidate(folder: string) {
  const r = spawnSync(process.execPath, [BIN, "consolidate", "--json", folder], {
    encoding: "utf8",
    env: { ...process.env, BILAN_IAE_DEBUG: "" },
  });
  expect(r.stderr).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
  return {
    code: r.status,
    out: JSON.parse(r.stdout) as {
      reports: { siret: string; kind: string }[];
      byKind: Record<string, unknown>;
      total: Record<string, unknown>;
    },
  };
}

it("one workbook with both conventions, or one workbook each: the same figures per kind and in all", async () => {
  const sheets = join(REELS, "conventions-sheets.exceljs.xlsx");
  const column = join(REELS, "conventions-column.exceljs.xlsx");
  const a = join(dir, "a");
  const b = join(dir, "b");
  mkdirSync(a);
  mkdirSync(b);
  // Folder a: the sheets case split in two workbooks, the column case as one.
  await only(sheets, "ACI", join(a, "s-aci.xlsx"));
  await only(sheets, "EI", join(a, "s-ei.xlsx"));
  await only(column, "ACI", join(b, "c-aci.xlsx"));
  await only(column, "EI", join(b, "c-ei.xlsx"));
  const wa = new ExcelJS.Workbook();
  await wa.xlsx.readFile(column);
  await wa.xlsx.writeFile(join(a, "c-both.xlsx"));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sheets);
  await wb.xlsx.writeFile(join(b, "s-both.xlsx"));

  const x = consolidate(a);
  const y = consolidate(b);
  expect(x.code).toBe(y.code);
  expect(x.out.reports.map((r) => `${r.siret}/${r.kind}`).sort()).toEqual(
    y.out.reports.map((r) => `${r.siret}/${r.kind}`).sort(),
  );
  expect(x.out.reports).toHaveLength(4);
  expect(x.out.byKind).toEqual(y.out.byKind);
  expect(x.out.total).toEqual(y.out.total);
  expect(x.out.total.structures).toBe(2);
  expect(x.out.total.reports).toBe(4);
});
