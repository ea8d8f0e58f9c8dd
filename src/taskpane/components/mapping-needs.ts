import type { Analysis, PersonField } from "../../core";

/** Fields the engine reported missing (its column-missing findings): the panel lists them, it does not decide them. */
export function missingFields(analysis: Analysis): PersonField[] {
  const out: PersonField[] = [];
  for (const f of analysis.report.issues) {
    if (f.code === "column-missing" && f.field && !out.includes(f.field as PersonField))
      out.push(f.field as PersonField);
  }
  return out;
}

/** The mapping panel shows when the engine found no table, unknown headers, or missing columns. */
export function needsMapping(analysis: Analysis): boolean {
  if (!analysis.table) return analysis.report.issues.some((f) => f.code === "header-not-found");
  return analysis.table.unknownHeaders.length > 0 || missingFields(analysis).length > 0;
}
