import type { TableInfo } from "../model/analysis";
import type { MappedField } from "../model/fields";
import type { PersonRow } from "../model/person";
import { FindingCollector } from "../findings/collector";
import { MotifIndex, motifKey } from "../config/motifs";
import { a1 } from "../findings/a1";
import { createNormalizer } from "../text/normalize";
import { cellToText, INVALID, isEmptyCell, trimCell } from "../parse/outcome";
import { isBlankChar } from "../text/normalize";
import { excelErrorOf, isExcelError } from "../parse/excel-error";
import { parseDateCell, parseYearCell, yearOfDay } from "../parse/date";
import { parseNumberCell } from "../parse/number";
import { parseYesNo } from "../parse/yes-no";
import { parseSex } from "../parse/sex";
import { parseRsa } from "../parse/rsa";
import { parseFtDuration } from "../parse/ft-duration";
import { parseEducationLevel } from "../parse/education";
import { parsePrescriber } from "../parse/prescriber";
import { normalizePass } from "../parse/identifiers";
import { passDigits } from "../keys/pass-digits";
import { parsePostalCode, parseTextCell } from "../parse/text";
import { FIELD_EXPECTED, FIELD_LABELS } from "./field-labels";
import { rowAt, type SheetView } from "./sheet-view";
import { clearRow, newRow } from "./empty-row";


/** The table ends after this many consecutive blank rows (domain §2.3). */
export const BLANK_ROWS_END = 20;

// Small integers for a switch in the hot loop (one monomorphic dispatch, no closures per cell).
const enum K {
  Pass,
  LastName,
  FirstName,
  Sex,
  BirthDate,
  BirthYear,
  PostalCode,
  Commune,
  Qpv,
  QpvCode,
  Zrr,
  Rsa,
  Ass,
  Aah,
  Rqth,
  Ft,
  Education,
  Prescriber,
  HireDate,
  ContractEnd,
  Weekly,
  Hours,
  HoursSinceHire,
  ExitDate,
  ExitReason,
  Derogation,
  Month,
}

const KIND_OF: Record<MappedField, K> = {
  passNumber: K.Pass,
  lastName: K.LastName,
  firstName: K.FirstName,
  sex: K.Sex,
  birthDate: K.BirthDate,
  birthYear: K.BirthYear,
  postalCode: K.PostalCode,
  commune: K.Commune,
  qpv: K.Qpv,
  qpvCode: K.QpvCode,
  zrr: K.Zrr,
  rsa: K.Rsa,
  ass: K.Ass,
  aah: K.Aah,
  rqth: K.Rqth,
  ftDuration: K.Ft,
  educationLevel: K.Education,
  prescriber: K.Prescriber,
  hireDate: K.HireDate,
  contractEndDate: K.ContractEnd,
  weeklyHours: K.Weekly,
  hoursWorked: K.Hours,
  hoursSinceHire: K.HoursSinceHire,
  exitDate: K.ExitDate,
  exitReason: K.ExitReason,
  derogation: K.Derogation,
  hoursMonth: K.Month,
};

interface Plan {
  index: number;
  kind: K;
  field: MappedField;
  column: number;
}

// Required-cell bits (value-required).
const REQ_SEX = 1;
const REQ_BIRTH = 2;
const REQ_RSA = 4;
const REQ_HIRE = 8;
const REQ_HOURS = 16;

export interface ReadRowsContext {
  view: SheetView;
  table: TableInfo;
  date1904: boolean;
  motifs: MotifIndex;
  findings: FindingCollector;
}

/** Receives the rows of a table one by one (RowReader.readEach). `index` counts data rows from 0. */
export interface RowSink {
  take(row: PersonRow, index: number): void;
}

/** The sink of readAll: keeps every row. */
class RowCollector implements RowSink {
  readonly rows: PersonRow[] = [];

  take(row: PersonRow): void {
    this.rows.push(row);
  }
}

/** Reads the typed rows below the header. Never throws on hostile cells: they become value-invalid. */
export function readRows(ctx: ReadRowsContext): PersonRow[] {
  return new RowReader(ctx).readAll();
}

/**
 * The reading of one table. A class, so that the per-row work is one method shared by every reader:
 * V8 optimises readInto once (it runs 100 000 times) and keeps that code from one workbook to the next,
 * where a loop body inside a once-called function had to be re-optimised on the fly (OSR) on every call.
 */
export class RowReader {
  private readonly view: SheetView;
  private readonly date1904: boolean;
  private readonly motifs: MotifIndex;
  private readonly findings: FindingCollector;
  private readonly sheet: string;
  private readonly firstRow: number;
  private readonly plans: Plan[];
  /** REQ_* bits of the value-required fields that have a column. */
  private readonly required: number;
  private readonly normName: (s: string) => string;

  constructor(ctx: ReadRowsContext) {
    const { table } = ctx;
    this.view = ctx.view;
    this.date1904 = ctx.date1904;
    this.motifs = ctx.motifs;
    this.findings = ctx.findings;
    this.sheet = table.sheet;
    this.firstRow = table.headerIndex + 1;
    const hasHoursColumn = table.columns.some((c) => c.field === "hoursWorked");
    this.plans = table.columns
      .filter((c) => c.field !== "hoursMonth" || !hasHoursColumn)
      .map((c) => ({ index: c.index, kind: KIND_OF[c.field], field: c.field, column: table.firstColumn + c.index }));
    let required = 0;
    for (const p of this.plans) required |= bitOf(p.kind);
    this.required = required;
    this.normName = createNormalizer(50000);
  }

  readAll(): PersonRow[] {
    const collect = new RowCollector();
    this.readEach(collect, 0);
    return collect.rows;
  }

  /**
   * Hands every data row to `sink`, in sheet order, until the blank rows that end the table. With `reuse`
   * 0 each row is a new object the sink may keep; otherwise `reuse` row objects are refilled in turn, and
   * the sink must be done with a row when `reuse` more rows have been handed to it (the single pass of
   * analyzeWorkbook keeps nothing of a row, and 100 000 row objects are most of its memory).
   */
  readEach(sink: RowSink, reuse: number): void {
    const view = this.view;
    const nRows = view.rows.length;
    const ring: PersonRow[] = [];
    for (let k = 0; k < reuse; k++) ring.push(newRow(0));
    let blanks = 0;
    let index = 0;
    // The ring slot of the next row: index modulo reuse, without a division per row.
    let slot = 0;
    for (let i = this.firstRow; i < nRows; i++) {
      const excelRow = view.originRow + i + 1;
      let r: PersonRow;
      if (reuse === 0) r = newRow(excelRow);
      else {
        r = ring[slot];
        clearRow(r, excelRow);
      }
      if (!this.readInto(rowAt(view, i), excelRow, r)) {
        if (++blanks >= BLANK_ROWS_END) break;
        continue;
      }
      blanks = 0;
      sink.take(r, index++);
      if (++slot === reuse) slot = 0;
    }
  }

  /** One typed row, or null when the row holds no real data (its cell errors are then dropped). */
  readRow(cells: readonly unknown[], excelRow: number): PersonRow | null {
    const r = newRow(excelRow);
    return this.readInto(cells, excelRow, r) ? r : null;
  }

  /**
   * Reads one row into `r` (an empty row: newRow or clearRow). False when the row holds no real data
   * (its cell errors are then dropped).
   */
  readInto(cells: readonly unknown[], excelRow: number, r: PersonRow): boolean {
    const plans = this.plans;
    const nPlans = plans.length;
    const date1904 = this.date1904;
    // A row counts when it holds real data: a lone 0 in an hours column or an Excel error (formulas
    // filled down a template's empty rows) does not make it a person; its errors are then dropped.
    let filled = false;
    let pendingErrors: { p: Plan; err: string }[] | null = null;
    let seen = 0;
    let monthSum = 0;
    let monthAny = false;
    let birthYearCol: number | null = null;
    let passShaped = false;
    for (let k = 0; k < nPlans; k++) {
      const p = plans[k];
      const v = cells[p.index];
      if (v === null || v === undefined) continue;
      // Branch on the type first: a cell holds a string, a number or a Date, and comparing such a value with ""
      // or 0 is a generic comparison; within each branch the comparison is of one type (cheaper, ×25 per row).
      // `typeof v === "…"` written out each time: V8 turns that form into an inline type check, while a
      // `typeof` kept in a variable is a call per cell.
      if (typeof v === "string") {
        const s = v as string;
        if (s.length === 0) continue;
        const c0 = s.charCodeAt(0);
        if (c0 === 35 && isExcelError(s)) {
          seen |= bitOf(p.kind);
          (pendingErrors ??= []).push({ p, err: s.trim().toUpperCase() });
          continue;
        }
        if (isBlankChar(c0) && isEmptyCell(s)) continue;
        filled = true;
      } else if (typeof v === "number") {
        if ((v as number) !== 0 || (p.kind !== K.Hours && p.kind !== K.Month && p.kind !== K.Weekly && p.kind !== K.HoursSinceHire)) filled = true;
      } else if (typeof v === "object" && !(v instanceof Date)) {
        const err = excelErrorOf(v);
        seen |= bitOf(p.kind);
        if (err) (pendingErrors ??= []).push({ p, err });
        else {
          filled = true;
          this.invalid(p, excelRow, v);
        }
        continue;
      } else filled = true;
      switch (p.kind) {
        case K.Pass: {
          // Nearly every PASS is already 12 digits: one scan says so, and that it is the identity.
          if (typeof v === "string" && passDigits(v) >= 0) {
            r.passNumber = v;
            passShaped = true;
            break;
          }
          const x = normalizePass(v);
          if (x === null) this.invalid(p, excelRow, v);
          else r.passNumber = x;
          break;
        }
        case K.LastName:
        case K.FirstName:
        case K.Commune:
        case K.QpvCode: {
          const x = parseTextCell(v);
          if (x === INVALID) this.invalid(p, excelRow, v);
          else if (p.kind === K.LastName) r.lastName = x;
          else if (p.kind === K.FirstName) r.firstName = x;
          else if (p.kind === K.Commune) r.commune = x;
          else r.qpvCode = x;
          break;
        }
        case K.PostalCode: {
          const x = parsePostalCode(v);
          if (x === INVALID) this.invalid(p, excelRow, v);
          else r.postalCode = x;
          break;
        }
        case K.Sex: {
          seen |= REQ_SEX;
          const x = parseSex(v);
          if (x === INVALID) this.invalid(p, excelRow, v);
          else r.sex = x;
          break;
        }
        case K.BirthDate: {
          seen |= REQ_BIRTH;
          const x = parseDateCell(v, date1904);
          if (x === INVALID) this.invalid(p, excelRow, v);
          else r.birthDate = x;
          break;
        }
        case K.BirthYear: {
          seen |= REQ_BIRTH;
          const x = parseYearCell(v, date1904);
          if (x === INVALID) this.invalid(p, excelRow, v);
          else birthYearCol = x;
          break;
        }
        case K.Qpv:
        case K.Zrr:
        case K.Ass:
        case K.Aah:
        case K.Rqth: {
          const x = parseYesNo(v);
          if (x === INVALID) this.invalid(p, excelRow, v);
          else if (p.kind === K.Qpv) r.qpv = x;
          else if (p.kind === K.Zrr) r.zrr = x;
          else if (p.kind === K.Ass) r.ass = x;
          else if (p.kind === K.Aah) r.aah = x;
          else r.rqth = x;
          break;
        }
        case K.Rsa: {
          seen |= REQ_RSA;
          const x = parseRsa(v);
          if (x === INVALID) this.invalid(p, excelRow, v);
          else r.rsa = x;
          break;
        }
        case K.Ft: {
          const x = parseFtDuration(v);
          if (x === INVALID) this.invalid(p, excelRow, v);
          else r.ftDuration = x;
          break;
        }
        case K.Education: {
          const x = parseEducationLevel(v);
          if (x === INVALID) this.invalid(p, excelRow, v);
          else r.educationLevel = x;
          break;
        }
        case K.Prescriber: {
          const x = parsePrescriber(v);
          if (x === INVALID) this.invalid(p, excelRow, v);
          else r.prescriber = x;
          break;
        }
        case K.HireDate:
        case K.ContractEnd:
        case K.ExitDate: {
          if (p.kind === K.HireDate) seen |= REQ_HIRE;
          const x = parseDateCell(v, date1904);
          if (x === INVALID) this.invalid(p, excelRow, v);
          else if (p.kind === K.HireDate) r.hireDate = x;
          else if (p.kind === K.ContractEnd) r.contractEndDate = x;
          else r.exitDate = x;
          break;
        }
        case K.Weekly:
        case K.Hours:
        case K.HoursSinceHire: {
          if (p.kind === K.Hours) seen |= REQ_HOURS;
          const x = parseNumberCell(v);
          if (x === INVALID) this.invalid(p, excelRow, v);
          else if (p.kind === K.Weekly) r.weeklyHours = x;
          else if (p.kind === K.Hours) r.hoursWorked = x;
          else r.hoursSinceHire = x;
          break;
        }
        case K.Month: {
          seen |= REQ_HOURS;
          const x = parseNumberCell(v);
          if (x === INVALID) this.invalid(p, excelRow, v);
          else if (x !== null) {
            monthSum += x;
            monthAny = true;
          }
          break;
        }
        case K.ExitReason: {
          if (typeof v === "string" || typeof v === "number") {
            const raw = typeof v === "string" ? trimCell(v).slice(0, 500) : String(v);
            if (typeof v === "number" && !Number.isFinite(v)) {
              this.invalid(p, excelRow, v);
              break;
            }
            r.exitReasonRaw = raw;
            const m = this.motifs.match(v);
            r.exitMotif = m ? motifKey(m) : null;
          } else this.invalid(p, excelRow, v);
          break;
        }
        case K.Derogation: {
          const x = parseYesNo(v);
          // Free text ("accordée le 12/03", "dérogation DDETS") means a derogation exists.
          r.derogation = x === false ? false : x === true ? true : typeof v === "string" || (typeof v === "number" && v !== 0);
          break;
        }
      }
    }
    if (!filled) return false;
    if (pendingErrors !== null) for (const e of pendingErrors) this.cellError(e.p, excelRow, e.err);
    if (monthAny && r.hoursWorked === null) r.hoursWorked = Math.round(monthSum * 1e6) / 1e6;
    if (r.birthDate !== null) r.birthYear = yearOfDay(r.birthDate);
    else if (birthYearCol !== null) r.birthYear = birthYearCol;
    const missing = this.required & ~seen;
    if (missing !== 0) this.missingRequired(missing, excelRow);
    // Only a well-formed PASS identifies a person: "EN COURS" on ten rows is not one person.
    if (r.passNumber !== null && (passShaped || isPassShaped(r.passNumber))) r.identity = r.passNumber;
    else if (r.lastName !== null && r.firstName !== null && r.birthDate !== null)
      r.identity = `${this.normName(r.lastName).toUpperCase()}|${this.normName(r.firstName).toUpperCase()}|${r.birthDate}`;
    return true;
  }

  private invalid(p: Plan, excelRow: number, v: unknown): void {
    const sheet = this.sheet;
    this.findings.add("value-invalid", "error", () => {
      const text = cellToText(v);
      return {
        sheet,
        cell: a1(excelRow, p.column),
        row: excelRow,
        column: p.column,
        field: p.field,
        value: text,
        message: `${FIELD_LABELS[p.field]} illisible : "${text}". Saisissez ${FIELD_EXPECTED[p.field]}.`,
      };
    });
  }

  private cellError(p: Plan, excelRow: number, err: string): void {
    const sheet = this.sheet;
    this.findings.add("cell-error", "error", () => ({
      sheet,
      cell: a1(excelRow, p.column),
      row: excelRow,
      column: p.column,
      field: p.field,
      value: err,
      message: `La cellule ${a1(excelRow, p.column)} (« ${FIELD_LABELS[p.field]} ») contient l'erreur Excel ${err}. Corrigez la formule ou saisissez ${FIELD_EXPECTED[p.field]}.`,
    }));
  }

  /** value-required for each REQ_* bit in `missing`, on the column of that field. */
  private missingRequired(missing: number, excelRow: number): void {
    const sheet = this.sheet;
    for (let bit = 1; bit <= REQ_HOURS; bit <<= 1) {
      if ((missing & bit) === 0) continue;
      const p = this.plans.find((q) => bitOf(q.kind) === bit) as Plan;
      this.findings.add("value-required", "error", () => ({
        sheet,
        cell: a1(excelRow, p.column),
        row: excelRow,
        column: p.column,
        field: p.kind === K.Month ? "hoursWorked" : p.field,
        value: null,
        message: `Cellule vide pour « ${bit === REQ_BIRTH ? "Date de naissance" : p.kind === K.Month ? "Heures travaillées" : FIELD_LABELS[p.field]} » (obligatoire). Saisissez ${FIELD_EXPECTED[p.kind === K.Month ? "hoursWorked" : p.field]}${p.kind === K.Month ? " dans les colonnes des mois (0 si la personne n'a pas travaillé)" : ""}.`,
      }));
    }
  }
}

/** 12 letters or digits (the PASS IAE shape); the pass-format rule reports the others. */
function isPassShaped(s: string): boolean {
  if (s.length !== 12) return false;
  for (let i = 0; i < 12; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return false;
  }
  return true;
}

function bitOf(k: K): number {
  switch (k) {
    case K.Sex:
      return REQ_SEX;
    case K.BirthDate:
    case K.BirthYear:
      return REQ_BIRTH;
    case K.Rsa:
      return REQ_RSA;
    case K.HireDate:
      return REQ_HIRE;
    case K.Hours:
    case K.Month:
      return REQ_HOURS;
    default:
      return 0;
  }
}

/**
 * A reader that lives as long as the module. V8 holds an object shape (hidden class) only weakly: when
 * every reader of a run is garbage, a full GC frees the RowReader shape and throws away the optimised
 * readInto that depended on it, to be re-optimised by the next workbook. One live reader keeps it.
 */
export const KEEP_READER_SHAPE = new RowReader({
  view: { name: "", rows: [], originRow: 0, originCol: 0 },
  table: { sheet: "", headerRow: 1, headerIndex: 0, firstColumn: 1, columns: [], unknownHeaders: [], fieldsPresent: [] },
  date1904: false,
  motifs: new MotifIndex([]),
  findings: new FindingCollector(1),
});
