import { analyzeWorkbook, type AnalyzeOptions } from "../../src/core/analyze";
import type { Analysis } from "../../src/core/model/analysis";
import type { WorkbookData } from "../../src/core/model/cells";

/** The analysis of a workbook that holds one report (one convention); fails the test otherwise. */
export function analyzeOne(workbook: WorkbookData, options?: AnalyzeOptions): Analysis {
  const { reports } = analyzeWorkbook(workbook, options);
  if (reports.length !== 1)
    throw new Error(
      `Expected one report, got ${reports.length} (${reports.map((r) => r.structure.kind).join(", ")})`,
    );
  return reports[0];
}
