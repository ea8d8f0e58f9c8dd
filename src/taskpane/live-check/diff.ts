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

/** The codes whose list is cut (more findings than the cap per rule) in any report. */
function cutCodes(reports: readonly Analysis[]): Set<string> {
  const cut = new Set<string>();
  for (const r of reports) for (const rc of r.report.rules) if (rc.count > rc.listed) cut.add(rc.code);
  return cut;
}

/** True counts of one code and severity, all reports together. */
function trueCount(reports: readonly Analysis[], code: string, severity: "error" | "warning"): number {
  let n = 0;
  for (const r of reports)
    for (const rc of r.report.rules) if (rc.code === code && rc.severity === severity) n += rc.count;
  return n;
}

/**
 * What changed between two checks of the same workbook: finding by finding where every finding is listed;
 * for a rule whose list is cut at the cap, from its true counts (fixing a listed finding brings an unlisted
 * one into the list, which is not a new error).
 */
export function diffFindings(before: readonly Analysis[], after: readonly Analysis[]): FindingsDiff {
  const was = byIdentity(before);
  const now = byIdentity(after);
  const cut = new Set([...cutCodes(before), ...cutCodes(after)]);
  const diff: FindingsDiff = {
    fixed: { error: 0, warning: 0 },
    added: { error: 0, warning: 0 },
    rows: new Map(),
    errors: after.reduce((n, r) => n + r.report.counts.error, 0),
  };
  const note = (f: Finding, side: "fixed" | "added") => {
    if ((f.severity === "error" || f.severity === "warning") && !cut.has(f.code)) diff[side][f.severity]++;
    const row = rowOf(f);
    if (f.sheet === null || row === null) return;
    let set = diff.rows.get(f.sheet);
    if (!set) diff.rows.set(f.sheet, (set = new Set()));
    set.add(row);
  };
  for (const [k, f] of was) if (!now.has(k)) note(f, "fixed");
  for (const [k, f] of now) if (!was.has(k)) note(f, "added");
  for (const code of cut)
    for (const severity of ["error", "warning"] as const) {
      const change = trueCount(after, code, severity) - trueCount(before, code, severity);
      if (change < 0) diff.fixed[severity] -= change;
      else diff.added[severity] += change;
    }
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
