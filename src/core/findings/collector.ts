import type { Finding, FindingCode, RuleCount, Severity, ValidationReport } from "../model/findings";

/** What a rule says about a finding besides its code and severity. Built lazily: past the cap only counted. */
export type FindingDetail = Omit<Finding, "code" | "severity">;

/**
 * Collects findings with a cap per rule code (csvlint/Frictionless style: a capped list, true counts).
 * `add` takes a builder so that the 100 001st finding of a rule costs a counter increment, not a message.
 */
export class FindingCollector {
  private readonly listed: Finding[] = [];
  private readonly counts = new Map<string, RuleCount>();
  private readonly perCode = new Map<FindingCode, number>();

  constructor(private readonly cap: number) {}

  add(code: FindingCode, severity: Severity, build: () => FindingDetail): void {
    const key = `${code}\u0000${severity}`;
    let rc = this.counts.get(key);
    if (!rc) {
      rc = { code, severity, count: 0, listed: 0 };
      this.counts.set(key, rc);
    }
    rc.count++;
    const listedForCode = this.perCode.get(code) ?? 0;
    if (listedForCode < this.cap) {
      this.perCode.set(code, listedForCode + 1);
      rc.listed++;
      this.listed.push({ code, severity, ...build() });
    }
  }

  addAll(findings: readonly Finding[]): void {
    for (const f of findings) {
      const { code, severity, ...rest } = f;
      this.add(code, severity, () => rest);
    }
  }

  /**
   * Appends the findings of `other` as if they had been added here after this collector's own (same
   * caps). analyzeWorkbook collects the phases of one analysis apart and joins them in this order.
   */
  absorb(other: FindingCollector): void {
    const listedByKey = new Map<string, number>();
    for (const f of other.listed) {
      const listedForCode = this.perCode.get(f.code) ?? 0;
      if (listedForCode >= this.cap) continue;
      this.perCode.set(f.code, listedForCode + 1);
      this.listed.push(f);
      const key = `${f.code}\u0000${f.severity}`;
      listedByKey.set(key, (listedByKey.get(key) ?? 0) + 1);
    }
    for (const [key, rc] of other.counts) {
      let mine = this.counts.get(key);
      if (!mine) {
        mine = { code: rc.code, severity: rc.severity, count: 0, listed: 0 };
        this.counts.set(key, mine);
      }
      mine.count += rc.count;
      mine.listed += listedByKey.get(key) ?? 0;
    }
  }

  count(code: FindingCode, severity?: Severity): number {
    let n = 0;
    for (const rc of this.counts.values())
      if (rc.code === code && (!severity || rc.severity === severity)) n += rc.count;
    return n;
  }

  report(): ValidationReport {
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const rc of this.counts.values()) counts[rc.severity] += rc.count;
    const issues = [...this.listed].sort(compareFindings);
    const rules = [...this.counts.values()].sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        b.count - a.count ||
        a.code.localeCompare(b.code),
    );
    return { valid: counts.error === 0, counts, rules, issues };
  }
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Workbook-level findings first, then by sheet, row, column; ties keep severity order. */
export function compareFindings(a: Finding, b: Finding): number {
  const ra = a.row ?? -1;
  const rb = b.row ?? -1;
  if ((a.sheet ?? "") !== (b.sheet ?? "") && (a.row === null) === (b.row === null)) {
    // Keep the sheet grouping stable but do not reorder sheets alphabetically beyond that.
    if (a.sheet === null) return -1;
    if (b.sheet === null) return 1;
  }
  return (
    ra - rb || (a.column ?? -1) - (b.column ?? -1) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
  );
}
