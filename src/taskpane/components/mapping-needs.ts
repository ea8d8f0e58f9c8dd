import type { Analysis, MappingOverride, PersonField } from "../../core";

/** Fields the engine reported missing (its column-missing findings): the panel lists them, it does not decide them. */
export function missingFields(analysis: Analysis): PersonField[] {
  const out: PersonField[] = [];
  for (const f of analysis.report.issues) {
    if (f.code === "column-missing" && f.field && !out.includes(f.field as PersonField))
      out.push(f.field as PersonField);
  }
  return out;
}

/**
 * The mapping panel shows when the engine found no table, missing columns, or unknown headers the user
 * has not decided on yet (a free-text column saved as "ignorer" stays quiet).
 */
export function needsMapping(analysis: Analysis, mapping: MappingOverride | null = null): boolean {
  if (!analysis.table) return analysis.report.issues.some((f) => f.code === "header-not-found");
  const decided = mapping?.columns ?? {};
  const undecided = analysis.table.unknownHeaders.filter((h) => !(h.header in decided));
  return undecided.length > 0 || missingFields(analysis).length > 0;
}

/** The sheets the engine read people from, over every report, in the order first met. */
export function sheetsRead(reports: readonly Analysis[]): string[] {
  const out: string[] = [];
  for (const r of reports)
    for (const table of r.tables.length > 0 ? r.tables : r.table ? [r.table] : [])
      if (!out.includes(table.sheet)) out.push(table.sheet);
  return out;
}
