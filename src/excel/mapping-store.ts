import {
  MAPPING_SHEET,
  mappingFromCells,
  mappingSheetCells,
  parseMappingOverride,
  type MappingOverride,
} from "../core";

/**
 * The column mapping fixed by hand lives in the very hidden sheet the file adapter and the CLI also read
 * (core/read/mapping-sheet), so a workbook mapped in Excel is read the same way by the department.
 * Versions before that kept it in workbook.settings: still read, and moved to the sheet on the next save.
 */
export const LEGACY_MAPPING_SETTING = "BilanIAE.correspondance";

export async function loadMappingSheet(context: Excel.RequestContext): Promise<MappingOverride | null> {
  const ws = context.workbook.worksheets.getItemOrNullObject(MAPPING_SHEET);
  ws.load("name");
  const legacy = context.workbook.settings.getItemOrNullObject(LEGACY_MAPPING_SETTING);
  legacy.load("value");
  await context.sync();
  if (ws.isNullObject) return legacy.isNullObject ? null : parseMappingOverride(legacy.value);
  const cells = ws.getRange("A1:A2");
  cells.load("values");
  await context.sync();
  return mappingFromCells(cells.values);
}

export async function saveMappingSheet(
  context: Excel.RequestContext,
  mapping: MappingOverride | null,
): Promise<void> {
  const ws = context.workbook.worksheets.getItemOrNullObject(MAPPING_SHEET);
  ws.load("name");
  const legacy = context.workbook.settings.getItemOrNullObject(LEGACY_MAPPING_SETTING);
  legacy.load("key");
  await context.sync();
  if (!legacy.isNullObject) legacy.delete();
  if (mapping === null) {
    if (!ws.isNullObject) {
      // A very hidden sheet is made merely hidden first: Excel may refuse to delete it otherwise.
      ws.visibility = "Hidden";
      ws.delete();
    }
  } else {
    const sheet = ws.isNullObject ? context.workbook.worksheets.add(MAPPING_SHEET) : ws;
    sheet.getRange("A1:A2").values = mappingSheetCells(mapping);
    sheet.visibility = "VeryHidden";
  }
  await context.sync();
}
