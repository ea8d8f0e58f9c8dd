import { a1, parseA1 } from "../core";

/** A parsed A1 range address, 0-based. */
export interface RangeBox {
  sheet: string | null;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/**
 * "Salariés!C3:F20", "'Mon onglet'!B2", "'L''année'!A1:B2" → 0-based box. The used range's address
 * gives the origin offset of `values[0][0]` in the sheet.
 */
export function parseRangeAddress(address: string): RangeBox {
  let sheet: string | null = null;
  let ref = address.trim();
  const bang = ref.lastIndexOf("!");
  if (bang >= 0) {
    let name = ref.slice(0, bang);
    if (name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
    sheet = name;
    ref = ref.slice(bang + 1);
  }
  const [first, last = first] = ref.split(":");
  const start = parseA1(first);
  const end = parseA1(last);
  if (!start || !end) throw new Error(`Adresse de plage illisible : ${address}`);
  return {
    sheet,
    row: Math.min(start.row, end.row) - 1,
    column: Math.min(start.column, end.column) - 1,
    rowCount: Math.abs(end.row - start.row) + 1,
    columnCount: Math.abs(end.column - start.column) + 1,
  };
}

/**
 * A RangeAreas address ("Feuil1!A1:B1, 'Mes, données'!C1:D1") → its areas' addresses. Commas inside a
 * quoted sheet name are part of the name.
 */
export function splitAreasAddress(address: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted; // a doubled quote flips twice: still inside the name
    if (ch === "," && !quoted) {
      parts.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim() !== "") parts.push(current.trim());
  return parts.filter((p) => p !== "");
}

/** Excel's documented-in-practice limit on the address string given to getRanges (a reference is ≤ 255 characters). */
export const MAX_AREAS_ADDRESS_CHARS = 255;

/** Splits cell addresses into comma-joined strings of at most `maxChars` characters each. */
export function chunkAddresses(cells: readonly string[], maxChars = MAX_AREAS_ADDRESS_CHARS): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const cell of cells) {
    if (cell.length > maxChars) throw new Error(`Adresse trop longue : ${cell}`);
    if (current === "") current = cell;
    else if (current.length + 1 + cell.length <= maxChars) current += `,${cell}`;
    else {
      chunks.push(current);
      current = cell;
    }
  }
  if (current !== "") chunks.push(current);
  return chunks;
}

/** Normalises "$d$7" → "D7" (null when not a single-cell A1 address). */
export function normalizeCell(cell: string): string | null {
  const p = parseA1(cell);
  return p ? a1(p.row, p.column) : null;
}
