import { attr, unescapeXml } from "./xml";

/** Built-in number formats that display dates or times (ECMA-376 §18.8.30, plus locale ids 27–36, 50–58). */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** True when a format code displays a date: d, m, y, h, s outside quotes, brackets and escapes. */
export function isDateFormatCode(code: string): boolean {
  const stripped = code
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "")
    .replace(/_.|\*./g, "");
  if (/general/i.test(stripped)) return false;
  return /[dmyhs]/i.test(stripped);
}

/** For each cell style index (the `s` attribute), whether it displays a date. */
export function parseDateStyles(stylesXml: string | null): boolean[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  const fmtRe = /<(?:\w+:)?numFmt\b([^>]*?)\/?>/g;
  let m: RegExpExecArray | null;
  while ((m = fmtRe.exec(stylesXml)) !== null) {
    const id = Number(attr(m[1], "numFmtId"));
    const code = attr(m[1], "formatCode");
    if (Number.isFinite(id) && code !== null) custom.set(id, unescapeXml(code));
  }
  const xfsMatch = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml);
  if (!xfsMatch) return [];
  const out: boolean[] = [];
  const xfRe = /<(?:\w+:)?xf\b([^>]*?)\/?>/g;
  while ((m = xfRe.exec(xfsMatch[1])) !== null) {
    const id = Number(attr(m[1], "numFmtId") ?? "0");
    const code = custom.get(id);
    out.push(code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_IDS.has(id));
  }
  return out;
}
