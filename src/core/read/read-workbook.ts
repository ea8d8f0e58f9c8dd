import type { TableInfo } from "../model/analysis";
import type { WorkbookData } from "../model/cells";
import type { RulesConfig } from "../model/config";
import type { MappingOverride } from "../model/fields";
import type { PersonRow } from "../model/person";
import type { StructureInfo, StructureLocations } from "../model/structure";
import type { MotifIndex } from "../config/motifs";
import type { FindingCollector } from "../findings/collector";

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

/** STUB — owned by the core-read work: locate table + structure block, read typed rows, emit read findings. */
export function readWorkbook(_workbook: WorkbookData, _ctx: ReadContext): ReadResult {
  throw new Error("readWorkbook: not implemented yet");
}
