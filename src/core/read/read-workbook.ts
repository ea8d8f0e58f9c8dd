import type { TableInfo } from "../model/analysis";
import type { WorkbookData } from "../model/cells";
import type { RulesConfig } from "../model/config";
import type { MappingOverride } from "../model/fields";
import type { PersonRow } from "../model/person";
import type { StructureInfo, StructureLocations } from "../model/structure";
import type { MotifIndex } from "../config/motifs";
import type { FindingCollector } from "../findings/collector";
import { locateTable } from "./locate-table";
import { readStructure } from "./structure-block";
import { readRows } from "./read-rows";
import type { SheetView } from "./sheet-view";

export interface ReadContext {
  config: RulesConfig;
  motifs: MotifIndex;
  mapping?: MappingOverride;
  findings: FindingCollector;
}

export interface ReadResult {
  structure: StructureInfo;
  structureLocations: StructureLocations;
  table: TableInfo | null;
  rows: PersonRow[];
  date1904: boolean;
}

/** What is read before the rows: the table's place and columns, the structure block. */
export interface ReadHead {
  structure: StructureInfo;
  structureLocations: StructureLocations;
  table: TableInfo | null;
  /** The sheet of the table and its rows (null without a table). */
  view: SheetView | null;
  date1904: boolean;
}

/**
 * Locates the people table and the structure block, reads typed rows and emits the read-time
 * findings (header, columns, structure block, unreadable or missing cells). Never throws on bad input.
 */
export function readWorkbook(workbook: WorkbookData, ctx: ReadContext): ReadResult {
  const head = readHead(workbook, ctx);
  const rows = head.view && head.table ? readRows({ view: head.view, table: head.table, date1904: head.date1904, motifs: ctx.motifs, findings: ctx.findings }) : [];
  return { structure: head.structure, structureLocations: head.structureLocations, table: head.table, rows, date1904: head.date1904 };
}

/** The part of readWorkbook before the rows, with its findings. */
export function readHead(workbook: WorkbookData, ctx: ReadContext): ReadHead {
  const date1904 = workbook?.date1904 === true;
  const located = locateTable(workbook, ctx.mapping, ctx.findings);
  const { structure, locations } = readStructure(
    workbook,
    located ? { view: located.view, headerIndex: located.topIndex } : null,
    date1904,
    ctx.findings,
  );
  return { structure, structureLocations: locations, table: located?.table ?? null, view: located?.view ?? null, date1904 };
}
