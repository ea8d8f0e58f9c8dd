import { OfficeUserError } from "../../src/excel";
import { FakeExcel, PAYLOAD_LIMIT } from "./fake-excel";
import { personRow, rng, workbookOn } from "./helpers";

test("reads a 50 000-row × 25-column sheet in at most 6 syncs, no request over 5 MB", async () => {
  const fake = new FakeExcel();
  const rand = rng(1);
  const header = Array.from({ length: 25 }, (_, j) => `Colonne ${j + 1}`);
  const rows = [header, ...Array.from({ length: 49_999 }, (_, i) => personRow(i, rand))];
  fake.model.addSheet("Salariés").put(0, 0, rows);
  fake.model.addSheet("Structure").put(0, 0, [["SIRET", "12345678901234"], ["Raison sociale", "Atelier du Lac"]]);

  const progress: { sheet: string; rowsRead: number; totalRows: number }[] = [];
  const data = await workbookOn(fake).read((p) => progress.push(p));

  expect(fake.syncCount).toBeLessThanOrEqual(6);
  expect(Math.max(...fake.valueReads.map((r) => r.rows))).toBeLessThanOrEqual(10_000);
  expect(fake.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
  const sheet = data.sheets.find((s) => s.name === "Salariés")!;
  expect(sheet.rows).toHaveLength(50_000);
  expect(sheet.rows[0]).toEqual(header);
  expect(sheet.rows[12_345]).toEqual(rows[12_345]);
  expect(sheet.rows[49_999]).toEqual(rows[49_999]);
  expect(sheet.rows.every((r) => r.length === 25)).toBe(true);
  expect(data.sheets.find((s) => s.name === "Structure")!.rows).toEqual([["SIRET", "12345678901234"], ["Raison sociale", "Atelier du Lac"]]);

  const mine = progress.filter((p) => p.sheet === "Salariés");
  expect(mine.length).toBeGreaterThan(1);
  expect(mine.map((p) => p.rowsRead)).toEqual([...mine.map((p) => p.rowsRead)].sort((a, b) => a - b));
  expect(mine[mine.length - 1]).toEqual({ sheet: "Salariés", rowsRead: 50_000, totalRows: 50_000 });
});

test("no Range read exceeds 10 000 rows", async () => {
  const fake = new FakeExcel();
  const rand = rng(2);
  fake.model.addSheet("Données").put(0, 0, Array.from({ length: 25_000 }, (_, i) => personRow(i, rand).slice(0, 3)));
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
  const error = await workbookOn(fake).read().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OfficeUserError);
  expect((error as Error).message).toContain("6\u202f250\u202f000 cellules utilisées");
  expect((error as Error).message).toContain("au-delà des 5\u202f000\u202f000");
  expect((error as Error).message).toContain("« Salariés » occupe A1:Y250000");
  expect(fake.syncCount).toBe(2);
});

test("origin offsets come from the used range address, quoted sheet names included", async () => {
  const fake = new FakeExcel();
  fake.model.addSheet("Feuil1").put(2, 2, [["Nom", "Sexe"], ["Martin", "F"]]); // C3:D4
  fake.model.addSheet("L'année 2025").put(9, 27, [["x"]]); // AB10
  fake.model.addSheet("Vide");
  const data = await workbookOn(fake).read();
  expect(data.sheets.map((s) => [s.name, s.origin, s.rows])).toEqual([
    ["Feuil1", { row: 2, col: 2 }, [["Nom", "Sexe"], ["Martin", "F"]]],
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
  const rows = Array.from({ length: 1000 }, (_, i) => Array.from({ length: 10 }, (_, j) => `${i}-${j}-${long}`));
  fake.model.addSheet("Notes").put(0, 0, rows);
  const data = await workbookOn(fake).read();
  expect(data.sheets[0].rows).toEqual(rows);
  const ok = fake.requests.filter((r) => r.bytes <= PAYLOAD_LIMIT);
  expect(ok.length).toBeGreaterThan(2);
  expect(fake.requests.filter((r) => r.bytes > PAYLOAD_LIMIT).length).toBeLessThanOrEqual(3);
});
