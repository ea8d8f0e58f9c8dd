import { UserError } from "../../src/core/errors/user-error";
import { FakeExcel, PAYLOAD_LIMIT } from "./fake-excel";
import { personRow, rng, workbookOn } from "./helpers";

// Values and formulas come back together (Office repeats a plain cell's value in `formulas`): about
// 25 MB for this sheet, so 2 syncs for the sheet list and used ranges, then 6 of ≤ 4 MB.
test("reads a 50 000-row × 25-column sheet, values and formulas, in at most 8 syncs, no request over 5 MB", async () => {
  const fake = new FakeExcel();
  const rand = rng(1);
  const header = Array.from({ length: 25 }, (_, j) => `Colonne ${j + 1}`);
  const rows = [header, ...Array.from({ length: 49_999 }, (_, i) => personRow(i, rand))];
  fake.model.addSheet("Salariés").put(0, 0, rows);
  fake.model.addSheet("Structure").put(0, 0, [
    ["SIRET", "12345678901234"],
    ["Raison sociale", "Atelier du Lac"],
  ]);

  const progress: { sheet: string; rowsRead: number; totalRows: number }[] = [];
  const data = await workbookOn(fake).read((p) => progress.push(p));

  expect(fake.syncCount).toBeLessThanOrEqual(8);
  expect(Math.max(...fake.valueReads.map((r) => r.rows))).toBeLessThanOrEqual(10_000);
  expect(fake.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
  const sheet = data.sheets.find((s) => s.name === "Salariés")!;
  expect(sheet.rows).toHaveLength(50_000);
  expect(sheet.rows[0]).toEqual(header);
  expect(sheet.rows[12_345]).toEqual(rows[12_345]);
  expect(sheet.rows[49_999]).toEqual(rows[49_999]);
  expect(sheet.rows.every((r) => r.length === 25)).toBe(true);
  expect(data.sheets.find((s) => s.name === "Structure")!.rows).toEqual([
    ["SIRET", "12345678901234"],
    ["Raison sociale", "Atelier du Lac"],
  ]);

  const mine = progress.filter((p) => p.sheet === "Salariés");
  expect(mine.length).toBeGreaterThan(1);
  expect(mine.map((p) => p.rowsRead)).toEqual([...mine.map((p) => p.rowsRead)].sort((a, b) => a - b));
  expect(mine[mine.length - 1]).toEqual({ sheet: "Salariés", rowsRead: 50_000, totalRows: 50_000 });
});

test("no Range read exceeds 10 000 rows", async () => {
  const fake = new FakeExcel();
  const rand = rng(2);
  fake.model.addSheet("Données").put(
    0,
    0,
    Array.from({ length: 25_000 }, (_, i) => personRow(i, rand).slice(0, 3)),
  );
  const data = await workbookOn(fake).read();
  expect(data.sheets[0].rows).toHaveLength(25_000);
  // 3 narrow columns fit one request, but each Range read stays ≤ 10 000 rows.
  expect(fake.valueReads.map((r) => r.rows)).toEqual([10_000, 10_000, 5_000]);
  expect(fake.syncCount).toBe(3);
});

test("refuses beyond 5 000 000 cells with a French message, before reading any value", async () => {
  const fake = new FakeExcel();
  const sheet = fake.model.addSheet("Salariés");
  sheet.setValue(0, 0, "Nom");
  sheet.setValue(249_999, 24, "x"); // a stray value far away: used range A1:Y250000 = 6 250 000 cells
  const error = await workbookOn(fake)
    .read()
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  expect(error).toMatchObject({
    code: "limit.too-many-cells",
    params: { cells: 6_250_000, max: 5_000_000, sheet: "Salariés", range: "A1:Y250000" },
  });
  expect((error as Error).message).toContain("6\u202f250\u202f000 cellules utilisées");
  expect((error as Error).message).toContain("au-delà des 5\u202f000\u202f000");
  expect((error as Error).message).toContain("« Salariés » occupe A1:Y250000");
  expect(fake.syncCount).toBe(2);
});

test("origin offsets come from the used range address, quoted sheet names included", async () => {
  const fake = new FakeExcel();
  fake.model.addSheet("Feuil1").put(2, 2, [
    ["Nom", "Sexe"],
    ["Martin", "F"],
  ]); // C3:D4
  fake.model.addSheet("L'année 2025").put(9, 27, [["x"]]); // AB10
  fake.model.addSheet("Vide");
  const data = await workbookOn(fake).read();
  expect(data.sheets.map((s) => [s.name, s.origin, s.rows])).toEqual([
    [
      "Feuil1",
      { row: 2, col: 2 },
      [
        ["Nom", "Sexe"],
        ["Martin", "F"],
      ],
    ],
    ["L'année 2025", { row: 9, col: 27 }, [["x"]]],
    ["Vide", { row: 0, col: 0 }, []],
  ]);
});

test("detects the 1904 date system", async () => {
  const fake = new FakeExcel();
  fake.model.addSheet("A").put(0, 0, [[1]]);
  expect((await workbookOn(fake).read()).date1904).toBe(false);
  fake.model.date1904 = true;
  expect((await workbookOn(fake).read()).date1904).toBe(true);
});

test("long texts over the estimate: the request that hits the 5 MB limit is retried smaller", async () => {
  const fake = new FakeExcel();
  const long = "é".repeat(1000);
  const rows = Array.from({ length: 1000 }, (_, i) =>
    Array.from({ length: 10 }, (_, j) => `${i}-${j}-${long}`),
  );
  fake.model.addSheet("Notes").put(0, 0, rows);
  const data = await workbookOn(fake).read();
  expect(data.sheets[0].rows).toEqual(rows);
  const ok = fake.requests.filter((r) => r.bytes <= PAYLOAD_LIMIT);
  expect(ok.length).toBeGreaterThan(2);
  expect(fake.requests.filter((r) => r.bytes > PAYLOAD_LIMIT).length).toBeLessThanOrEqual(3);
});

/** A people sheet as departments edit it: a title, a grouped header merged over two columns, an Excel Table with a totals row. */
function editedWorkbook(fake: FakeExcel, people: number): void {
  const sheet = fake.model.addSheet("Salariés");
  sheet.put(0, 0, [["Bilan 2025 — Atelier du Lac"]]);
  sheet.put(2, 1, [
    ["Nom", "Heures", "Sortie", ""],
    ["", "", "Date", "Motif"],
  ]); // B3:E4
  sheet.merge("D3:E3").merge("B3:B4");
  for (let i = 0; i < people; i++) sheet.put(4 + i, 1, [[`Personne ${i + 1}`, 100 + i, "", ""]]);
  const total = 5 + people; // 1-based row of the totals row
  sheet.put(total - 1, 1, [["Total"]]);
  sheet.setFormula(`C${total}`, `=SUBTOTAL(109,C5:C${total - 1})`); // written by a program: no stored value
  sheet.setFormula("F5", "=C5/1607", 100 / 1607);
  sheet.addTable("TableauSalariés", `B4:F${total}`, true);
  const other = fake.model.addSheet("Sites");
  other.put(0, 0, [
    ["Site", "Ville"],
    ["Nord", "Gap"],
  ]);
  other.addTable("Sites", "A1:B2", false);
}

test("formulas, Excel Tables with their totals rows and the header zone's merged cells reach the core", async () => {
  const fake = new FakeExcel();
  editedWorkbook(fake, 3);
  const data = await workbookOn(fake).read();
  const people = data.sheets.find((s) => s.name === "Salariés")!;
  expect(people.origin).toEqual({ row: 0, col: 0 });
  // Sheet coordinates, 0-based: C8 is row 7, col 2.
  expect(people.formulas).toEqual([
    { row: 4, col: 5, formula: "C5/1607" },
    { row: 7, col: 2, formula: "SUBTOTAL(109,C5:C7)" },
  ]);
  expect(people.rows[7][2]).toBe(""); // the formula without a stored value reads as an empty cell
  expect(people.merges).toEqual([
    { top: 2, left: 3, bottom: 2, right: 4 },
    { top: 2, left: 1, bottom: 3, right: 1 },
  ]);
  expect(people.tables).toEqual([
    { name: "TableauSalariés", range: { top: 3, left: 1, bottom: 7, right: 5 }, totalsRow: true },
  ]);
  const sites = data.sheets.find((s) => s.name === "Sites")!;
  expect(sites).toMatchObject({
    formulas: [],
    merges: [],
    tables: [{ name: "Sites", range: { top: 0, left: 0, bottom: 1, right: 1 }, totalsRow: false }],
  });
});

test("tables, merges and formulas cost no sync of their own: 3 syncs for 10 or 20 000 rows", async () => {
  for (const people of [10, 20_000]) {
    const fake = new FakeExcel();
    editedWorkbook(fake, people);
    const data = await workbookOn(fake).read();
    // 1: sheet list, tables, date system · 2: used ranges, table addresses · 3: values, formulas and merges.
    expect(fake.syncCount).toBe(3);
    expect(data.sheets[0].tables![0].range.bottom).toBe(4 + people);
    expect(data.sheets[0].merges).toHaveLength(2);
  }
});

test("a merge below the header zone (row 31 and after) is not read", async () => {
  const fake = new FakeExcel();
  editedWorkbook(fake, 40);
  fake.model.sheet("Salariés").merge("D40:E40");
  const data = await workbookOn(fake).read();
  expect(data.sheets[0].merges).toHaveLength(2);
});

test("before ExcelApi 1.13 the merged cells are skipped (never asked for), the rest is read", async () => {
  const fake = new FakeExcel();
  fake.apiVersion = "1.12";
  editedWorkbook(fake, 3);
  const data = await workbookOn(fake).read();
  expect(data.sheets[0].merges).toEqual([]);
  expect(data.sheets[0].tables).toHaveLength(1);
  expect(data.sheets[0].formulas).toHaveLength(2);
  expect(fake.executed.some((e) => e.label === "mergedAreas.load")).toBe(false);
});

test("the fake answers isSetSupported as Office does: this version or later", () => {
  const fake = new FakeExcel();
  fake.apiVersion = "1.13";
  expect([
    fake.isSetSupported("ExcelApi", "1.1"),
    fake.isSetSupported("ExcelApi", "1.9"),
    fake.isSetSupported("ExcelApi", "1.13"),
  ]).toEqual([true, true, true]);
  expect([
    fake.isSetSupported("ExcelApi", "1.14"),
    fake.isSetSupported("ExcelApi", "2.0"),
    fake.isSetSupported("WordApi", "1.1"),
  ]).toEqual([false, false, false]);
});

test("merged areas on a sheet whose quoted name holds a comma and a quote", async () => {
  const fake = new FakeExcel();
  fake.model
    .addSheet("Sortie, l'an 2025")
    .put(0, 0, [
      ["Sortie", "", "Entrée", ""],
      ["Date", "Motif", "Date", "PASS"],
    ])
    .merge("A1:B1")
    .merge("C1:D1");
  const data = await workbookOn(fake).read();
  expect(data.sheets[0].merges).toEqual([
    { top: 0, left: 0, bottom: 0, right: 1 },
    { top: 0, left: 2, bottom: 0, right: 3 },
  ]);
});
