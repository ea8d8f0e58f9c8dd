import { PERSON_FIELDS, type MappedField, type MappingOverride } from "../model/fields";
import type { WorkbookData } from "../model/cells";

/**
 * A hand-fixed column mapping travels inside the workbook in a very hidden sheet: A1 a marker, A2 the
 * JSON. A sheet rather than Office settings or a custom property because every program keeps sheets
 * on save, so the add-in (Office.js), the file mode and the department's CLI all read the same mapping.
 */
export const MAPPING_SHEET = "BilanIAE_correspondance";
export const MAPPING_MARKER = "bilan-iae-mapping-v1";

const FIELDS = new Set<string>([...PERSON_FIELDS, "hoursMonth", "convention"]);

/** Parses saved mapping JSON, keeping only well-formed entries: a hand-edited or damaged mapping must not break a check. */
export function parseMappingOverride(raw: unknown): MappingOverride | null {
  if (typeof raw !== "string" || raw.trim() === "") return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const out: MappingOverride = {};
  if (typeof v.sheet === "string") out.sheet = v.sheet;
  if (typeof v.headerRow === "number" && Number.isInteger(v.headerRow) && v.headerRow >= 1)
    out.headerRow = v.headerRow;
  if (v.columns && typeof v.columns === "object" && !Array.isArray(v.columns)) {
    const columns: Record<string, MappedField | null> = {};
    for (const [header, field] of Object.entries(v.columns as Record<string, unknown>)) {
      if (field === null || (typeof field === "string" && FIELDS.has(field)))
        columns[header] = field as MappedField | null;
    }
    out.columns = columns;
  }
  if (Array.isArray(v.sheets)) {
    const sheets = v.sheets.filter((x): x is string => typeof x === "string" && x !== "");
    if (sheets.length > 0) out.sheets = sheets;
  }
  return out;
}

/** The mapping sheet's cells (column A, rows 1–2). */
export function mappingSheetCells(mapping: MappingOverride): [[string], [string]] {
  return [[MAPPING_MARKER], [JSON.stringify(mapping)]];
}

/** Reads the mapping from the sheet's first two cells; null unless the marker is there. */
export function mappingFromCells(rows: readonly (readonly unknown[])[]): MappingOverride | null {
  return rows[0]?.[0] === MAPPING_MARKER ? parseMappingOverride(rows[1]?.[0]) : null;
}

/** Splits the mapping sheet off the workbook data: it must not be analysed as a data sheet. */
export function extractMapping(data: WorkbookData): { data: WorkbookData; mapping: MappingOverride | null } {
  const sheet = data.sheets.find((s) => s.name === MAPPING_SHEET);
  if (!sheet) return { data, mapping: null };
  return {
    data: { ...data, sheets: data.sheets.filter((s) => s !== sheet) },
    mapping: mappingFromCells(sheet.rows),
  };
}
