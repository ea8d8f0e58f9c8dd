import ExcelJS from "exceljs";
import { columnLetters } from "../core";
import type { CanonicalTemplate, TemplateColumn } from "../core/template/canonical-template";
import { addRangeValidation, stampWorkbook, styleHeaderRow, toBytes } from "./exceljs-util";

/** Rows prepared with validations and formats below the header. */
export const TEMPLATE_ROWS = 1000;

/** Excel refuses inline list formulas over 255 characters: longer lists go to the hidden sheet. */
function inlineList(values: readonly string[]): string | null {
  if (values.some((v) => v.includes(",") || v.includes('"'))) return null;
  const joined = values.join(",");
  return joined.length <= 250 ? `"${joined}"` : null;
}

class ListSheet {
  private ws: ExcelJS.Worksheet | null = null;
  private next = 1;
  constructor(
    private readonly wb: ExcelJS.Workbook,
    private readonly name: string,
  ) {}
  /** Writes the values in a new column of the hidden sheet and returns the absolute range. */
  range(title: string, values: readonly string[]): string {
    if (!this.ws) {
      this.ws = this.wb.getWorksheet(this.name) ?? this.wb.addWorksheet(this.name, { state: "hidden" });
      this.next = this.ws.columnCount + 1;
    }
    const col = this.next++;
    const letters = columnLetters(col);
    this.ws.getCell(1, col).value = title;
    values.forEach((v, i) => ((this.ws as ExcelJS.Worksheet).getCell(i + 2, col).value = v));
    this.ws.getColumn(col).width = Math.min(60, Math.max(12, ...values.map((v) => v.length)));
    return `'${this.name}'!$${letters}$2:$${letters}$${values.length + 1}`;
  }
}

function listFormula(lists: ListSheet, title: string, values: readonly string[]): string {
  return inlineList(values) ?? lists.range(title, values);
}

function validationFor(col: TemplateColumn, lists: ListSheet): ExcelJS.DataValidation | null {
  const common = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: col.header.slice(0, 32),
    prompt: col.help.slice(0, 255),
  };
  if (col.kind === "list" && col.list) {
    return {
      ...common,
      type: "list",
      formulae: [listFormula(lists, col.header, col.list)],
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: "Valeur non prévue",
      error: `Choisissez une valeur de la liste pour « ${col.header} ».`,
    };
  }
  if (col.kind === "date") {
    return {
      ...common,
      type: "date",
      operator: "between",
      formulae: [new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: "Date attendue",
      error: "Saisissez une date au format jj/mm/aaaa.",
    };
  }
  if (col.kind === "number") {
    return {
      ...common,
      type: "decimal",
      operator: "greaterThanOrEqual",
      formulae: [0],
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: "Nombre attendu",
      error: "Saisissez un nombre positif (exemple : 151,67).",
    };
  }
  return null;
}

/** Adds the Structure, Salariés, Mode d'emploi (and hidden Listes) sheets to a workbook. */
export function addTemplateSheets(wb: ExcelJS.Workbook, t: CanonicalTemplate): void {
  const lists = new ListSheet(wb, t.sheets.lists);

  const st = wb.addWorksheet(t.sheets.structure);
  st.columns = [
    { header: "Information", key: "label", width: 38 },
    { header: "Valeur", key: "value", width: 34 },
  ];
  styleHeaderRow(st.getRow(1));
  t.structure.forEach((r, i) => {
    const row = st.getRow(i + 2);
    row.getCell(1).value = r.required ? `${r.label} :` : r.label;
    row.getCell(1).font = { bold: r.required };
    // The hint is a note, never a cell to the right: the reader takes the next non-empty cell as the value.
    row.getCell(1).note = r.hint;
    const value = row.getCell(2);
    if (r.numFmt) value.numFmt = r.numFmt;
    if (r.key === "kind" && t.kind) value.value = t.kind;
    const address = `B${i + 2}`;
    const prompt = {
      showInputMessage: true,
      promptTitle: r.label.slice(0, 32),
      prompt: r.hint.slice(0, 255),
    };
    if (r.kind === "list" && r.list) {
      addRangeValidation(st, address, {
        ...prompt,
        type: "list",
        allowBlank: true,
        formulae: [listFormula(lists, r.label, r.list)],
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: "Valeur non prévue",
        error: `Choisissez une valeur de la liste pour « ${r.label} ».`,
      });
    } else if (r.kind === "date") {
      addRangeValidation(st, address, {
        ...prompt,
        type: "date",
        operator: "between",
        allowBlank: true,
        formulae: [new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
        showErrorMessage: true,
        errorStyle: "warning",
        error: "Saisissez une date au format jj/mm/aaaa.",
      });
    } else {
      addRangeValidation(st, address, {
        ...prompt,
        type: "any",
        formulae: [],
      } as unknown as ExcelJS.DataValidation);
    }
  });
  st.views = [{ state: "frozen", ySplit: 1 }];

  const ws = wb.addWorksheet(t.sheets.people);
  ws.columns = t.columns.map((c) => ({
    header: c.header,
    key: c.field,
    width: c.width,
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  styleHeaderRow(ws.getRow(1));
  ws.getRow(1).height = 32;
  t.columns.forEach((c, i) => {
    const letters = columnLetters(i + 1);
    ws.getCell(1, i + 1).note = `${c.help}${c.required ? " (obligatoire)" : ""}`;
    const v = validationFor(c, lists);
    if (v) addRangeValidation(ws, `${letters}2:${letters}${TEMPLATE_ROWS + 1}`, v);
  });
  ws.views = [{ state: "frozen", ySplit: 1, xSplit: 0 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.columns.length } };

  const help = wb.addWorksheet(t.sheets.instructions);
  help.getColumn(1).width = 120;
  t.instructions.forEach((line, i) => {
    const c = help.getCell(i + 1, 1);
    c.value = line;
    c.alignment = { wrapText: true, vertical: "top" };
    if (i === 0) c.font = { bold: true, size: 14 };
  });

  // Lists sheet last, hidden: created lazily above, moved to the end by ExcelJS order of creation.
}

/** The canonical empty workbook as .xlsx bytes. */
export async function writeTemplateXlsx(
  t: CanonicalTemplate,
  options: { date?: Date } = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  stampWorkbook(wb, options.date ?? new Date());
  addTemplateSheets(wb, t);
  return toBytes(wb);
}
