import type { CellRange, FormulaCell, ReadProgress, SheetData, TableRange, WorkbookData } from "../core";
import { parseRangeAddress, splitAreasAddress } from "./address";
import { officeErrorCode } from "./office-errors";
import { UserError } from "../core/errors/user-error";
import type { ReadLimits, SetSupported } from "./runner";

interface SheetPlan {
  name: string;
  origin: { row: number; col: number };
  rowCount: number;
  columnCount: number;
  rows: unknown[][];
  formulas: FormulaCell[];
  merges: CellRange[];
  tables: TableRange[];
}

/** The reader looks for headers in the sheet's first 30 rows (core HEADER_SCAN_ROWS); merges matter there only. */
const HEADER_ZONE_ROWS = 30;

const PAYLOAD_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);

/**
 * Reads every worksheet's used range: values and formulas, the Excel Tables and the merged cells of
 * the header zone. Syncs: 1 for the sheet list, the tables and the date system, 1 for the used ranges
 * and the tables' addresses, then as few as the 5 MB request limit allows: each sync reads as many row
 * blocks (≤ maxBlockRows each) as fit the byte budget, sized from the bytes per cell measured so far;
 * a sheet's merged areas ride with its first block. Never a sync per row or per cell.
 */
export async function readWorkbookData(
  context: Excel.RequestContext,
  limits: ReadLimits,
  isSetSupported: SetSupported,
  onProgress?: (p: ReadProgress) => void,
  workbookName?: string,
): Promise<WorkbookData> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const tables = context.workbook.tables;
  tables.load("items/name,items/showTotals");
  // DATE(1904;1;1) is 0 in the 1904 date system and 1462 in the 1900 one. Workbook.use1904DateSystem
  // is still a preview API (absent from every released ExcelApi set up to 1.21), while
  // workbook.functions is ExcelApi 1.2 and writes nothing in the workbook.
  const probe = context.workbook.functions.date(1904, 1, 1);
  probe.load("value,error");
  await context.sync();
  const date1904 = probe.error == null && probe.value === 0;

  const sheets = worksheets.items.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("address,rowCount,columnCount");
    return { ws, used };
  });
  const tableRanges = tables.items.map((table) => {
    const range = table.getRange();
    range.load("address");
    return { table, range };
  });
  await context.sync();
  const mergesSupported = isSetSupported("ExcelApi", "1.13");

  const plans: SheetPlan[] = [];
  let totalCells = 0;
  let largest = { name: "", cells: 0, address: "" };
  for (const { ws, used } of sheets) {
    if (used.isNullObject) {
      plans.push({
        name: ws.name,
        origin: { row: 0, col: 0 },
        rowCount: 0,
        columnCount: 0,
        rows: [],
        formulas: [],
        merges: [],
        tables: [],
      });
      continue;
    }
    const box = parseRangeAddress(used.address);
    const cells = used.rowCount * used.columnCount;
    totalCells += cells;
    if (cells > largest.cells) largest = { name: ws.name, cells, address: used.address };
    plans.push({
      name: ws.name,
      origin: { row: box.row, col: box.column },
      rowCount: used.rowCount,
      columnCount: used.columnCount,
      rows: [],
      formulas: [],
      merges: [],
      tables: [],
    });
  }
  for (const { table, range } of tableRanges) {
    const box = parseRangeAddress(range.address);
    const plan = plans.find((p) => p.name === box.sheet);
    if (!plan) continue; // Office always names the sheet in a range address; a table elsewhere is not ours to read
    plan.tables.push({ name: table.name, range: boxToRange(box), totalsRow: table.showTotals });
  }
  if (totalCells > limits.maxCells) {
    const where = largest.address.includes("!")
      ? largest.address.slice(largest.address.lastIndexOf("!") + 1)
      : largest.address;
    throw new UserError("limit.too-many-cells", {
      cells: totalCells,
      max: limits.maxCells,
      sheet: largest.name,
      range: where,
    });
  }

  // Bytes per cell measured on what has been read (JSON of values and formulas, as Office serialises them;
  // a cell without a formula comes back twice, hence the initial estimate doubled).
  let measuredBytes = 0;
  let measuredCells = 0;
  let safety = 1;
  const bytesPerCell = () =>
    (measuredCells > 0
      ? Math.max(measuredBytes / measuredCells, 2) * limits.margin
      : limits.initialBytesPerCell * 2) * safety;

  let sheetIndex = 0;
  while (sheetIndex < plans.length) {
    const requests: { plan: SheetPlan; range: Excel.Range; rows: number; top: number }[] = [];
    const mergeReads: { plan: SheetPlan; areas: Excel.RangeAreas }[] = [];
    let budget = limits.requestBudgetBytes;
    const perCell = bytesPerCell();
    // Fill this sync with blocks from the current sheet, then the next ones, until the budget is spent.
    let cursor = sheetIndex;
    const pending = new Map<SheetPlan, number>();
    while (cursor < plans.length) {
      const plan = plans[cursor];
      const already = plan.rows.length + (pending.get(plan) ?? 0);
      const remaining = plan.rowCount - already;
      if (remaining <= 0) {
        cursor++;
        continue;
      }
      const rowBytes = Math.max(1, plan.columnCount * perCell);
      const fit = Math.floor(budget / rowBytes);
      // Always read at least one row, even when a single row is estimated over budget.
      const take = Math.min(remaining, limits.maxBlockRows, requests.length === 0 ? Math.max(1, fit) : fit);
      if (take <= 0) break;
      const sheet = context.workbook.worksheets.getItem(plan.name);
      const range = sheet.getRangeByIndexes(
        plan.origin.row + already,
        plan.origin.col,
        take,
        plan.columnCount,
      );
      range.load("values,formulas");
      requests.push({ plan, range, rows: take, top: plan.origin.row + already });
      const headerRows = Math.min(plan.rowCount, HEADER_ZONE_ROWS - plan.origin.row);
      if (already === 0 && mergesSupported && headerRows > 0) {
        const areas = sheet
          .getRangeByIndexes(plan.origin.row, plan.origin.col, headerRows, plan.columnCount)
          .getMergedAreasOrNullObject();
        areas.load("address");
        mergeReads.push({ plan, areas });
      }
      pending.set(plan, (pending.get(plan) ?? 0) + take);
      budget -= take * rowBytes;
      if (budget <= 0) break;
    }
    if (requests.length === 0) break;
    try {
      await context.sync();
    } catch (error) {
      // The estimate was too low for these rows (long texts): retry with a smaller request.
      const code = officeErrorCode(error);
      if (code !== null && PAYLOAD_CODES.has(code) && safety < 64 && requests.some((r) => r.rows > 1)) {
        safety *= 4;
        continue;
      }
      throw error;
    }
    safety = 1; // the measurement now includes the rows that were too big for the estimate
    for (const { plan, range, top } of requests) {
      const values = range.values as unknown[][];
      const formulas = range.formulas as unknown[][];
      measuredBytes += JSON.stringify(values).length + JSON.stringify(formulas).length;
      measuredCells += values.length * plan.columnCount;
      for (const row of values) plan.rows.push(row);
      collectFormulas(formulas, top, plan);
    }
    for (const { plan, areas } of mergeReads) {
      if (areas.isNullObject) continue;
      for (const address of splitAreasAddress(areas.address))
        plan.merges.push(boxToRange(parseRangeAddress(address)));
    }
    const reported = new Set<SheetPlan>();
    for (const { plan } of requests) {
      if (reported.has(plan)) continue;
      reported.add(plan);
      onProgress?.({ sheet: plan.name, rowsRead: plan.rows.length, totalRows: plan.rowCount });
    }
    while (sheetIndex < plans.length && plans[sheetIndex].rows.length >= plans[sheetIndex].rowCount)
      sheetIndex++;
  }

  const out: SheetData[] = plans.map((p) => ({
    name: p.name,
    rows: p.rows,
    origin: p.origin,
    formulas: p.formulas,
    merges: p.merges,
    tables: p.tables,
  }));
  return { name: workbookName, sheets: out, date1904 };
}

/** Office gives a formula cell's text with its "="; any other cell's `formulas` entry is its value. */
function collectFormulas(formulas: readonly (readonly unknown[])[], top: number, plan: SheetPlan): void {
  formulas.forEach((line, i) =>
    line.forEach((f, j) => {
      if (typeof f === "string" && f.startsWith("="))
        plan.formulas.push({ row: top + i, col: plan.origin.col + j, formula: f.slice(1) });
    }),
  );
}

function boxToRange(box: { row: number; column: number; rowCount: number; columnCount: number }): CellRange {
  return {
    top: box.row,
    left: box.column,
    bottom: box.row + box.rowCount - 1,
    right: box.column + box.columnCount - 1,
  };
}
