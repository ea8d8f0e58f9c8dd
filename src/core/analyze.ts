import type { Analysis } from "./model/analysis";
import type { WorkbookData } from "./model/cells";
import type { RulesConfig } from "./model/config";
import type { MappingOverride } from "./model/fields";
import type { PersonRecord, PersonRow } from "./model/person";
import type { Indicators } from "./model/indicators";
import { DEFAULT_CONFIG } from "./config/defaults";
import { motifIndexFor } from "./config/motifs";
import { FindingCollector } from "./findings/collector";
import { readHead } from "./read/read-workbook";
import { readRows, RowReader } from "./read/read-rows";
import { createRuleEnv } from "./rules/rule-env";
import { checkStructure } from "./rules/structure-rules";
import { rowRulesFor } from "./rules/run-rules";
import { computeIndicators, indicatorsFrom, indicatorTally, type IndicatorContext } from "./indicators/compute";
import { toRecords } from "./indicators/records";
import { PASS_CHUNK, RowPass } from "./row-pass";

/** Largest row count used to size an analysis's tables up front. */
const SIZE_HINT_MAX = 1 << 17;

export interface AnalyzeOptions {
  config?: RulesConfig;
  mapping?: MappingOverride;
}

/**
 * The whole engine on one workbook: locate the table and the structure block, read typed rows,
 * validate every rule, compute the indicators. Never throws on bad input: problems become findings.
 *
 * Same result as readWorkbook, then runRules, then computeIndicators, in one pass over the rows: each
 * row is checked and counted as it is read, then dropped. `rows` (and `records`) are built on first read,
 * by reading the cells again: checking a workbook needs neither. The cells are therefore taken as
 * immutable once analysed, as adapters give them (a fresh array per read), and the analysis holds them
 * until its rows are first read.
 * Findings are collected per phase (reading, structure rules, row rules) and joined in that order, so
 * that the report lists them exactly as the three steps one after the other would.
 */
export function analyzeWorkbook(workbook: WorkbookData, options: AnalyzeOptions = {}): Analysis {
  const config = options.config ?? DEFAULT_CONFIG;
  const motifs = motifIndexFor(config.exitMotifs);
  const findings = new FindingCollector(config.findingsCapPerRule);
  const readCtx = { config, motifs, mapping: options.mapping, findings };
  const head = readHead(workbook, readCtx);
  const { view, table } = head;
  const indicatorCtx: IndicatorContext = {
    structure: head.structure,
    fieldsPresent: table?.fieldsPresent ?? [],
    config,
    motifs,
  };

  const structureFindings = new FindingCollector(config.findingsCapPerRule);
  const rowFindings = new FindingCollector(config.findingsCapPerRule);
  // At most one data row per sheet row below the header: sizes the rules' and the tally's tables (which
  // grow past it), within a bound so that a sheet of a million mostly blank rows does not size them.
  const maxRows = view && table ? Math.min(Math.max(0, view.rows.length - table.headerIndex - 1), SIZE_HINT_MAX) : 0;
  const env = createRuleEnv({ ...head, config, motifs, findings: rowFindings, rows: { length: maxRows } });
  checkStructure({ ...env, findings: structureFindings });

  let indicators: Indicators;
  if (view && table) {
    const reader = new RowReader({ view, table, date1904: head.date1904, motifs, findings });
    const rules = rowRulesFor(env);
    const tally = indicatorTally(maxRows, indicatorCtx);
    const pass = new RowPass(rules, tally);
    reader.readEach(pass, PASS_CHUNK);
    pass.flush();
    for (const rule of rules) rule.finish?.();
    indicators = indicatorsFrom(tally, indicatorCtx);
    tally.release();
  } else {
    indicators = computeIndicators([], indicatorCtx);
  }
  findings.absorb(structureFindings);
  findings.absorb(rowFindings);

  let rows: PersonRow[] | null = null;
  let records: PersonRecord[] | null = null;
  // The cells are kept (by the analysis) only until the rows are read: then they are let go.
  let source = view && table ? { view, table } : null;
  const getRows = (): PersonRow[] => {
    if (rows === null) {
      // The same reading again, its findings (already reported) dropped.
      rows = source ? readRows({ ...source, date1904: head.date1904, motifs, findings: new FindingCollector(0) }) : [];
      source = null;
    }
    return rows;
  };
  return {
    workbook: workbook.name ?? null,
    structure: head.structure,
    structureLocations: head.structureLocations,
    table,
    // Built on first read (then kept). A getter defined in a literal is enumerable, so spreads and JSON
    // see `rows` and `records` as plain values.
    get rows(): PersonRow[] {
      return getRows();
    },
    report: findings.report(),
    indicators,
    get records(): PersonRecord[] {
      return (records ??= toRecords(getRows()));
    },
    rulesVersion: config.rulesVersion,
    targets: config.targets,
  };
}
