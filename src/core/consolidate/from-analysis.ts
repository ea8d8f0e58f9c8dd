import type { Analysis } from "../model/analysis";
import type { Severity } from "../model/findings";
import type { Indicators } from "../model/indicators";
import type { StructureInfo } from "../model/structure";
import type { IndicatorRow } from "../indicators/compute";
import { employeeKeys, periodOf } from "../indicators/population";
import type { ConsolidationInput } from "./types";

/**
 * A consolidation input from rows: the employees' keys come from the same population rule as the
 * indicators (≥ 1 h summed over the person's rows, hire not after the period end). The hub passes rows
 * rebuilt from a submission's records (rowsFromRecords), whose identities are the HMAC keys.
 */
export function consolidationInputFromRows(input: {
  file: string;
  structure: StructureInfo;
  valid: boolean;
  counts: Record<Severity, number>;
  indicators: Indicators;
  rows: readonly Pick<IndicatorRow, "identity" | "hireDate" | "hoursWorked">[];
}): ConsolidationInput {
  const { keys, unkeyed } = employeeKeys(input.rows, periodOf(input.structure).end);
  return {
    file: input.file,
    siret: input.structure.siret,
    name: input.structure.name,
    kind: input.structure.kind,
    valid: input.valid,
    counts: { ...input.counts },
    indicators: input.indicators,
    personKeys: keys,
    unkeyedPersons: unkeyed,
  };
}

/** A consolidation input from an analysed workbook (file mode: keys are plain identities, kept in memory). */
export function consolidationInputFromAnalysis(analysis: Analysis, file: string): ConsolidationInput {
  return consolidationInputFromRows({
    file,
    structure: analysis.structure,
    valid: analysis.report.valid,
    counts: analysis.report.counts,
    indicators: analysis.indicators,
    rows: analysis.rows,
  });
}
