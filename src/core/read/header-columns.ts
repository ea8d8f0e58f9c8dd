import type { CellRange } from "../model/cells";
import type { MappedField, MappingOverride } from "../model/fields";
import { PERSON_FIELDS } from "../model/fields";
import { normalizeLabel } from "../parse/normalize-code";
import { headerText } from "./header-text";
import {
  groupExcludes,
  matchGroupedHeader,
  matchNormalizedHeader,
  monthOfHeader,
  type HeaderMatch,
} from "./match-header";
import { rowAt, widthOf, type SheetView } from "./sheet-view";

/** The header of one column as read: its text and what it matched (null: unknown, kept and ignored). */
export interface HeaderCell {
  index: number;
  /** The text shown for the column: the sub-header, or "Group / Sub" for a grouped header (§2.4.4). */
  header: string;
  /** 1-based Excel row holding the header text. */
  row: number;
  match: HeaderMatch | null;
}

/** The header rows of a table: one row, or a group row above sub-headers (upper = -1 for one row). */
export interface HeaderRows {
  upper: number;
  lower: number;
}

/**
 * The text of the group above column j: the merged cell covering it, or, when the adapter gives no
 * merges, the nearest group cell to its left over columns that have sub-headers.
 */
function groupTexts(
  view: SheetView,
  rows: HeaderRows,
  merges: readonly CellRange[] | undefined,
  date1904: boolean,
  width: number,
): (string | null)[] {
  const out: (string | null)[] = new Array(width).fill(null);
  if (rows.upper < 0) return out;
  const upper = rowAt(view, rows.upper);
  const lower = rowAt(view, rows.lower);
  const absUpper = view.originRow + rows.upper;
  for (let j = 0; j < width; j++) out[j] = headerText(upper[j], date1904);
  if (merges) {
    for (const m of merges) {
      if (m.top > absUpper || m.bottom < absUpper) continue;
      const left = m.left - view.originCol;
      const text = headerText(upper[left], date1904);
      for (let j = Math.max(0, left); j <= m.right - view.originCol && j < width; j++) out[j] = text;
    }
    return out;
  }
  let carry: string | null = null;
  for (let j = 0; j < width; j++) {
    if (out[j] !== null) carry = out[j];
    else if (headerText(lower[j], date1904) === null) carry = null;
    else out[j] = carry;
  }
  return out;
}

/**
 * Reads the header of every column. With two rows, a sub-header is read with its group when it means
 * nothing alone or the group names another subject ("Sortie" + "Date" → exit date); a column with no
 * sub-header takes the upper cell (a title merged down over both rows). User overrides win, except that
 * a NIR column is never read.
 */
export function readHeaderCells(
  view: SheetView,
  rows: HeaderRows,
  merges: readonly CellRange[] | undefined,
  mapping: MappingOverride | undefined,
  date1904: boolean,
): HeaderCell[] {
  const lowerRow = rowAt(view, rows.lower);
  const upperRow = rows.upper >= 0 ? rowAt(view, rows.upper) : [];
  const width = Math.max(widthOf(view, lowerRow), widthOf(view, upperRow));
  const groups = groupTexts(view, rows, merges, date1904, width);
  const overrides = mapping?.columns && typeof mapping.columns === "object" ? mapping.columns : undefined;
  const lowerExcel = view.originRow + rows.lower + 1;
  const upperExcel = view.originRow + rows.upper + 1;
  const cells: HeaderCell[] = [];
  for (let j = 0; j < width; j++) {
    const sub = headerText(lowerRow[j], date1904);
    const own = rows.upper >= 0 ? headerText(upperRow[j], date1904) : null;
    let header: string;
    let row = lowerExcel;
    let match: HeaderMatch | null;
    if (sub !== null) {
      header = sub;
      match = matchNormalizedHeader(normalizeLabel(sub));
      const group = groups[j];
      if (group !== null && group !== sub) {
        const g = normalizeLabel(group);
        if (match === null || groupExcludes(g, match)) {
          header = `${group} / ${sub}`;
          match = matchGroupedHeader(g, normalizeLabel(sub));
        }
      }
    } else if (own !== null) {
      header = own;
      row = upperExcel;
      match = matchNormalizedHeader(normalizeLabel(own));
    } else continue;
    if (overrides && Object.prototype.hasOwnProperty.call(overrides, header)) {
      const f = overrides[header];
      const auto = match;
      if (f === null || !isMappedField(f)) match = null;
      else {
        const n = normalizeLabel(header);
        match =
          f === "hoursMonth"
            ? { field: f, month: monthOfHeader(n) ?? undefined, name: n }
            : { field: f, name: n };
      }
      // A column the user mapped is still refused when it is a NIR: privacy first.
      if (auto?.field === "sensitive") match = auto;
    }
    cells.push({ index: j, header, row, match });
  }
  return cells;
}

export function isMappedField(f: unknown): f is MappedField {
  return (
    typeof f === "string" &&
    (f === "hoursMonth" || f === "convention" || (PERSON_FIELDS as readonly string[]).includes(f))
  );
}

/** Distinct fields a header reading recognises (a NIR column is not one). */
export function recognisedFields(cells: readonly HeaderCell[]): number {
  const fields = new Set<string>();
  for (const c of cells) {
    if (!c.match || c.match.field === "sensitive") continue;
    fields.add(c.match.field === "hoursMonth" ? `hoursMonth:${c.match.month ?? c.index}` : c.match.field);
  }
  return fields.size;
}
