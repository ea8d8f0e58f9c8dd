import type { Analysis } from "./model/analysis";
import type { WorkbookData } from "./model/cells";
import type { RulesConfig } from "./model/config";
import type { MappingOverride } from "./model/fields";
import type { PersonRecord } from "./model/person";
import { DEFAULT_CONFIG } from "./config/defaults";
import { motifIndexFor } from "./config/motifs";
import { FindingCollector } from "./findings/collector";
import { readWorkbook } from "./read/read-workbook";
import { runRules } from "./rules/run-rules";
import { computeIndicators } from "./indicators/compute";
import { toRecords } from "./indicators/records";

export interface AnalyzeOptions {
  config?: RulesConfig;
  mapping?: MappingOverride;
}

/**
 * The whole engine on one workbook: locate the table and the structure block, read typed rows,
 * validate every rule, compute the indicators. Never throws on bad input: problems become findings.
 */
export function analyzeWorkbook(workbook: WorkbookData, options: AnalyzeOptions = {}): Analysis {
  const config = options.config ?? DEFAULT_CONFIG;
  const motifs = motifIndexFor(config.exitMotifs);
  const findings = new FindingCollector(config.findingsCapPerRule);
  const read = readWorkbook(workbook, { config, motifs, mapping: options.mapping, findings });
  runRules({ ...read, config, motifs, findings });
  const indicators = computeIndicators(read.rows, {
    structure: read.structure,
    fieldsPresent: read.table?.fieldsPresent ?? [],
    config,
    motifs,
  });
  const rows = read.rows;
  let records: PersonRecord[] | null = null;
  return {
    workbook: workbook.name ?? null,
    structure: read.structure,
    structureLocations: read.structureLocations,
    table: read.table,
    rows: read.rows,
    report: findings.report(),
    indicators,
    // Built on first read (then kept): checking a workbook does not need them, sending it does.
    // A getter defined in a literal is enumerable, so spreads and JSON see `records` as a plain value.
    get records(): PersonRecord[] {
      return (records ??= toRecords(rows));
    },
    rulesVersion: config.rulesVersion,
    targets: config.targets,
  };
}
