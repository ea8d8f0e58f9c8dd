/** 1-based column number → letters (1 → A, 27 → AA). Excel's last column is 16384 (XFD). */
export function columnLetters(column: number): string {
  let n = Math.floor(column);
  if (!(n >= 1)) return "A";
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 1-based row and column → "B12". */
export function a1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** "B12" → { row: 12, column: 2 }, or null when not an A1 address. */
export function parseA1(ref: string): { row: number; column: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}
