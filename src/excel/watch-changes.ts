import type { CellBox, ChangeWatch, SheetChange } from "../core";
import { parseRangeAddress, splitAreasAddress } from "./address";
import type { ContextRunner } from "./runner";

/** Office's event address ("B5", "B5:D7", "B5:D7, F9") → 0-based boxes; null for "B:B" or "5:5". */
export function changedAreas(address: string): CellBox[] | null {
  try {
    return splitAreasAddress(address).map((a) => {
      const { row, column, rowCount, columnCount } = parseRangeAddress(a);
      return { row, column, rowCount, columnCount };
    });
  } catch {
    // Whole rows or columns: the caller re-checks the whole workbook.
    return null;
  }
}

/**
 * Adds a worksheet.onChanged handler (ExcelApi 1.7) to every sheet present now: 2 requests. The handler
 * only reports; re-checking happens later, in its own requests. Stopping removes the handlers in the
 * context they were added in, as Office requires: 1 request.
 */
export async function watchSheetChanges(
  context: Excel.RequestContext,
  runIn: ContextRunner,
  onChange: (change: SheetChange) => void,
): Promise<ChangeWatch> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  // Each sheet's own handler: the event is that sheet's, so its name is the one loaded with it.
  const handlers = sheets.items.map((ws) =>
    ws.onChanged.add(async (args: Excel.WorksheetChangedEventArgs) => {
      onChange({ sheet: ws.name, changeType: String(args.changeType), areas: changedAreas(args.address) });
    }),
  );
  await context.sync();
  let stopped = false;
  return {
    stop: async () => {
      if (stopped || handlers.length === 0) return;
      stopped = true;
      await runIn(handlers[0].context, async (ctx) => {
        for (const h of handlers) h.remove();
        await ctx.sync();
      });
    },
  };
}
