import type { MappingOverride, WorkbookData } from "../core";

/**
 * A hand-fixed column mapping travels with the file in a hidden sheet: A1 a marker, A2 the JSON.
 * A sheet (not a custom property) because every spreadsheet program keeps sheets on save.
 */
export const MAPPING_SHEET = "BilanIAE_correspondance";
export const MAPPING_MARKER = "bilan-iae-mapping-v1";

export function parseMappingJson(text: unknown): MappingOverride | null {
  if (typeof text !== "string" || text.trim() === "") return null;
  try {
    const v = JSON.parse(text) as unknown;
    if (typeof v !== "object" || v === null || Array.isArray(v)) return null;
    return v as MappingOverride;
  } catch {
    // A damaged mapping is ignored: the automatic mapping applies, nothing is lost.
    return null;
  }
}

/** Splits the mapping sheet off the workbook data (it must not be analysed as a data sheet). */
export function extractMapping(data: WorkbookData): { data: WorkbookData; mapping: MappingOverride | null } {
  const sheet = data.sheets.find((s) => s.name === MAPPING_SHEET);
  if (!sheet) return { data, mapping: null };
  const marker = sheet.rows[0]?.[0];
  const json = sheet.rows[1]?.[0];
  return {
    data: { ...data, sheets: data.sheets.filter((s) => s !== sheet) },
    mapping: marker === MAPPING_MARKER ? parseMappingJson(json) : null,
  };
}
