import type { FormulaCell, SheetData } from "../model/cells";
import { normalizeLabel } from "../parse/normalize-code";
import { trimCell } from "../parse/outcome";

/** First words of a totals or summary row (§2.4.1), normalised. */
const TOTAL_WORDS = ["total", "totaux", "sous total", "somme", "moyenne", "moyennes"];
/** Functions of a totals row's formulas, as files store them (English) and as typed in French. */
const TOTAL_FUNCTIONS = new Set(["SUBTOTAL", "SOUS.TOTAL", "SUM", "SOMME", "AGGREGATE", "AGREGAT"]);

/** The Excel rows (1-based) that are the totals rows of the sheet's Excel Tables, with the table's name. */
export function tableTotalsRows(data: SheetData): Map<number, string> {
  const out = new Map<number, string>();
  for (const t of Array.isArray(data.tables) ? data.tables : []) {
    if (t && t.totalsRow === true && Number.isInteger(t.range?.bottom))
      out.set(t.range.bottom + 1, String(t.name ?? ""));
  }
  return out;
}

/** The first text cell of a row, trimmed (for "Total", "Moyenne", and to quote a note). */
export function firstText(cells: readonly unknown[]): string | null {
  for (const v of cells) {
    if (typeof v === "string") {
      const t = trimCell(v);
      if (t !== "") return t.length > 80 ? `${t.slice(0, 80)}…` : t;
    }
  }
  return null;
}

/** The row is labelled as a total or an average by its first text cell. */
export function isTotalLabel(text: string | null): boolean {
  if (text === null) return false;
  const n = normalizeLabel(text);
  return TOTAL_WORDS.some((w) => n === w || n.startsWith(`${w} `));
}

/** "SUBTOTAL(109,L2:L40)", "_xlfn.AGGREGATE(…)" → "SUBTOTAL", "AGGREGATE". */
export function formulaFunction(formula: string): string {
  let f = formula.trim().replace(/^[=+]/, "");
  if (f.startsWith("_xlfn.")) f = f.slice(6);
  const open = f.indexOf("(");
  return (open > 0 ? f.slice(0, open) : "").toUpperCase();
}

/**
 * Every number of the row is a SUBTOTAL/SUM formula (a totals row under the table), and there is one at
 * least. `formulas` are the row's formula cells by 0-based row-array column.
 */
export function isTotalsFormulaRow(
  cells: readonly unknown[],
  formulas: ReadonlyMap<number, FormulaCell> | undefined,
): boolean {
  if (!formulas || formulas.size === 0) return false;
  let totals = 0;
  const width = Math.max(cells.length, ...formulas.keys()) + 1;
  for (let j = 0; j < width; j++) {
    const f = formulas.get(j);
    if (f) {
      if (!TOTAL_FUNCTIONS.has(formulaFunction(f.formula))) return false;
      totals++;
    } else if (typeof cells[j] === "number") return false;
  }
  return totals > 0;
}
