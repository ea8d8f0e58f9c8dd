import type { Analysis } from "../model/analysis";
import type { Finding } from "../model/findings";

/**
 * The findings of every report with a cell, each once (a workbook-level finding may appear in every
 * report), and the number of distinct cells they fill.
 */
export function findingsToHighlight(reports: readonly Analysis[]): { findings: Finding[]; cells: number } {
  const seen = new Set<string>();
  const cells = new Set<string>();
  const findings: Finding[] = [];
  for (const r of reports) {
    for (const f of r.report.issues) {
      if (f.sheet === null || f.cell === null) continue;
      const key = `${f.sheet}!${f.cell}|${f.code}|${f.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      cells.add(`${f.sheet}!${f.cell}`);
      findings.push(f);
    }
  }
  return { findings, cells: cells.size };
}
