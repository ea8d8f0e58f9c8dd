import {
  formatIndicator,
  formatIsoDate,
  INDICATOR_KEYS,
  type Analysis,
  type Finding,
  type Severity,
  type StructureInfo,
} from "../../core";
import type { FileResult } from "../analyze-file";
import { indicatorLabel, ruleTitle, severityLabel } from "../../xlsx/labels";

/** How many findings are listed per rule in text mode before "… et N autres". */
export const FIRST_FINDINGS = 5;

const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];
const SEVERITY_MARK: Record<Severity, string> = { error: "✗", warning: "!", info: "i" };

export function structureLine(s: StructureInfo): string {
  const parts = [
    s.kind ?? "type ?",
    s.name ? `« ${s.name} »` : "raison sociale ?",
    `SIRET ${s.siret ?? "?"}`,
  ];
  return `${parts.join(" ")} — période du ${formatIsoDate(s.periodStart)} au ${formatIsoDate(s.periodEnd)}`;
}

function where(f: Finding): string {
  if (f.sheet && f.cell) return `${f.sheet}!${f.cell}`;
  if (f.sheet) return f.sheet;
  return "classeur";
}

/** "bilan.xlsx", or "bilan.xlsx — convention EI (2 sur 2)" when the workbook holds several reports. */
export function reportTitle(file: string, a: Analysis, count: number): string {
  if (count <= 1) return file;
  return `${file} — convention ${a.structure.kind ?? "non déterminée"}`;
}

/** Readable French report of one file, grouped by rule (errors first); one block per report. */
export function checkText(result: FileResult): string {
  if (!result.ok) return `■ ${result.file}\n  ✗ Illisible : ${result.error.message}\n`;
  const n = result.reports.length;
  const head =
    n > 1
      ? `■ ${result.file} : ${n} conventions (${result.reports.map((a) => a.structure.kind ?? "?").join(", ")}), un bilan chacune\n`
      : "";
  return head + result.reports.map((a) => reportText(reportTitle(result.file, a, n), a)).join("");
}

function reportText(title: string, a: Analysis): string {
  const c = a.report.counts;
  const lines = [
    `■ ${title}`,
    `  ${structureLine(a.structure)}`,
    `  ${a.rowCount} ligne${a.rowCount > 1 ? "s" : ""} lue${a.rowCount > 1 ? "s" : ""} · ${c.error} ${severityLabel("error", c.error)} · ${c.warning} ${severityLabel("warning", c.warning)} · ${c.info} ${severityLabel("info", c.info)}`,
  ];
  if (c.error === 0 && c.warning === 0 && c.info === 0) lines.push("  ✓ Aucune anomalie.");
  const rules = [...a.report.rules].sort(
    (x, y) => SEVERITY_ORDER.indexOf(x.severity) - SEVERITY_ORDER.indexOf(y.severity) || y.count - x.count,
  );
  for (const r of rules) {
    lines.push(
      `  ${SEVERITY_MARK[r.severity]} ${ruleTitle(r.code)} [${r.code}] — ${r.count} ${severityLabel(r.severity, r.count)}`,
    );
    const listed = a.report.issues.filter((f) => f.code === r.code && f.severity === r.severity);
    for (const f of listed.slice(0, FIRST_FINDINGS)) lines.push(`      ${where(f)} : ${f.message}`);
    const more = r.count - Math.min(FIRST_FINDINGS, listed.length);
    if (more > 0) lines.push(`      … et ${more} autre${more > 1 ? "s" : ""}`);
  }
  return lines.join("\n") + "\n";
}

/** Two-column table of every indicator of one analysis. */
export function indicatorsText(file: string, a: Analysis): string {
  const labels = INDICATOR_KEYS.map((k) => indicatorLabel(k));
  const width = Math.max(...labels.map((l) => l.length));
  const lines = [`■ ${file}`, `  ${structureLine(a.structure)}`];
  INDICATOR_KEYS.forEach((k, i) =>
    lines.push(`  ${labels[i].padEnd(width)}  ${formatIndicator(k, a.indicators[k]).padStart(12)}`),
  );
  return lines.join("\n") + "\n";
}
