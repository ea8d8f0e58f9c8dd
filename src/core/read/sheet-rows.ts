import type { FormulaCell } from "../model/cells";
import type { MappedField } from "../model/fields";
import type { PersonRow } from "../model/person";
import type { MotifIndex } from "../config/motifs";
import { a1 } from "../findings/a1";
import { isEmptyCell } from "../parse/outcome";
import { excelErrorOf } from "../parse/excel-error";
import { parseYesNo } from "../parse/yes-no";
import { FIELD_LABELS } from "./field-labels";
import { firstText, isTotalLabel, isTotalsFormulaRow, tableTotalsRows } from "./not-person";
import { rowAt } from "./sheet-view";
import type { SheetTable } from "./locate-table";
import { createRowTyping, typeRow, type Draft, type RowTyping, type TypedRow } from "./type-row";

/** The table ends after this many consecutive blank rows (domain §2.3). */
export const BLANK_ROWS_END = 20;

/** Yes/no columns that may be check boxes (§2.4.7). */
const CHECKBOX_FIELDS: readonly MappedField[] = ["qpv", "zrr", "rsa", "ass", "aah", "rqth"];

/** A person row of a sheet and the findings reading it raised. */
export interface ReadRow {
  row: PersonRow;
  drafts: Draft[];
}

/** The rows of one people table. */
export interface SheetRows {
  source: SheetTable;
  rows: ReadRow[];
  /** Findings about the sheet's rows as a whole: row-not-person, checkbox-column, hours-from-months. */
  drafts: Draft[];
}

interface RawRow {
  excelRow: number;
  cells: readonly unknown[];
  typed: TypedRow;
}

/**
 * Reads the rows below a table's header until 20 blank rows: types them, leaves out the rows that are not
 * persons (totals, notes under the table, §2.4.1), reads check-box columns (§2.4.7) and fills empty
 * total hours from the months (§2.4.6).
 */
export function readSheetRows(source: SheetTable, date1904: boolean, motifs: MotifIndex): SheetRows {
  const { view, table, data } = source;
  const plans = table.columns.map((c) => ({
    field: c.field,
    index: c.index,
    column: table.firstColumn + c.index,
  }));
  const formulasByRow = new Map<number, Map<number, FormulaCell>>();
  const formulaWithoutValue = new Map<string, string>();
  for (const f of Array.isArray(data.formulas) ? data.formulas : []) {
    if (!f || !Number.isInteger(f.row) || !Number.isInteger(f.col)) continue;
    const j = f.col - view.originCol;
    const i = f.row - view.originRow;
    if (i <= table.headerIndex || j < 0) continue;
    let byCol = formulasByRow.get(f.row + 1);
    if (!byCol) formulasByRow.set(f.row + 1, (byCol = new Map()));
    byCol.set(j, f);
    if (isEmptyCell(rowAt(view, i)[j]))
      formulaWithoutValue.set(`${f.row + 1}:${f.col + 1}`, typeof f.formula === "string" ? f.formula : "");
  }
  const typing: RowTyping = createRowTyping({
    sheet: view.name,
    plans,
    date1904,
    motifs,
    formulaWithoutValue,
    checkboxes: new Set(),
  });

  const raw: RawRow[] = [];
  let blanks = 0;
  for (let i = table.headerIndex + 1; i < view.rows.length; i++) {
    const excelRow = view.originRow + i + 1;
    const cells = rowAt(view, i);
    const typed = typeRow(cells, excelRow, typing);
    if (!typed.filled) {
      if (++blanks >= BLANK_ROWS_END) break;
      continue;
    }
    blanks = 0;
    raw.push({ excelRow, cells, typed });
  }

  const drafts: Draft[] = [];
  const notPerson = (r: RawRow, why: string) =>
    drafts.push({
      code: "row-not-person",
      severity: "info",
      field: null,
      detail: () => ({
        sheet: view.name,
        cell: a1(r.excelRow, table.firstColumn),
        row: r.excelRow,
        column: table.firstColumn,
        field: null,
        value: firstText(r.cells),
        message: `Ligne ${r.excelRow} : ${why}. Elle n'est pas comptée comme une personne.`,
      }),
    });

  const totals = tableTotalsRows(data);
  const left = new Set<RawRow>();
  for (const r of raw) {
    const tableName = totals.get(r.excelRow);
    if (tableName !== undefined) {
      notPerson(r, `ligne de total du tableau Excel${tableName ? ` « ${tableName} »` : ""}`);
      left.add(r);
      continue;
    }
    // A value that reads as an identity (a PASS, or a name with a birth date) keeps a row a person.
    if (r.typed.row.identity !== null) continue;
    const text = firstText(r.cells);
    if (isTotalLabel(text)) {
      notPerson(r, `ligne « ${text} » (total ou moyenne)`);
      left.add(r);
    } else if (isTotalsFormulaRow(r.cells, formulasByRow.get(r.excelRow))) {
      notPerson(r, "ligne de totaux (formules SOMME ou SOUS.TOTAL)");
      left.add(r);
    }
  }
  // Notes under the table: text-only rows after the last person row.
  let last = -1;
  raw.forEach((r, k) => {
    if (!left.has(r) && !(r.typed.textOnly && r.typed.row.identity === null)) last = k;
  });
  for (let k = last + 1; k < raw.length; k++) {
    const r = raw[k];
    if (left.has(r)) continue;
    notPerson(r, `texte sous le tableau (« ${firstText(r.cells) ?? ""} »), pas une personne`);
    left.add(r);
  }
  let persons = raw.filter((r) => !left.has(r));

  const checkboxes = checkboxColumns(persons, plans);
  if (checkboxes.size > 0) {
    const again = createRowTyping({
      sheet: view.name,
      plans,
      date1904,
      motifs,
      formulaWithoutValue,
      checkboxes,
    });
    persons = persons.map((r) => ({ ...r, typed: typeRow(r.cells, r.excelRow, again) }));
    for (const field of checkboxes) {
      const p = plans.find((q) => q.field === field);
      if (!p) continue;
      const header = table.columns.find((c) => c.index === p.index)?.header ?? FIELD_LABELS[field];
      drafts.push({
        code: "checkbox-column",
        severity: "info",
        field,
        detail: () => ({
          sheet: view.name,
          cell: a1(table.headerRow, p.column),
          row: table.headerRow,
          column: p.column,
          field,
          value: header,
          message: `Colonne « ${header} » : cases à cocher, une case vide vaut Non.`,
        }),
      });
    }
  }

  const fromMonths = persons.find((r) => r.typed.hoursFromMonths);
  if (fromMonths) {
    const p = plans.find((q) => q.field === "hoursWorked");
    const count = persons.filter((r) => r.typed.hoursFromMonths).length;
    if (p)
      drafts.push({
        code: "hours-from-months",
        severity: "info",
        field: "hoursWorked",
        detail: () => ({
          sheet: view.name,
          cell: a1(fromMonths.excelRow, p.column),
          row: fromMonths.excelRow,
          column: p.column,
          field: "hoursWorked",
          value: null,
          message: `« ${FIELD_LABELS.hoursWorked} » vide ou non calculée sur ${count === 1 ? "1 ligne" : `${count} lignes`} (la première : ligne ${fromMonths.excelRow}) : la somme des heures mensuelles est utilisée.`,
        }),
      });
  }
  return { source, rows: persons.map((r) => ({ row: r.typed.row, drafts: r.typed.drafts })), drafts };
}

/**
 * Yes/no columns whose filled cells are all yes-marks (X, ✓, 1, Oui), with no "no" anywhere: check
 * boxes, where a blank means no. A column with no mark at all, or with Non or empty boxes, is not one.
 */
function checkboxColumns(
  persons: readonly RawRow[],
  plans: readonly { field: MappedField; index: number }[],
): Set<MappedField> {
  const out = new Set<MappedField>();
  for (const field of CHECKBOX_FIELDS) {
    const p = plans.find((q) => q.field === field);
    if (!p) continue;
    let marks = 0;
    let blanks = 0;
    let other = false;
    for (const r of persons) {
      const v = r.cells[p.index];
      if (isEmptyCell(v)) {
        blanks++;
        continue;
      }
      if (excelErrorOf(v) !== null || parseYesNo(v) !== true) {
        other = true;
        break;
      }
      marks++;
    }
    if (!other && marks > 0 && blanks > 0) out.add(field);
  }
  return out;
}
