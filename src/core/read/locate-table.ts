import type { TableInfo } from "../model/analysis";
import type { SheetData } from "../model/cells";
import type { ColumnMapping, MappedField, MappingOverride, PersonField } from "../model/fields";
import { PERSON_FIELDS } from "../model/fields";
import { FindingCollector } from "../findings/collector";
import { a1 } from "../findings/a1";
import { FIELD_LABELS } from "./field-labels";
import { readHeaderCells, recognisedFields, type HeaderCell, type HeaderRows } from "./header-columns";
import { looksLikeNir } from "./sensitive";
import { rowAt, widthOf, type SheetView } from "./sheet-view";

/** The header must sit in the first 30 Excel rows; it needs at least 4 recognised headers. */
export const HEADER_SCAN_ROWS = 30;
export const MIN_RECOGNISED_HEADERS = 4;

/** A people table located on one sheet, with the findings its columns raised (reported if it is read). */
export interface SheetTable {
  view: SheetView;
  data: SheetData;
  sheetIndex: number;
  /** 0-based index of the first header row: pairs above it are the structure block. */
  topIndex: number;
  table: TableInfo;
  /** column-duplicate, column-sensitive, column-missing of this table. */
  findings: FindingCollector;
}

/** Best header row of a sheet in the first 30 Excel rows (most recognised fields, first on ties), or -1. */
export function findHeaderRow(view: SheetView, merges: SheetData["merges"], date1904: boolean): number {
  const limit = Math.min(view.rows.length, HEADER_SCAN_ROWS - view.originRow);
  let best = -1;
  let bestCount = MIN_RECOGNISED_HEADERS - 1;
  for (let i = 0; i < limit; i++) {
    const n = recognisedFields(readHeaderCells(view, { upper: -1, lower: i }, merges, undefined, date1904));
    if (n > bestCount) {
      best = i;
      bestCount = n;
    }
  }
  return best;
}

/**
 * A header on two rows (a group title merged over sub-headers, §2.4.4; or months under a merged "Heures
 * travaillées"): taken when reading the row above or below with it recognises more fields than the row alone.
 */
export function headerRowsAt(
  view: SheetView,
  h: number,
  merges: SheetData["merges"],
  date1904: boolean,
): HeaderRows {
  const alone = recognisedFields(readHeaderCells(view, { upper: -1, lower: h }, merges, undefined, date1904));
  let best: HeaderRows = { upper: -1, lower: h };
  let bestCount = alone;
  const tries: HeaderRows[] = [];
  if (h >= 1) tries.push({ upper: h - 1, lower: h });
  if (h + 1 < view.rows.length) tries.push({ upper: h, lower: h + 1 });
  for (const t of tries) {
    const n = recognisedFields(readHeaderCells(view, t, merges, undefined, date1904));
    // Two more fields at least: one stray word in a title row does not make a header of it.
    if (n >= bestCount + 2) {
      best = t;
      bestCount = n;
    }
  }
  return best;
}

/** Locates the table of a sheet whose header row is known (or found), and maps its columns. */
export function locateSheetTable(
  view: SheetView,
  data: SheetData,
  sheetIndex: number,
  headerIndex: number,
  mapping: MappingOverride | undefined,
  date1904: boolean,
): SheetTable {
  // A header row fixed by the user is read as one row.
  const rows =
    mapping?.headerRow !== undefined
      ? { upper: -1, lower: headerIndex }
      : headerRowsAt(view, headerIndex, data.merges, date1904);
  const findings = new FindingCollector(Number.MAX_SAFE_INTEGER);
  const cells = readHeaderCells(view, rows, data.merges, mapping, date1904);
  const table = mapColumns(view, rows.lower, cells, findings);
  return { view, data, sheetIndex, topIndex: rows.upper >= 0 ? rows.upper : rows.lower, table, findings };
}

/** The key a column takes: monthly columns each their own month. */
function fieldKey(field: MappedField, month: number | undefined, index: number): string {
  return field === "hoursMonth" ? `hoursMonth:${month ?? `col${index}`}` : field;
}

function mapColumns(
  view: SheetView,
  headerIndex: number,
  cells: readonly HeaderCell[],
  findings: FindingCollector,
): TableInfo {
  const headerRow = view.originRow + headerIndex + 1;
  const firstColumn = view.originCol + 1;
  const unknownHeaders: { index: number; header: string }[] = [];
  const sensitive = new Set<number>();

  const addSensitive = (c: HeaderCell, reason: string) => {
    sensitive.add(c.index);
    const column = firstColumn + c.index;
    findings.add("column-sensitive", "warning", () => ({
      sheet: view.name,
      cell: a1(c.row, column),
      row: c.row,
      column,
      field: null,
      value: c.header,
      message: `La colonne « ${c.header} » ${reason} (numéro de sécurité sociale ou équivalent). Elle n'est pas nécessaire au bilan : elle n'est ni lue ni envoyée. Supprimez-la du classeur si possible.`,
    }));
  };

  // Several columns for one field: the most specific header wins (the name it matched with the most
  // words), whatever the order, the first on ties; the others are named as ignored (§2.4.5).
  const words = (c: HeaderCell) => (c.match ? c.match.name.split(" ").length : 0);
  const byKey = new Map<string, HeaderCell[]>();
  for (const c of cells) {
    if (!c.match) {
      unknownHeaders.push({ index: c.index, header: c.header });
      continue;
    }
    if (c.match.field === "sensitive") {
      addSensitive(c, "semble contenir des données personnelles sensibles");
      continue;
    }
    const key = fieldKey(c.match.field, c.match.field === "hoursMonth" ? c.match.month : undefined, c.index);
    const list = byKey.get(key) ?? [];
    list.push(c);
    byKey.set(key, list);
  }
  const columns: ColumnMapping[] = [];
  for (const list of byKey.values()) {
    const used = list.reduce((best, c) => (words(c) > words(best) ? c : best), list[0]);
    const m = used.match as Exclude<HeaderCell["match"], null>;
    const field = m.field as MappedField;
    const cm: ColumnMapping = { field, index: used.index, header: used.header };
    if (field === "hoursMonth" && "month" in m && m.month !== undefined) cm.month = m.month;
    columns.push(cm);
    for (const other of list) {
      if (other === used) continue;
      const column = firstColumn + other.index;
      const fieldLabel =
        field === "hoursMonth" && cm.month ? `${FIELD_LABELS.hoursMonth} ${cm.month}` : FIELD_LABELS[field];
      findings.add("column-duplicate", "warning", () => ({
        sheet: view.name,
        cell: a1(other.row, column),
        row: other.row,
        column,
        field,
        value: other.header,
        message: `Les colonnes « ${used.header} » (${a1(used.row, firstColumn + used.index)}) et « ${other.header} » (${a1(other.row, column)}) correspondent toutes deux à « ${fieldLabel} ». Seule « ${used.header} » est lue : supprimez ou renommez l'autre, ou corrigez la correspondance des colonnes.`,
      }));
    }
  }
  columns.sort((a, b) => a.index - b.index);

  // Values that look like NIRs, whatever the header says (a "Identifiant" column, a PASS column misused).
  const sampleEnd = Math.min(view.rows.length, headerIndex + 1 + 30);
  const suspects = new Map<number, { nir: number; other: number }>();
  for (let i = headerIndex + 1; i < sampleEnd; i++) {
    const r = rowAt(view, i);
    const rw = widthOf(view, r);
    for (let j = 0; j < rw; j++) {
      const v = r[j];
      if (v === null || v === undefined || v === "" || typeof v === "boolean") continue;
      if (typeof v !== "string" && typeof v !== "number") continue;
      if (typeof v === "number" && v < 1e12) {
        const s = suspects.get(j);
        if (s) s.other++;
        continue;
      }
      const nir = looksLikeNir(v);
      let s = suspects.get(j);
      if (!s) {
        if (!nir) continue;
        s = { nir: 0, other: 0 };
        suspects.set(j, s);
      }
      if (nir) s.nir++;
      else s.other++;
    }
  }
  for (const [j, s] of suspects) {
    if (s.nir >= 2 && s.other === 0 && !sensitive.has(j)) {
      const cell = cells.find((c) => c.index === j) ?? {
        index: j,
        header: `colonne ${j + 1}`,
        row: headerRow,
        match: null,
      };
      addSensitive(cell, "contient des valeurs qui ressemblent à des numéros de sécurité sociale");
      const k = columns.findIndex((c) => c.index === j);
      if (k >= 0) columns.splice(k, 1);
      const u = unknownHeaders.findIndex((c) => c.index === j);
      if (u >= 0) unknownHeaders.splice(u, 1);
    }
  }

  const fields = new Set<MappedField>(columns.map((c) => c.field));
  const fieldsPresent: PersonField[] = PERSON_FIELDS.filter(
    (f) =>
      fields.has(f) ||
      (f === "hoursWorked" && fields.has("hoursMonth")) ||
      (f === "birthYear" && fields.has("birthDate")),
  );
  const table: TableInfo = {
    sheet: view.name,
    headerRow,
    headerIndex,
    firstColumn,
    columns,
    unknownHeaders,
    fieldsPresent,
  };
  reportMissingColumns(table, fields, findings);
  return table;
}

const REQUIRED: {
  fields: MappedField[];
  label: string;
  severity: "error" | "warning";
  field: PersonField;
}[] = [
  { fields: ["sex"], label: "Sexe", severity: "error", field: "sex" },
  {
    fields: ["birthDate", "birthYear"],
    label: "Date de naissance (ou Année de naissance)",
    severity: "error",
    field: "birthDate",
  },
  { fields: ["rsa"], label: "Bénéficiaire du RSA", severity: "error", field: "rsa" },
  { fields: ["hireDate"], label: "Date d'embauche", severity: "error", field: "hireDate" },
  {
    fields: ["hoursWorked", "hoursMonth"],
    label: "Heures travaillées (ou les colonnes Heures janvier … Heures décembre)",
    severity: "error",
    field: "hoursWorked",
  },
  { fields: ["qpv"], label: "Résident QPV", severity: "warning", field: "qpv" },
  { fields: ["passNumber"], label: "N° PASS IAE", severity: "warning", field: "passNumber" },
  { fields: ["exitDate"], label: "Date de sortie", severity: "warning", field: "exitDate" },
];

function reportMissingColumns(table: TableInfo, fields: Set<MappedField>, findings: FindingCollector): void {
  for (const req of REQUIRED) {
    if (req.fields.some((f) => fields.has(f))) continue;
    const consequence =
      req.severity === "error"
        ? "Cette colonne est obligatoire"
        : req.field === "qpv"
          ? "Sans elle, la part de résidents QPV ne peut pas être calculée"
          : req.field === "exitDate"
            ? "Sans elle, les indicateurs de sortie ne peuvent pas être calculés (ils restent vides, jamais 0)"
            : "Sans elle, les personnes sont identifiées par nom, prénom et date de naissance";
    findings.add("column-missing", req.severity, () => ({
      sheet: table.sheet,
      cell: null,
      row: null,
      column: null,
      field: req.field,
      value: null,
      message: `Colonne « ${req.label} » introuvable dans la feuille « ${table.sheet} » (en-têtes ligne ${table.headerRow}). ${consequence} : ajoutez-la au tableau ou indiquez la colonne correspondante avec « Corriger la correspondance des colonnes ».`,
    }));
  }
}
