import type { ReadProgress, SheetData, WorkbookData } from "../core";
import { parseRangeAddress } from "./address";
import { OfficeUserError, officeErrorCode } from "./office-errors";
import type { ReadLimits } from "./runner";

interface SheetPlan {
  name: string;
  origin: { row: number; col: number };
  rowCount: number;
  columnCount: number;
  rows: unknown[][];
}

const PAYLOAD_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);

function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
}

/**
 * Reads every worksheet's used range (values only). Syncs: 1 for the sheet list and the date system,
 * 1 for the used ranges, then as few as the 5 MB request limit allows: each sync reads as many row
 * blocks (≤ maxBlockRows each) as fit the byte budget, sized from the bytes per cell measured so far.
 */
export async function readWorkbookData(
  context: Excel.RequestContext,
  limits: ReadLimits,
  onProgress?: (p: ReadProgress) => void,
  workbookName?: string,
): Promise<WorkbookData> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
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
  await context.sync();

  const plans: SheetPlan[] = [];
  let totalCells = 0;
  let largest = { name: "", cells: 0, address: "" };
  for (const { ws, used } of sheets) {
    if (used.isNullObject) {
      plans.push({ name: ws.name, origin: { row: 0, col: 0 }, rowCount: 0, columnCount: 0, rows: [] });
      continue;
    }
    const box = parseRangeAddress(used.address);
    const cells = used.rowCount * used.columnCount;
    totalCells += cells;
    if (cells > largest.cells) largest = { name: ws.name, cells, address: used.address };
    plans.push({ name: ws.name, origin: { row: box.row, col: box.column }, rowCount: used.rowCount, columnCount: used.columnCount, rows: [] });
  }
  if (totalCells > limits.maxCells) {
    const where = largest.address.includes("!") ? largest.address.slice(largest.address.lastIndexOf("!") + 1) : largest.address;
    throw new OfficeUserError(
      `Le classeur contient ${formatCount(totalCells)} cellules utilisées, au-delà des ${formatCount(limits.maxCells)} que le complément peut lire ` +
        `(la feuille « ${largest.name} » occupe ${where}). Supprimez les lignes et colonnes vides en fin de feuille ` +
        "(souvent une valeur isolée très loin du tableau), ou vérifiez le fichier avec la commande bilan-iae.",
      "TooManyCells",
    );
  }

  // Bytes per cell measured on what has been read (JSON of the values, as Office serialises them).
  let measuredBytes = 0;
  let measuredCells = 0;
  let safety = 1;
  const bytesPerCell = () =>
    (measuredCells > 0 ? Math.max(measuredBytes / measuredCells, 2) * limits.margin : limits.initialBytesPerCell) * safety;

  let sheetIndex = 0;
  while (sheetIndex < plans.length) {
    const requests: { plan: SheetPlan; range: Excel.Range; rows: number }[] = [];
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
      const range = context.workbook.worksheets
        .getItem(plan.name)
        .getRangeByIndexes(plan.origin.row + already, plan.origin.col, take, plan.columnCount);
      range.load("values");
      requests.push({ plan, range, rows: take });
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
    for (const { plan, range } of requests) {
      const values = range.values as unknown[][];
      measuredBytes += JSON.stringify(values).length;
      measuredCells += values.length * plan.columnCount;
      for (const row of values) plan.rows.push(row);
    }
    const reported = new Set<SheetPlan>();
    for (const { plan } of requests) {
      if (reported.has(plan)) continue;
      reported.add(plan);
      onProgress?.({ sheet: plan.name, rowsRead: plan.rows.length, totalRows: plan.rowCount });
    }
    while (sheetIndex < plans.length && plans[sheetIndex].rows.length >= plans[sheetIndex].rowCount) sheetIndex++;
  }

  const out: SheetData[] = plans.map((p) => ({ name: p.name, rows: p.rows, origin: p.origin }));
  return { name: workbookName, sheets: out, date1904 };
}
