import type { FindingCode, Severity } from "../model/findings";
import type { MappedField } from "../model/fields";
import type { Kind } from "../model/kinds";
import type { PersonRow } from "../model/person";
import type { FindingDetail } from "../findings/collector";
import { MotifIndex, motifKey } from "../config/motifs";
import { a1 } from "../findings/a1";
import { createNormalizer } from "../text/normalize";
import { cellToText, INVALID, isEmptyCell, trimCell, type Parsed } from "../parse/outcome";
import { excelErrorOf } from "../parse/excel-error";
import { parseDateCell, parseYearCell, yearOfDay } from "../parse/date";
import { parseNumberCell } from "../parse/number";
import { parseYesNo } from "../parse/yes-no";
import { parseSex } from "../parse/sex";
import { parseRsa } from "../parse/rsa";
import { parseFtDuration } from "../parse/ft-duration";
import { parseEducationLevel } from "../parse/education";
import { parsePrescriber } from "../parse/prescriber";
import { parseKind } from "../parse/kind";
import { normalizePass, PASS_SHAPE } from "../parse/identifiers";
import { parsePostalCode, parseTextCell } from "../parse/text";
import { FIELD_EXPECTED, FIELD_LABELS } from "./field-labels";
import { newRow } from "./empty-row";

/** A finding about one row, kept until the row is known to be a person (§2.4.1) and then reported. */
export interface Draft {
  code: FindingCode;
  severity: Severity;
  field: MappedField | null;
  detail: () => FindingDetail;
}

/** One column as the row reader uses it. */
export interface ColumnPlan {
  field: MappedField;
  /** 0-based index in the row arrays. */
  index: number;
  /** 1-based Excel column. */
  column: number;
}

/** What the reading of a sheet's rows needs besides the cells. */
export interface RowTyping {
  sheet: string;
  plans: readonly ColumnPlan[];
  /** The value-required groups that have a column, with the column their finding points at. */
  required: readonly { plan: ColumnPlan; group: (typeof REQUIRED_GROUPS)[number] }[];
  date1904: boolean;
  motifs: MotifIndex;
  /** Formula text of cells without a stored value, by "excelRow:column" (§2.4.6). */
  formulaWithoutValue: ReadonlyMap<string, string>;
  /** Yes/no columns read as check boxes: a blank is "no" (§2.4.7). */
  checkboxes: ReadonlySet<MappedField>;
  normName: (s: string) => string;
}

/** A typed row and what reading it said. */
export interface TypedRow {
  row: PersonRow;
  drafts: Draft[];
  /** The row holds real data (a lone 0 hours or an Excel error do not make a person). */
  filled: boolean;
  /** Every filled cell is text and none reads as its column's value (a note, §2.4.1). */
  textOnly: boolean;
  /** The total hours cell was empty (or a formula without value) and the monthly hours gave them (§2.4.6). */
  hoursFromMonths: boolean;
}

/** Columns whose text is free: any text reads as their value, so it does not tell a person from a note. */
const FREE_TEXT: ReadonlySet<MappedField> = new Set([
  "lastName",
  "firstName",
  "commune",
  "qpvCode",
  "derogation",
]);

/** Hours columns: a 0 there (formulas filled down an empty template) is no data. */
const HOURS: ReadonlySet<MappedField> = new Set([
  "hoursWorked",
  "hoursMonth",
  "weeklyHours",
  "hoursSinceHire",
]);
/** Cells whose absence is a value-required error, grouped as the rule names them. */
const REQUIRED_GROUPS: readonly { fields: readonly MappedField[]; field: MappedField; label: string }[] = [
  { fields: ["sex"], field: "sex", label: FIELD_LABELS.sex },
  { fields: ["birthDate", "birthYear"], field: "birthDate", label: FIELD_LABELS.birthDate },
  { fields: ["rsa"], field: "rsa", label: FIELD_LABELS.rsa },
  { fields: ["hireDate"], field: "hireDate", label: FIELD_LABELS.hireDate },
  { fields: ["hoursWorked", "hoursMonth"], field: "hoursWorked", label: FIELD_LABELS.hoursWorked },
];

export function createRowTyping(input: Omit<RowTyping, "normName" | "required">): RowTyping {
  const required = REQUIRED_GROUPS.flatMap((group) => {
    const plan = input.plans.find((p) => group.fields.includes(p.field));
    return plan ? [{ plan, group }] : [];
  });
  return { ...input, required, normName: createNormalizer(50000) };
}

/** Reads one cell into the row; INVALID when the cell cannot be read for its field. */
type CellReader = (v: unknown, r: PersonRow, t: RowTyping, side: SideValues) => Parsed<unknown>;

/** Values read on the way that are not row fields. */
interface SideValues {
  birthYear: number | null;
  monthSum: number;
  monthAny: boolean;
}

function set<K extends keyof PersonRow>(key: K, parse: (v: unknown) => Parsed<PersonRow[K]>): CellReader {
  return (v, r) => {
    const x = parse(v);
    if (x !== INVALID && x !== null) r[key] = x as PersonRow[K];
    return x;
  };
}

function date<K extends "birthDate" | "hireDate" | "contractEndDate" | "exitDate">(key: K): CellReader {
  return (v, r, t) => {
    const x = parseDateCell(v, t.date1904);
    if (x !== INVALID && x !== null) r[key] = x;
    return x;
  };
}

const READERS: Readonly<Record<MappedField, CellReader>> = {
  passNumber: (v, r) => {
    const x = normalizePass(v);
    if (x === null) return INVALID;
    r.passNumber = x;
    return x;
  },
  lastName: set("lastName", parseTextCell),
  firstName: set("firstName", parseTextCell),
  commune: set("commune", parseTextCell),
  qpvCode: set("qpvCode", parseTextCell),
  postalCode: set("postalCode", parsePostalCode),
  sex: set("sex", parseSex),
  birthDate: date("birthDate"),
  birthYear: (v, _r, t, side) => {
    const x = parseYearCell(v, t.date1904);
    if (x !== INVALID && x !== null) side.birthYear = x;
    return x;
  },
  qpv: set("qpv", parseYesNo),
  zrr: set("zrr", parseYesNo),
  ass: set("ass", parseYesNo),
  aah: set("aah", parseYesNo),
  rqth: set("rqth", parseYesNo),
  rsa: set("rsa", parseRsa),
  ftDuration: set("ftDuration", parseFtDuration),
  educationLevel: set("educationLevel", parseEducationLevel),
  prescriber: set("prescriber", parsePrescriber),
  hireDate: date("hireDate"),
  contractEndDate: date("contractEndDate"),
  exitDate: date("exitDate"),
  weeklyHours: set("weeklyHours", parseNumberCell),
  hoursWorked: set("hoursWorked", parseNumberCell),
  hoursSinceHire: set("hoursSinceHire", parseNumberCell),
  hoursMonth: (v, _r, _t, side) => {
    const x = parseNumberCell(v);
    if (x !== INVALID && x !== null) {
      side.monthSum += x;
      side.monthAny = true;
    }
    return x;
  },
  exitReason: (v, r, t) => {
    if (typeof v === "number" && !Number.isFinite(v)) return INVALID;
    if (typeof v !== "string" && typeof v !== "number") return INVALID;
    r.exitReasonRaw = typeof v === "string" ? trimCell(v).slice(0, 500) : String(v);
    const m = t.motifs.match(v);
    r.exitMotif = m ? motifKey(m) : null;
    return r.exitReasonRaw;
  },
  derogation: (v, r) => {
    const x = parseYesNo(v);
    // Free text ("accordée le 12/03", "dérogation DDETS") means a derogation exists.
    r.derogation =
      x === false ? false : x === true ? true : typeof v === "string" || (typeof v === "number" && v !== 0);
    return r.derogation;
  },
  convention: (v, r) => {
    const x = parseKind(v);
    if (x !== INVALID && x !== null) r.kind = x as Kind;
    return x;
  },
};

/** A check-box column's cell: a mark is yes, a blank is no (§2.4.7). */
function readCheckbox(field: MappedField, v: unknown, r: PersonRow): Parsed<unknown> {
  const x = isEmptyCell(v) ? false : parseYesNo(v);
  if (x === INVALID || x === null) return x;
  if (field === "rsa") r.rsa = x ? "OUI" : "NON";
  else if (field === "qpv" || field === "zrr" || field === "ass" || field === "aah" || field === "rqth")
    r[field] = x;
  return x;
}

/**
 * Types one sheet row. Never throws on hostile cells: they become value-invalid or cell-error drafts.
 */
export function typeRow(cells: readonly unknown[], excelRow: number, t: RowTyping): TypedRow {
  const r = newRow(t.sheet, excelRow);
  const drafts: Draft[] = [];
  const side: SideValues = { birthYear: null, monthSum: 0, monthAny: false };
  const seen = new Set<MappedField>();
  const formulaFields = new Map<MappedField, ColumnPlan>();
  let filled = false;
  let textOnly = true;
  let hoursPlan: ColumnPlan | null = null;
  let hoursEmpty = false;
  // Monthly cells matter only when there is no total, or the total is empty: their findings wait.
  const monthDrafts: Draft[] = [];

  for (const p of t.plans) {
    const v = cells[p.index];
    const checkbox = t.checkboxes.has(p.field);
    if (p.field === "hoursWorked") hoursPlan = p;
    const out = p.field === "hoursMonth" ? monthDrafts : drafts;
    if (isEmptyCell(v)) {
      const formula =
        t.formulaWithoutValue.size === 0 ? undefined : t.formulaWithoutValue.get(`${excelRow}:${p.column}`);
      if (formula !== undefined) {
        // A formula that was never computed is not an empty cell (§2.4.6).
        if (p.field === "hoursMonth") out.push(formulaNoValue(t.sheet, p, excelRow, formula, p.field));
        else formulaFields.set(p.field, p);
        seen.add(p.field);
        filled = true;
        textOnly = false;
      }
      if (p.field === "hoursWorked") hoursEmpty = true;
      if (checkbox) {
        readCheckbox(p.field, v, r);
        seen.add(p.field);
      }
      continue;
    }
    const err = excelErrorOf(v);
    if (err !== null) {
      seen.add(p.field);
      out.push(cellError(t.sheet, p, excelRow, err));
      continue;
    }
    if (typeof v !== "string") textOnly = false;
    if (typeof v === "number" && v === 0 && HOURS.has(p.field)) {
      // A 0 in an hours column is read, but alone it does not make a row a person.
    } else filled = true;
    seen.add(p.field);
    const x = checkbox ? readCheckbox(p.field, v, r) : READERS[p.field](v, r, t, side);
    if (x === INVALID) out.push(invalid(t.sheet, p, excelRow, v));
    // A sentence under the PASS column is read as a (malformed) PASS, but it is no PASS.
    else if (!FREE_TEXT.has(p.field) && !(p.field === "passNumber" && !PASS_SHAPE.test(r.passNumber ?? "")))
      textOnly = false;
  }

  const totalGiven = hoursPlan !== null && r.hoursWorked !== null;
  if (!totalGiven) drafts.push(...monthDrafts);
  let hoursFromMonths = false;
  if (side.monthAny && r.hoursWorked === null) {
    r.hoursWorked = Math.round(side.monthSum * 1e6) / 1e6;
    // With a total column, the months fill in for an empty or uncomputed total (§2.4.6).
    if (hoursPlan !== null && (hoursEmpty || formulaFields.has("hoursWorked"))) {
      hoursFromMonths = true;
      formulaFields.delete("hoursWorked");
      seen.add("hoursWorked");
    }
  }
  for (const [field, p] of formulaFields) {
    drafts.push(
      formulaNoValue(t.sheet, p, excelRow, t.formulaWithoutValue.get(`${excelRow}:${p.column}`) ?? "", field),
    );
  }
  if (r.birthDate !== null) r.birthYear = yearOfDay(r.birthDate);
  else if (side.birthYear !== null) r.birthYear = side.birthYear;
  for (const { plan, group } of t.required) {
    if (!group.fields.some((f) => seen.has(f))) drafts.push(required(t.sheet, plan, excelRow, group));
  }
  // Only a well-formed PASS identifies a person: "EN COURS" on ten rows is not one person.
  if (r.passNumber !== null && PASS_SHAPE.test(r.passNumber)) r.identity = r.passNumber;
  else if (r.lastName !== null && r.firstName !== null && r.birthDate !== null)
    r.identity = `${t.normName(r.lastName).toUpperCase()}|${t.normName(r.firstName).toUpperCase()}|${r.birthDate}`;
  return { row: r, drafts, filled, textOnly: textOnly && formulaFields.size === 0, hoursFromMonths };
}

function place(sheet: string, p: ColumnPlan, excelRow: number) {
  return { sheet, cell: a1(excelRow, p.column), row: excelRow, column: p.column };
}

function invalid(sheet: string, p: ColumnPlan, excelRow: number, v: unknown): Draft {
  return {
    code: "value-invalid",
    severity: "error",
    field: p.field,
    detail: () => {
      const text = cellToText(v);
      return {
        ...place(sheet, p, excelRow),
        field: p.field,
        value: text,
        message: `${FIELD_LABELS[p.field]} illisible : "${text}". Saisissez ${FIELD_EXPECTED[p.field]}.`,
      };
    },
  };
}

function cellError(sheet: string, p: ColumnPlan, excelRow: number, err: string): Draft {
  return {
    code: "cell-error",
    severity: "error",
    field: p.field,
    detail: () => ({
      ...place(sheet, p, excelRow),
      field: p.field,
      value: err,
      message: `La cellule ${a1(excelRow, p.column)} (« ${FIELD_LABELS[p.field]} ») contient l'erreur Excel ${err}. Corrigez la formule ou saisissez ${FIELD_EXPECTED[p.field]}.`,
    }),
  };
}

function formulaNoValue(
  sheet: string,
  p: ColumnPlan,
  excelRow: number,
  formula: string,
  field: MappedField,
): Draft {
  const shown = formula === "" ? "une formule" : `la formule =${formula.slice(0, 120)}`;
  return {
    code: "formula-no-value",
    severity: "error",
    field,
    detail: () => ({
      ...place(sheet, p, excelRow),
      field,
      value: formula === "" ? null : `=${formula.slice(0, 200)}`,
      message: `La cellule ${a1(excelRow, p.column)} (« ${FIELD_LABELS[field]} ») contient ${shown} sans valeur calculée : le fichier a été écrit par un programme qui ne calcule pas les formules. Ouvrez-le dans Excel ou LibreOffice, enregistrez-le, puis vérifiez-le à nouveau.`,
    }),
  };
}

function required(
  sheet: string,
  p: ColumnPlan,
  excelRow: number,
  g: (typeof REQUIRED_GROUPS)[number],
): Draft {
  const months = p.field === "hoursMonth";
  return {
    code: "value-required",
    severity: "error",
    field: g.field,
    detail: () => ({
      ...place(sheet, p, excelRow),
      field: g.field,
      value: null,
      message: `Cellule vide pour « ${g.label} » (obligatoire). Saisissez ${FIELD_EXPECTED[g.field]}${months ? " dans les colonnes des mois (0 si la personne n'a pas travaillé)" : ""}.`,
    }),
  };
}
