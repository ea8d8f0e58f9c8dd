import fc from "fast-check";
import { parseA1 } from "../../../src/core/findings/a1";
import type { SheetData, WorkbookData } from "../../../src/core/model/cells";
import { read, CANONICAL_HEADER } from "./helpers";

/** Cells of every kind the reader may meet, hostile ones included. */
const hostileCell = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    undefined,
    "",
    " ",
    "\u00a0",
    NaN,
    -0,
    Infinity,
    -Infinity,
    true,
    false,
    new Date(NaN),
    {},
    [],
    [[1]],
    "#N/A",
    "#REF!",
    "#n/a",
    "##N/A#N/A",
    "#DIV/0!#DIV/0!",
    { error: "#VALUE!" },
  ),
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    ...CANONICAL_HEADER,
    "Heures janvier",
    "Civilité",
    "NIR",
    "SIRET",
    "Raison sociale :",
    "Période du",
    "au",
    "Type de structure",
    "Département",
  ),
  fc.double(),
  fc.integer({ min: -1e6, max: 3e6 }),
  fc.date({ min: new Date(-1e13), max: new Date(1e13) }),
  fc.constantFrom(
    "31/02/2025",
    "15/03/2025",
    "2025-03-15",
    "1 234,5",
    "1,234,5",
    "Oui",
    "Non",
    "F",
    "H",
    "1 85 07 38 185 123 45",
    "x".repeat(100_000),
  ),
);

const sheetArb: fc.Arbitrary<SheetData> = fc.record({
  name: fc.oneof(fc.constantFrom("Salariés", "Structure", "Suivi", "Feuil1"), fc.string({ maxLength: 10 })),
  rows: fc.array(fc.array(hostileCell, { maxLength: 14 }), { maxLength: 45 }),
  origin: fc.option(
    fc.record({ row: fc.integer({ min: 0, max: 40 }), col: fc.integer({ min: 0, max: 30 }) }),
    { nil: undefined },
  ),
});

/** Rows extent of a sheet in Excel coordinates. */
function extentOf(sheet: SheetData): {
  lastRow: number;
  lastCol: number;
  firstRow: number;
  firstCol: number;
} {
  const o = sheet.origin ?? { row: 0, col: 0 };
  const width = Math.max(0, ...sheet.rows.map((r) => (Array.isArray(r) ? r.length : 0)));
  return {
    firstRow: o.row + 1,
    firstCol: o.col + 1,
    lastRow: o.row + sheet.rows.length,
    lastCol: o.col + width,
  };
}

function checkFindings(wb: WorkbookData): void {
  const r = read(wb);
  for (const f of r.report.issues) {
    expect(typeof f.message).toBe("string");
    expect(f.message.length).toBeGreaterThan(10);
    if (f.cell === null) continue;
    const p = parseA1(f.cell);
    expect(p).toEqual({ row: f.row, column: f.column });
    const sheet = wb.sheets.find((s) => s.name === f.sheet);
    expect(sheet).toBeDefined();
    const e = extentOf(sheet as SheetData);
    expect(f.row as number).toBeGreaterThanOrEqual(e.firstRow);
    expect(f.row as number).toBeLessThanOrEqual(e.lastRow);
    expect(f.column as number).toBeGreaterThanOrEqual(e.firstCol);
    expect(f.column as number).toBeLessThanOrEqual(e.lastCol);
  }
}

describe("readWorkbook on random and hostile workbooks", () => {
  it("never throws; every finding's A1 cell matches its row/column and lies inside its sheet", () => {
    fc.assert(
      fc.property(fc.array(sheetArb, { maxLength: 3 }), fc.boolean(), (sheets, date1904) => {
        // Distinct names, as Excel enforces.
        const seen = new Set<string>();
        const unique = sheets.filter((s) => !seen.has(s.name) && seen.add(s.name));
        checkFindings({ sheets: unique, date1904 });
      }),
      { numRuns: 300 },
    );
  });

  it("a recognised header over random data rows: same guarantees", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(hostileCell, { maxLength: 12 }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 5 }),
        (rows, col) => {
          checkFindings({
            sheets: [{ name: "Salariés", rows: [CANONICAL_HEADER, ...rows], origin: { row: 3, col } }],
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("50 000 columns, nested errors and non-array rows do not break it", () => {
    const wide = new Array<unknown>(50_000).fill("#N/A#REF!");
    for (let j = 0; j < CANONICAL_HEADER.length; j++) wide[j * 3] = CANONICAL_HEADER[j];
    const data = new Array<unknown>(50_000).fill("#VALUE!");
    data[9] = "F"; // Sexe (header index 3 × 3): a real value, so the row is a person with errors
    const rows = [wide, data, "not a row", null, { length: 5 }, data] as unknown as unknown[][];
    const wb: WorkbookData = { sheets: [{ name: "Salariés", rows }] };
    expect(() => checkFindings(wb)).not.toThrow();
    const r = read(wb);
    expect(r.table?.columns.length).toBe(CANONICAL_HEADER.length);
    expect(r.rows.map((p) => p.excelRow)).toEqual([2, 6]);
    expect(r.of("cell-error").length).toBe(2 * (CANONICAL_HEADER.length - 1));
  });

  it("a hostile workbook object itself does not throw", () => {
    for (const wb of [
      {} as WorkbookData,
      { sheets: null } as unknown as WorkbookData,
      { sheets: [null, { name: 5, rows: "x" }] } as unknown as WorkbookData,
    ]) {
      expect(() => read(wb)).not.toThrow();
    }
  });
});
