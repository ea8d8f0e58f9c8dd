import type { TableInfo } from "../model/analysis";
import type { WorkbookData } from "../model/cells";
import type { ColumnMapping, MappedField, MappingOverride, PersonField } from "../model/fields";
import { PERSON_FIELDS } from "../model/fields";
import type { FindingCollector } from "../findings/collector";
import { a1 } from "../findings/a1";
import { normalizeLabel } from "../parse/normalize-code";
import { trimCell } from "../parse/outcome";
import { dayFromDate, dayFromSerial, ymdFromDay } from "../dates/day-number";
import { FIELD_LABELS } from "./field-labels";
import { matchNormalizedHeader, monthOfHeader, type HeaderMatch } from "./match-header";
import { looksLikeNir } from "./sensitive";
import { PEOPLE_SHEET_NAMES, sheetNameIs } from "./sheet-names";
import { rowAt, viewOf, widthOf, type SheetView } from "./sheet-view";

/** The header must sit in the first 30 Excel rows; it needs at least 4 recognised headers. */
export const HEADER_SCAN_ROWS = 30;
export const MIN_RECOGNISED_HEADERS = 4;

export interface LocatedTable {
  table: TableInfo;
  view: SheetView;
  sheetIndex: number;
  /** 0-based index of the first header row (the upper row of a two-row header): pairs above it are the structure block. */
  topIndex: number;
}

const MONTH_NAMES = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
/** Serials of 01/01/2000 and 31/12/2100: a number in a header row within them is a month header ("janv.-25"). */
const HEADER_SERIAL_MIN = 36526;
const HEADER_SERIAL_MAX = 73415;

/**
 * Header text of a cell: strings (trimmed, bounded); a date (Date object or serial, as monthly hours
 * columns headed "janv.-25" arrive) becomes "janvier 2025" so that it matches as a monthly column.
 */
function headerText(v: unknown, date1904: boolean): string | null {
  if (typeof v === "string") {
    if (v.length > 300) return null;
    const t = trimCell(v);
    return t === "" ? null : t;
  }
  let d: number | null = null;
  if (typeof v === "number" && Number.isInteger(v) && v >= HEADER_SERIAL_MIN - (date1904 ? 1462 : 0) && v <= HEADER_SERIAL_MAX) {
    d = dayFromSerial(v, date1904);
  } else if (v instanceof Date) {
    d = dayFromDate(v);
  }
  if (d === null) return null;
  const { y, m } = ymdFromDay(d);
  return y >= 2000 && y <= 2100 ? `${MONTH_NAMES[m - 1]} ${y}` : null;
}

function countRecognised(view: SheetView, i: number, date1904: boolean): number {
  const row = rowAt(view, i);
  const w = widthOf(view, row);
  let n = 0;
  for (let j = 0; j < w; j++) {
    const t = headerText(row[j], date1904);
    if (t === null) continue;
    const m = matchNormalizedHeader(normalizeLabel(t));
    if (m && m.field !== "sensitive") n++;
  }
  return n;
}

/** Best header row of a sheet in the first 30 Excel rows (most recognised headers, first on ties), or -1. */
function findHeaderRow(view: SheetView, date1904: boolean): number {
  const limit = Math.min(view.rows.length, HEADER_SCAN_ROWS - view.originRow);
  let best = -1;
  let bestCount = MIN_RECOGNISED_HEADERS - 1;
  for (let i = 0; i < limit; i++) {
    const n = countRecognised(view, i, date1904);
    if (n > bestCount) {
      best = i;
      bestCount = n;
    }
  }
  return best;
}

/** Recognised headers of row i in the columns where row `other` has no header text. */
function recognisedWhereEmpty(view: SheetView, i: number, other: number, date1904: boolean): number {
  const row = rowAt(view, i);
  const o = rowAt(view, other);
  const w = widthOf(view, row);
  let n = 0;
  for (let j = 0; j < w; j++) {
    if (headerText(o[j], date1904) !== null) continue;
    const t = headerText(row[j], date1904);
    if (t === null) continue;
    const m = matchNormalizedHeader(normalizeLabel(t));
    if (m && m.field !== "sensitive") n++;
  }
  return n;
}

/**
 * Headers on two rows: months under a merged "Heures travaillées" title, or person columns merged
 * vertically beside them. When the neighbouring row adds at least 2 recognised headers where the
 * header row is empty, both rows form the header (the lower one wins where both are filled).
 */
function twoRowHeader(view: SheetView, h: number, date1904: boolean): { upper: number; lower: number } | null {
  if (h + 1 < view.rows.length && recognisedWhereEmpty(view, h + 1, h, date1904) >= 2) return { upper: h, lower: h + 1 };
  if (h >= 1 && recognisedWhereEmpty(view, h - 1, h, date1904) >= 2) return { upper: h - 1, lower: h };
  return null;
}

/** Preferred sheet names first, then every sheet in workbook order: the first with a header row. */
function pickSheet(views: SheetView[], date1904: boolean): { sheetIndex: number; headerIndex: number } | null {
  const order = views.map((_, k) => k);
  const rank = (k: number) => (sheetNameIs(PEOPLE_SHEET_NAMES, views[k].name) ? 0 : 1);
  order.sort((a, b) => rank(a) - rank(b) || a - b);
  for (const k of order) {
    const h = findHeaderRow(views[k], date1904);
    if (h >= 0) return { sheetIndex: k, headerIndex: h };
  }
  return null;
}

function findSheet(views: SheetView[], name: string): number {
  const exact = views.findIndex((v) => v.name === name);
  if (exact >= 0) return exact;
  const n = normalizeLabel(name);
  return views.findIndex((v) => normalizeLabel(v.name) === n);
}

/**
 * Finds the people table (domain §2.2) and maps its columns, applying the user's mapping override.
 * Emits header-not-found, column-missing, column-duplicate, column-sensitive.
 */
export function locateTable(workbook: WorkbookData, mapping: MappingOverride | undefined, findings: FindingCollector): LocatedTable | null {
  const sheets = Array.isArray(workbook?.sheets) ? workbook.sheets : [];
  const views = sheets.map(viewOf);
  const date1904 = workbook?.date1904 === true;
  let sheetIndex = -1;
  let headerIndex = -1;

  if (mapping?.sheet !== undefined && mapping.sheet !== null) {
    sheetIndex = findSheet(views, String(mapping.sheet));
    if (sheetIndex < 0) {
      findings.add("header-not-found", "error", () => ({
        sheet: null,
        cell: null,
        row: null,
        column: null,
        field: null,
        value: String(mapping.sheet),
        message: `La feuille « ${mapping.sheet} » indiquée dans la correspondance des colonnes n'existe pas dans ce classeur (feuilles : ${views.map((v) => `« ${v.name} »`).join(", ") || "aucune"}). Choisissez la bonne feuille dans « Corriger la correspondance des colonnes ».`,
      }));
      return null;
    }
  }

  if (mapping?.headerRow !== undefined && sheetIndex < 0) {
    // A header row without a sheet: the sheet detection would pick, else the people sheet, else the first.
    const detected = pickSheet(views, date1904);
    const preferred = views.findIndex((v) => sheetNameIs(PEOPLE_SHEET_NAMES, v.name));
    sheetIndex = detected ? detected.sheetIndex : preferred >= 0 ? preferred : views.length > 0 ? 0 : -1;
  }

  if (sheetIndex >= 0 && mapping?.headerRow !== undefined) {
    const view = views[sheetIndex];
    const i = Math.floor(Number(mapping.headerRow)) - 1 - view.originRow;
    if (!(i >= 0 && i < view.rows.length)) {
      findings.add("header-not-found", "error", () => ({
        sheet: view.name,
        cell: null,
        row: null,
        column: null,
        field: null,
        value: String(mapping.headerRow),
        message: `La ligne d'en-tête ${mapping.headerRow} indiquée dans la correspondance des colonnes est vide ou hors du tableau de la feuille « ${view.name} ». Corrigez la ligne d'en-tête dans « Corriger la correspondance des colonnes ».`,
      }));
      return null;
    }
    headerIndex = i;
  } else if (sheetIndex >= 0) {
    headerIndex = findHeaderRow(views[sheetIndex], date1904);
  } else {
    const picked = pickSheet(views, date1904);
    if (picked) ({ sheetIndex, headerIndex } = picked);
  }

  if (sheetIndex < 0 || headerIndex < 0) {
    const examined = sheetIndex >= 0 ? [views[sheetIndex].name] : views.map((v) => v.name);
    findings.add("header-not-found", "error", () => ({
      sheet: sheetIndex >= 0 ? views[sheetIndex].name : null,
      cell: null,
      row: null,
      column: null,
      field: null,
      value: null,
      message:
        examined.length === 0
          ? "Le classeur ne contient aucune feuille. Partez du modèle (« Créer le modèle » dans le complément, ou `bilan-iae template`)."
          : `Aucun tableau des salariés trouvé : dans les 30 premières lignes des feuilles ${examined.map((n) => `« ${n} »`).join(", ")}, aucune ligne ne contient au moins ${MIN_RECOGNISED_HEADERS} en-têtes reconnus (Sexe, Date de naissance, Date d'embauche, Bénéficiaire du RSA, Heures travaillées…). Partez du modèle (« Créer le modèle » dans le complément, ou \`bilan-iae template\`) ou indiquez les colonnes à la main avec « Corriger la correspondance des colonnes ».`,
    }));
    return null;
  }

  const view = views[sheetIndex];
  // A two-row header (group title merged above monthly columns) is read as one, unless the user fixed the row.
  let upperIndex = -1;
  if (mapping?.headerRow === undefined) {
    const two = twoRowHeader(view, headerIndex, date1904);
    if (two) ({ upper: upperIndex, lower: headerIndex } = two);
  }
  const table = mapColumns(view, headerIndex, mapping, findings, date1904, upperIndex);
  return { table, view, sheetIndex, topIndex: upperIndex >= 0 ? upperIndex : headerIndex };
}

function mapColumns(
  view: SheetView,
  headerIndex: number,
  mapping: MappingOverride | undefined,
  findings: FindingCollector,
  date1904: boolean,
  upperIndex: number,
): TableInfo {
  const headerRow = view.originRow + headerIndex + 1;
  const firstColumn = view.originCol + 1;
  const row = rowAt(view, headerIndex);
  const upper = upperIndex >= 0 ? rowAt(view, upperIndex) : [];
  const upperRow = view.originRow + upperIndex + 1;
  const w = Math.max(widthOf(view, row), widthOf(view, upper));
  // Excel row holding the header text of column j (the upper row of a two-row header where the lower is empty).
  const headerRowOf = new Map<number, number>();
  const headerAt = (j: number): string | null => {
    const t = headerText(row[j], date1904);
    if (t !== null || upperIndex < 0) return t;
    const u = headerText(upper[j], date1904);
    if (u !== null) headerRowOf.set(j, upperRow);
    return u;
  };
  const overrides = mapping?.columns && typeof mapping.columns === "object" ? mapping.columns : undefined;
  const columns: ColumnMapping[] = [];
  const unknownHeaders: { index: number; header: string }[] = [];
  const taken = new Map<string, ColumnMapping>();
  const sensitive = new Set<number>();

  const addSensitive = (index: number, header: string, reason: string) => {
    sensitive.add(index);
    const column = firstColumn + index;
    const at = headerRowOf.get(index) ?? headerRow;
    findings.add("column-sensitive", "warning", () => ({
      sheet: view.name,
      cell: a1(at, column),
      row: at,
      column,
      field: null,
      value: header,
      message: `La colonne « ${header} » ${reason} (numéro de sécurité sociale ou équivalent). Elle n'est pas nécessaire au bilan : elle n'est ni lue ni envoyée. Supprimez-la du classeur si possible.`,
    }));
  };

  for (let j = 0; j < w; j++) {
    const header = headerAt(j);
    if (header === null) continue;
    let match: HeaderMatch | null;
    const n = normalizeLabel(header);
    if (overrides && Object.prototype.hasOwnProperty.call(overrides, header)) {
      const f = overrides[header];
      if (f === null || !isMappedField(f)) continue; // ignored by the user
      match = f === "hoursMonth" ? { field: f, month: monthOfHeader(n) ?? undefined, name: n } : { field: f, name: n };
      // A column the user mapped is still refused when it is a NIR: privacy first.
      const auto = matchNormalizedHeader(n);
      if (auto?.field === "sensitive") match = auto;
    } else {
      match = matchNormalizedHeader(n);
    }
    if (!match) {
      unknownHeaders.push({ index: j, header });
      continue;
    }
    if (match.field === "sensitive") {
      addSensitive(j, header, "semble contenir des données personnelles sensibles");
      continue;
    }
    const key = match.field === "hoursMonth" && match.month !== undefined ? `hoursMonth:${match.month}` : match.field === "hoursMonth" ? `hoursMonth:col${j}` : match.field;
    const first = taken.get(key);
    if (first) {
      const column = firstColumn + j;
      const at = headerRowOf.get(j) ?? headerRow;
      const firstAt = headerRowOf.get(first.index) ?? headerRow;
      const fieldLabel = match.field === "hoursMonth" && match.month ? `${FIELD_LABELS.hoursMonth} ${match.month}` : FIELD_LABELS[match.field];
      findings.add("column-duplicate", "warning", () => ({
        sheet: view.name,
        cell: a1(at, column),
        row: at,
        column,
        field: match.field === "hoursMonth" ? "hoursMonth" : match.field,
        value: header,
        message: `Les colonnes « ${first.header} » (${a1(firstAt, firstColumn + first.index)}) et « ${header} » (${a1(at, column)}) correspondent toutes deux à « ${fieldLabel} ». Seule la première est lue : supprimez ou renommez l'autre, ou corrigez la correspondance des colonnes.`,
      }));
      continue;
    }
    const cm: ColumnMapping = { field: match.field, index: j, header };
    if (match.field === "hoursMonth" && match.month !== undefined) cm.month = match.month;
    taken.set(key, cm);
    columns.push(cm);
  }

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
      const header = headerAt(j) ?? `colonne ${j + 1}`;
      addSensitive(j, header, "contient des valeurs qui ressemblent à des numéros de sécurité sociale");
      const k = columns.findIndex((c) => c.index === j);
      if (k >= 0) columns.splice(k, 1);
      const u = unknownHeaders.findIndex((c) => c.index === j);
      if (u >= 0) unknownHeaders.splice(u, 1);
    }
  }

  const fields = new Set<MappedField>(columns.map((c) => c.field));
  const fieldsPresent: PersonField[] = PERSON_FIELDS.filter(
    (f) => fields.has(f) || (f === "hoursWorked" && fields.has("hoursMonth")) || (f === "birthYear" && fields.has("birthDate")),
  );
  const table: TableInfo = { sheet: view.name, headerRow, headerIndex, firstColumn, columns, unknownHeaders, fieldsPresent };
  reportMissingColumns(table, fields, findings);
  return table;
}

function isMappedField(f: unknown): f is MappedField {
  return typeof f === "string" && (f === "hoursMonth" || (PERSON_FIELDS as readonly string[]).includes(f));
}

const REQUIRED: { fields: MappedField[]; label: string; severity: "error" | "warning"; field: PersonField }[] = [
  { fields: ["sex"], label: "Sexe", severity: "error", field: "sex" },
  { fields: ["birthDate", "birthYear"], label: "Date de naissance (ou Année de naissance)", severity: "error", field: "birthDate" },
  { fields: ["rsa"], label: "Bénéficiaire du RSA", severity: "error", field: "rsa" },
  { fields: ["hireDate"], label: "Date d'embauche", severity: "error", field: "hireDate" },
  { fields: ["hoursWorked", "hoursMonth"], label: "Heures travaillées (ou les colonnes Heures janvier … Heures décembre)", severity: "error", field: "hoursWorked" },
  { fields: ["qpv"], label: "Résident QPV", severity: "warning", field: "qpv" },
  { fields: ["passNumber"], label: "N° PASS IAE", severity: "warning", field: "passNumber" },
];

function reportMissingColumns(table: TableInfo, fields: Set<MappedField>, findings: FindingCollector): void {
  for (const req of REQUIRED) {
    if (req.fields.some((f) => fields.has(f))) continue;
    const consequence =
      req.severity === "error"
        ? "Cette colonne est obligatoire"
        : req.field === "qpv"
          ? "Sans elle, la part de résidents QPV ne peut pas être calculée"
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

