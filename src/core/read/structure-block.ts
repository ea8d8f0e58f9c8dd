import type { WorkbookData } from "../model/cells";
import type { StructureField } from "../model/fields";
import type { Kind } from "../model/kinds";
import type { StructureInfo, StructureLocations } from "../model/structure";
import type { FindingCollector } from "../findings/collector";
import { a1 } from "../findings/a1";
import { isoFromDay } from "../dates/day-number";
import { normalizeLabel } from "../parse/normalize-code";
import { cellToText, INVALID, isEmptyCell, MAX_CELL_TEXT, trimCell } from "../parse/outcome";
import { excelErrorOf } from "../parse/excel-error";
import { dayFromText, parseDateCell } from "../parse/date";
import { parseNumberCell } from "../parse/number";
import { KIND_TOKENS, kindsNamed, parseKind } from "../parse/kind";
import { parseDepartment } from "../parse/department";
import { normalizeSiret } from "../parse/identifiers";
import { parseTextCell } from "../parse/text";
import { STRUCTURE_EXPECTED, STRUCTURE_LABEL_FR } from "./field-labels";
import { STRUCTURE_LABELS } from "./synonyms";
import { STRUCTURE_SHEET_NAMES, sheetNameIs } from "./sheet-names";
import { rowAt, viewOf, type SheetView } from "./sheet-view";

/** A "Période" label takes a "du … au …" or "… - …" value holding both dates. */
const PERIOD_LABELS = new Set([
  "periode",
  "periode couverte",
  "periode du bilan",
  "periode de reference",
  "periode concernee",
  "periode d activite",
]);
const LABELS = new Map<string, StructureField>();
for (const [field, names] of Object.entries(STRUCTURE_LABELS) as [StructureField, readonly string[]][])
  for (const n of names) {
    const k = normalizeLabel(n);
    if (!LABELS.has(k)) LABELS.set(k, field);
  }

const SCAN_ROWS = 100;
const SCAN_COLS = 40;

type Label = StructureField | "period" | KindLabel;
/** A value given per convention ("ETP conventionnés ACI", §2.4.3): "fteConventioned:ACI". */
type KindLabel = `${PerKindField}:${Kind}`;
export type PerKindField = "fteConventioned" | "annualHoursPerFte" | "cdCofinancedAmount";
const PER_KIND_FIELDS: readonly StructureField[] = [
  "fteConventioned",
  "annualHoursPerFte",
  "cdCofinancedAmount",
];

/** Values the structure block gives per convention. */
export type PerKindValues = Partial<Record<Kind, Partial<Record<PerKindField, number>>>>;

interface RawValue {
  value: unknown;
  sheet: string;
  row: number;
  column: number;
}

function labelOf(v: unknown): Label | null {
  if (typeof v !== "string" || v.length > 120) return null;
  const n = normalizeLabel(v);
  if (PERIOD_LABELS.has(n)) return "period";
  const direct = LABELS.get(n);
  if (direct) return direct;
  // "ETP conventionnés ACI", "ETP conventionnés (EI)": a per-kind value.
  const cut = n.lastIndexOf(" ");
  const kind = cut > 0 ? KIND_TOKENS.get(n.slice(cut + 1)) : undefined;
  const field = kind ? LABELS.get(n.slice(0, cut)) : undefined;
  return kind && field && PER_KIND_FIELDS.includes(field) ? (`${field}:${kind}` as KindLabel) : null;
}

/** "Label : value" in one cell → [label, value text], or null. */
function splitInline(v: unknown): [Label, string] | null {
  if (typeof v !== "string" || v.length > 300) return null;
  const k = v.indexOf(":");
  if (k <= 0) return null;
  const label = labelOf(v.slice(0, k));
  const rest = trimCell(v.slice(k + 1));
  return label && rest !== "" ? [label, rest] : null;
}

/** "du 01/01/2025 au 31/12/2025", "01/01/2025 - 31/12/2025" → two date texts. */
function splitPeriod(text: string): [string, string] | null {
  const m = /^\s*(?:du\s+)?(\S+)\s*(?:au|à|a|-|–|→)\s*(\S+)\s*$/i.exec(text);
  return m ? [m[1], m[2]] : null;
}

/** Title cells such as "Bilan 2025 du 01/01/2025 au 31/12/2025". */
const TITLE_PERIOD = /\bdu\s+(\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4})\s+au\s+(\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4})\b/i;

function scanPairs(view: SheetView, rowEnd: number, found: Map<StructureField | KindLabel, RawValue>): void {
  const end = Math.min(rowEnd, view.rows.length, SCAN_ROWS);
  const put = (field: StructureField | KindLabel, value: unknown, i: number, j: number) => {
    const ex = found.get(field);
    if (!ex || isEmptyCell(ex.value))
      found.set(field, {
        value,
        sheet: view.name,
        row: view.originRow + i + 1,
        column: view.originCol + j + 1,
      });
  };
  for (let i = 0; i < end; i++) {
    const row = rowAt(view, i);
    const w = Math.min(row.length, SCAN_COLS);
    for (let j = 0; j < w; j++) {
      const cell = row[j];
      const inline = splitInline(cell);
      if (inline) {
        const [label, text] = inline;
        if (label === "period") putPeriod(text, i, j, put);
        else put(label, text, i, j);
        continue;
      }
      const label = labelOf(cell);
      if (!label) {
        if (typeof cell === "string" && cell.length < 300) {
          const t = TITLE_PERIOD.exec(cell);
          if (t) {
            put("periodStart", t[1], i, j);
            put("periodEnd", t[2], i, j);
          }
        }
        continue;
      }
      // The value is the next non-empty cell on the row (forms leave merged or empty cells between).
      let k = j + 1;
      while (k < w && isEmptyCell(row[k])) k++;
      if (k >= w || labelOf(row[k]) !== null) {
        // A row of labels with the values below it (a one-line table of the structure).
        const below = i + 1 < end ? rowAt(view, i + 1)[j] : undefined;
        if (
          label !== "period" &&
          !isEmptyCell(below) &&
          labelOf(below) === null &&
          splitInline(below) === null
        ) {
          put(label, below, i + 1, j);
          continue;
        }
        if (label !== "period" && !found.has(label))
          found.set(label, {
            value: null,
            sheet: view.name,
            row: view.originRow + i + 1,
            column: view.originCol + j + 1,
          });
        continue;
      }
      if (label === "period") {
        const v = row[k];
        if (typeof v === "string") putPeriod(v, i, k, put);
        else put("periodStart", v, i, k);
      } else {
        put(label, row[k], i, k);
      }
      j = k;
    }
  }
}

function putPeriod(
  text: string,
  i: number,
  j: number,
  put: (f: StructureField | KindLabel, v: unknown, i: number, j: number) => void,
): void {
  const p = splitPeriod(text);
  if (p) {
    put("periodStart", p[0], i, j);
    put("periodEnd", p[1], i, j);
  } else {
    put("periodStart", text, i, j);
  }
}

export const EMPTY_STRUCTURE: StructureInfo = {
  siret: null,
  name: null,
  kind: null,
  afNumber: null,
  department: null,
  periodStart: null,
  periodEnd: null,
  fteConventioned: null,
  annualHoursPerFte: null,
  cdCofinancedAmount: null,
};

const REQUIRED: StructureField[] = ["siret", "name", "kind", "department", "periodStart", "periodEnd"];

/**
 * Reads the structure block (domain §2.1): the `Structure` sheet, then the rows above the people table.
 * A value found in a null-valued label slot does not override one found earlier.
 */
export function readStructure(
  workbook: WorkbookData,
  main: { view: SheetView; headerIndex: number } | null,
  date1904: boolean,
  findings: FindingCollector,
): StructureRead {
  const sheets = Array.isArray(workbook?.sheets) ? workbook.sheets : [];
  const views = sheets.map(viewOf);
  const found = new Map<StructureField | KindLabel, RawValue>();
  const structSheet = views.find((v) => sheetNameIs(STRUCTURE_SHEET_NAMES, v.name));
  // The people table may sit on the structure sheet itself: then only the rows above it are pairs.
  const tableOnStructureSheet =
    structSheet !== undefined && main !== null && main.view.name === structSheet.name;
  if (structSheet)
    scanPairs(structSheet, tableOnStructureSheet && main ? main.headerIndex : SCAN_ROWS, found);
  if (main && !tableOnStructureSheet) {
    const above = new Map<StructureField | KindLabel, RawValue>();
    scanPairs(main.view, main.headerIndex, above);
    // Empty-valued labels of the structure sheet do not hide a value found above the table.
    for (const [f, r] of above) {
      const ex = found.get(f);
      if (!ex || (isEmptyCell(ex.value) && !isEmptyCell(r.value))) found.set(f, r);
    }
  }

  const structure: StructureInfo = { ...EMPTY_STRUCTURE };
  const locations: StructureLocations = {};
  const where = structSheet?.name ?? main?.view.name ?? null;
  const perKind: PerKindValues = {};
  let kinds: Kind[] = [];

  for (const [key, raw] of found) {
    const v = raw.value;
    if (key.includes(":")) {
      const [f, k] = key.split(":") as [PerKindField, Kind];
      const x = parseNumberCell(v);
      if (x === INVALID || (x !== null && (x < 0 || (f === "annualHoursPerFte" && x === 0)))) {
        findings.add("value-invalid", "error", () => ({
          sheet: raw.sheet,
          cell: a1(raw.row, raw.column),
          row: raw.row,
          column: raw.column,
          field: f,
          value: cellToText(v),
          message: `${STRUCTURE_LABEL_FR[f]} ${k} illisible : "${cellToText(v)}". Saisissez ${STRUCTURE_EXPECTED[f]}.`,
        }));
      } else if (x !== null) (perKind[k] ??= {})[f] = x;
      continue;
    }
    const field = key as StructureField;
    locations[field] = { sheet: raw.sheet, row: raw.row, column: raw.column };
    if (isEmptyCell(v)) continue;
    const err = excelErrorOf(v);
    const pos = { sheet: raw.sheet, cell: a1(raw.row, raw.column), row: raw.row, column: raw.column, field };
    if (err) {
      findings.add("cell-error", "error", () => ({
        ...pos,
        value: err,
        message: `La cellule ${pos.cell} (« ${STRUCTURE_LABEL_FR[field]} ») contient l'erreur Excel ${err}. Corrigez la formule ou saisissez ${STRUCTURE_EXPECTED[field]}.`,
      }));
      continue;
    }
    const invalid = () =>
      findings.add("value-invalid", "error", () => ({
        ...pos,
        value: cellToText(v),
        message: `${STRUCTURE_LABEL_FR[field]} illisible : "${cellToText(v)}". Saisissez ${STRUCTURE_EXPECTED[field]}.`,
      }));
    switch (field) {
      case "siret": {
        const s = normalizeSiret(v);
        if (s === null) invalid();
        structure.siret = s;
        break;
      }
      case "name":
      case "afNumber": {
        const t = parseTextCell(v);
        if (t === INVALID) invalid();
        else structure[field] = t;
        break;
      }
      case "kind": {
        kinds = kindsNamed(v);
        // "ACI / EI": several conventions; the rows must say which is theirs (§2.4.3).
        const k = kinds.length > 1 ? null : parseKind(v);
        if (kinds.length > 1) break;
        if (k === INVALID) {
          findings.add("structure-kind-unknown", "error", () => ({
            ...pos,
            value: cellToText(v),
            message: `Type de structure inconnu : "${cellToText(v)}". Saisissez ACI, AI, EI, ETTI ou EITI.`,
          }));
        } else structure.kind = k;
        break;
      }
      case "department": {
        const d = parseDepartment(v);
        if (d === INVALID) invalid();
        else structure.department = d;
        break;
      }
      case "periodStart":
      case "periodEnd": {
        const d =
          typeof v === "string"
            ? v.length > MAX_CELL_TEXT
              ? INVALID
              : dayFromText(v)
            : parseDateCell(v, date1904);
        if (d === INVALID) invalid();
        else if (d !== null) structure[field] = isoFromDay(d);
        break;
      }
      case "fteConventioned":
      case "annualHoursPerFte":
      case "cdCofinancedAmount": {
        const x = parseNumberCell(v);
        if (x === INVALID || (x !== null && (x < 0 || (field === "annualHoursPerFte" && x === 0)))) invalid();
        else structure[field] = x;
        break;
      }
    }
  }

  if (structure.kind !== null) kinds = [structure.kind];
  for (const field of REQUIRED) {
    if (structure[field] !== null) continue;
    if (field === "kind" && kinds.length > 1) continue;
    const raw = found.get(field);
    if (raw && !isEmptyCell(raw.value)) continue; // unreadable: already reported
    const at = raw
      ? { sheet: raw.sheet, cell: a1(raw.row, raw.column), row: raw.row, column: raw.column }
      : { sheet: where, cell: null, row: null, column: null };
    findings.add("structure-field-missing", "error", () => ({
      ...at,
      field,
      value: null,
      message: raw
        ? `« ${STRUCTURE_LABEL_FR[field]} » n'a pas de valeur (${raw.sheet}!${a1(raw.row, raw.column)}). Saisissez ${STRUCTURE_EXPECTED[field]} dans la cellule à droite du libellé.`
        : `« ${STRUCTURE_LABEL_FR[field]} » de la structure est introuvable. Ajoutez une ligne « ${STRUCTURE_LABEL_FR[field]} » suivie de sa valeur (${STRUCTURE_EXPECTED[field]}) dans la feuille « Structure » ou au-dessus du tableau des salariés.`,
    }));
  }
  return { structure, locations, kinds, perKind };
}

/** The structure block as read, with what it says about several conventions (§2.4.3). */
export interface StructureRead {
  structure: StructureInfo;
  locations: StructureLocations;
  /** The kinds the kind cell names (several for "ACI / EI"; empty when unreadable or absent). */
  kinds: Kind[];
  perKind: PerKindValues;
}
