import type { TableInfo } from "../model/analysis";
import type { WorkbookData } from "../model/cells";
import type { RulesConfig } from "../model/config";
import type { MappingOverride } from "../model/fields";
import type { MotifIndex } from "../config/motifs";
import type { FindingCollector } from "../findings/collector";
import { locatePeopleTables } from "./people-sheets";
import { readStructure, type StructureRead } from "./structure-block";
import { readSheetRows } from "./sheet-rows";
import { selectSheets, type CandidateRows } from "./select-sheets";

export interface ReadContext {
  config: RulesConfig;
  motifs: MotifIndex;
  mapping?: MappingOverride;
  /** Findings about the workbook as a whole (header, columns, structure block, sheets). */
  findings: FindingCollector;
}

/** What reading a workbook gives, before it is split into reports. */
export interface WorkbookRead {
  structure: StructureRead;
  /** The people sheets read, with their typed rows (and the findings of each row, not yet reported). */
  sheets: CandidateRows[];
  tables: TableInfo[];
  date1904: boolean;
}

function yearsOf(start: string | null, end: string | null): number[] {
  if (!start || !end) return [];
  const a = Number(start.slice(0, 4));
  const b = Number(end.slice(0, 4));
  const out: number[] = [];
  for (let y = a; y <= b && out.length < 5; y++) out.push(y);
  return out;
}

/**
 * Locates the people tables and the structure block, reads every candidate sheet's rows, and chooses the
 * sheets read (§2.4.2). Never throws on bad input: problems become findings.
 */
export function readWorkbook(workbook: WorkbookData, ctx: ReadContext): WorkbookRead {
  const date1904 = workbook?.date1904 === true;
  const located = locatePeopleTables(workbook, ctx.mapping, ctx.findings);
  const first = located.candidates[0];
  const structure = readStructure(
    workbook,
    first ? { view: first.view, headerIndex: first.topIndex } : null,
    date1904,
    ctx.findings,
  );
  const all = located.candidates.map((c) => ({ ...readSheetRows(c, date1904, ctx.motifs), source: c }));
  const sheets = selectSheets(
    all,
    yearsOf(structure.structure.periodStart, structure.structure.periodEnd),
    located.chosen,
    ctx.findings,
  );
  for (const s of sheets) ctx.findings.absorb(s.source.findings);
  return { structure, sheets, tables: sheets.map((s) => s.source.table), date1904 };
}
