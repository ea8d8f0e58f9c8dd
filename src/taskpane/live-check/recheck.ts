import type {
  Analysis,
  LiveCheckPort,
  MappingOverride,
  SheetChange,
  WorkbookAnalysis,
  WorkbookData,
  WorkbookPort,
} from "../../core";
import { findingsToHighlight } from "../../core";
import { diffFindings, unionRows, type FindingsDiff } from "./diff";
import { planRecheck, type FullReason } from "./plan";
import { formulaStrips, refreshFormulaValues, spliceRows } from "./splice";

/** What the last check read and found: the session keeps it to re-check edits without reading it all. */
export interface CheckedWorkbook {
  data: WorkbookData;
  mapping: MappingOverride | null;
  reports: Analysis[];
}

export interface RecheckOutcome extends CheckedWorkbook {
  diff: FindingsDiff;
  /** Why the whole workbook was read again; null when only the edited rows were. */
  full: FullReason | null;
}

/**
 * Re-checks a burst of edits. Usually: the edited rows read again with the values of the formula cells
 * elsewhere (1 request), spliced into the cached cells, the engine run on the whole cached workbook (duplicates, totals and the structure still count),
 * then the highlights of the rows whose findings changed rewritten (≤ 2 requests). When the splice
 * cannot stand for a full read (see planRecheck): the whole workbook is read again. Null: nothing the
 * engine reads was edited.
 */
export async function recheckEdits(
  port: WorkbookPort & LiveCheckPort,
  checked: CheckedWorkbook,
  changes: readonly SheetChange[],
  analyze: (
    data: WorkbookData,
    mapping: MappingOverride | null,
  ) => WorkbookAnalysis | Promise<WorkbookAnalysis>,
): Promise<RecheckOutcome | null> {
  const plan = planRecheck(changes, checked.data, checked.reports);
  if (plan.kind === "none") return null;
  let data: WorkbookData;
  let mapping = checked.mapping;
  if (plan.kind === "rows") {
    const strips = formulaStrips(checked.data, plan.rows);
    const cells = await port.readRows([...plan.blocks, ...strips]);
    const spliced = spliceRows(checked.data, plan.blocks, cells.slice(0, plan.blocks.length));
    data = refreshFormulaValues(spliced, strips, cells.slice(plan.blocks.length));
  } else {
    mapping = await port.loadMapping();
    data = await port.read();
  }
  const { reports } = await analyze(data, mapping);
  const diff = diffFindings(checked.reports, reports);
  // Inserted or deleted rows moved the cells (and their fills) under the remembered addresses: the
  // highlights are left as they are then, « Surligner » redoes them.
  if (plan.kind === "rows" || plan.reason !== "shape")
    await port.refreshHighlights(unionRows(plan.rows, diff.rows), findingsToHighlight(reports).findings);
  return { data, mapping, reports, diff, full: plan.kind === "full" ? plan.reason : null };
}
