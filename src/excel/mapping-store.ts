import { PERSON_FIELDS, type MappedField, type MappingOverride } from "../core";

/** Workbook setting holding the column mapping fixed by hand (JSON text; never a token or a secret). */
export const MAPPING_SETTING = "BilanIAE.correspondance";

const FIELDS = new Set<string>([...PERSON_FIELDS, "hoursMonth"]);

/** Parses the saved mapping, keeping only well-formed entries (a hand-edited setting must not break the pane). */
export function parseMapping(raw: unknown): MappingOverride | null {
  if (typeof raw !== "string" || raw === "") return null;
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
  if (typeof v.headerRow === "number" && Number.isInteger(v.headerRow) && v.headerRow >= 1) out.headerRow = v.headerRow;
  if (v.columns && typeof v.columns === "object" && !Array.isArray(v.columns)) {
    const columns: Record<string, MappedField | null> = {};
    for (const [header, field] of Object.entries(v.columns as Record<string, unknown>)) {
      if (field === null || (typeof field === "string" && FIELDS.has(field))) columns[header] = field as MappedField | null;
    }
    out.columns = columns;
  }
  return out;
}

export async function loadMappingSetting(context: Excel.RequestContext): Promise<MappingOverride | null> {
  const item = context.workbook.settings.getItemOrNullObject(MAPPING_SETTING);
  item.load("value");
  await context.sync();
  return item.isNullObject ? null : parseMapping(item.value);
}

export async function saveMappingSetting(context: Excel.RequestContext, mapping: MappingOverride | null): Promise<void> {
  if (mapping === null) {
    const item = context.workbook.settings.getItemOrNullObject(MAPPING_SETTING);
    item.load("key");
    await context.sync();
    if (item.isNullObject) return;
    item.delete();
  } else {
    context.workbook.settings.add(MAPPING_SETTING, JSON.stringify(mapping));
  }
  await context.sync();
}
