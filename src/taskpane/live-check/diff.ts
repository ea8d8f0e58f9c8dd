import { parseA1, type Analysis, type Finding } from "../../core";

export interface FindingsDiff {
  /** Errors and warnings gone since the last check. */
  fixed: { error: number; warning: number };
  /** Errors and warnings that were not there. */
  added: { error: number; warning: number };
  /** Rows (1-based, by sheet) whose findings changed: their highlights are rewritten. */
  rows: Map<string, Set<number>>;
  /** Errors now, counted as the « Vérifié » notice counts them. */
  errors: number;
}

/**
 * A finding's identity across two checks: where and what, not the message (a value still wrong in
 * another way stays one error, not "1 fixed, 1 new"). The same workbook-level finding in several
 * reports is one.
 */
function identity(f: Finding): string {
  return [f.sheet ?? "", f.cell ?? "", f.row ?? "", f.code, f.severity, f.field ?? ""].join("\u0000");
}

function rowOf(f: Finding): number | null {
  if (f.row !== null) return f.row;
  return f.cell !== null ? (parseA1(f.cell)?.row ?? null) : null;
}

function byIdentity(reports: readonly Analysis[]): Map<string, Finding> {
  const out = new Map<string, Finding>();
  for (const r of reports) for (const f of r.report.issues) out.set(identity(f), f);
  return out;
}

/** What changed between two checks of the same workbook. Compares the listed findings (capped per rule). */
export function diffFindings(before: readonly Analysis[], after: readonly Analysis[]): FindingsDiff {
  const was = byIdentity(before);
  const now = byIdentity(after);
  const diff: FindingsDiff = {
    fixed: { error: 0, warning: 0 },
    added: { error: 0, warning: 0 },
    rows: new Map(),
    errors: after.reduce((n, r) => n + r.report.counts.error, 0),
  };
  const note = (f: Finding, side: "fixed" | "added") => {
    if (f.severity === "error" || f.severity === "warning") diff[side][f.severity]++;
    const row = rowOf(f);
    if (f.sheet === null || row === null) return;
    let set = diff.rows.get(f.sheet);
    if (!set) diff.rows.set(f.sheet, (set = new Set()));
    set.add(row);
  };
  for (const [k, f] of was) if (!now.has(k)) note(f, "fixed");
  for (const [k, f] of now) if (!was.has(k)) note(f, "added");
  return diff;
}

/** Both sets of rows together, by sheet. */
export function unionRows(
  a: ReadonlyMap<string, ReadonlySet<number>>,
  b: ReadonlyMap<string, ReadonlySet<number>>,
): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const m of [a, b])
    for (const [sheet, rows] of m) {
      const set = out.get(sheet) ?? new Set<number>();
      for (const r of rows) set.add(r);
      out.set(sheet, set);
    }
  return out;
}
