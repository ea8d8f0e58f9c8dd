import type { Analysis, WorkbookAnalysis } from "./model/analysis";
import type { WorkbookData } from "./model/cells";
import type { RulesConfig } from "./model/config";
import type { MappingOverride, PersonField } from "./model/fields";
import type { PersonRow } from "./model/person";
import { DEFAULT_CONFIG } from "./config/defaults";
import { motifIndexFor } from "./config/motifs";
import { FindingCollector } from "./findings/collector";
import { readWorkbook } from "./read/read-workbook";
import { reportStructure, splitReports, type ReportPart } from "./read/conventions";
import { runRules } from "./rules/run-rules";
import { computeIndicators } from "./indicators/compute";
import { toRecords } from "./indicators/records";

export interface AnalyzeOptions {
  config?: RulesConfig;
  mapping?: MappingOverride;
}

/**
 * The whole engine on one workbook: locate the people tables and the structure block, read typed rows,
 * split them into reports (one per convention), and for each report check every rule and compute the
 * indicators. Never throws on bad input: problems become findings.
 *
 * Each report lists the findings about the workbook as a whole (structure block, columns, sheets), those
 * of its sheets, and those of its own rows.
 */
export function analyzeWorkbook(workbook: WorkbookData, options: AnalyzeOptions = {}): WorkbookAnalysis {
  const config = options.config ?? DEFAULT_CONFIG;
  const motifs = motifIndexFor(config.exitMotifs);
  const shared = new FindingCollector(config.findingsCapPerRule);
  const read = readWorkbook(workbook, { config, motifs, mapping: options.mapping, findings: shared });
  const parts = splitReports(read.sheets, read.structure, shared);
  const kinds = parts.map((p) => p.kind);
  const name = typeof workbook?.name === "string" ? workbook.name : null;
  return {
    workbook: name,
    reports: parts.map((part) => analyzeReport(part, kinds, read, shared, config, name)),
  };
}

function analyzeReport(
  part: ReportPart,
  kinds: ReturnType<typeof splitReports>[number]["kind"][],
  read: ReturnType<typeof readWorkbook>,
  shared: FindingCollector,
  config: RulesConfig,
  workbook: string | null,
): Analysis {
  const motifs = motifIndexFor(config.exitMotifs);
  const findings = new FindingCollector(config.findingsCapPerRule);
  findings.absorb(shared);
  const structure = reportStructure(read.structure, part, kinds, config, findings);
  // A report with no rows of its own (nothing could be read) still shows the tables found.
  const tables = part.sheets.map((s) => s.source.table);
  for (const sheet of part.sheets) for (const d of sheet.drafts) findings.add(d.code, d.severity, d.detail);
  const rows: PersonRow[] = [];
  for (const r of part.rows) {
    rows.push(r.row);
    for (const d of r.drafts) findings.add(d.code, d.severity, d.detail);
  }
  runRules({
    config,
    motifs,
    findings,
    structure,
    structureLocations: read.structure.locations,
    tables,
    rows,
  });
  const fieldsPresent = new Set<PersonField>(tables.flatMap((t) => t.fieldsPresent));
  const indicators = computeIndicators(rows, {
    structure,
    fieldsPresent: [...fieldsPresent],
    config,
    motifs,
  });
  return {
    workbook,
    structure,
    structureLocations: read.structure.locations,
    table: tables[0] ?? null,
    tables,
    rowCount: rows.length,
    rows,
    report: findings.report(),
    indicators,
    records: toRecords(rows),
    rulesVersion: config.rulesVersion,
    targets: config.targets,
  };
}
