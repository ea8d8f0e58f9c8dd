import { readError } from "./errors";
import type { ReadLimits } from "./limits";
import { attr, forEachElement, unescapeXml } from "./xml";

/** Built-in number formats that display dates or times (ECMA-376 §18.8.30, plus locale ids 27–36, 50–58). */
const BUILTIN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** Longest format code read: Excel accepts 255 characters, a longer one is not a format a writer made. */
const MAX_FORMAT_CODE = 1024;

/** A format code without its literal parts: quoted text, [bracketed] colours and conditions, \\ escapes, _x and *x fills. One pass. */
function formatLetters(code: string): string {
  let out = "";
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"' || c === "[") {
      // An unmatched opener is kept as a letter, as the regular expressions this replaces did.
      const close = code.indexOf(c === '"' ? '"' : "]", i + 1);
      if (close >= 0) {
        i = close;
        continue;
      }
    } else if (c === "\\" || c === "_" || c === "*") {
      i++;
      continue;
    }
    out += c;
  }
  return out;
}

/** True when a format code displays a date: d, m, y, h, s outside quotes, brackets and escapes. */
export function isDateFormatCode(code: string): boolean {
  if (code.length > MAX_FORMAT_CODE) return false;
  const stripped = formatLetters(code);
  if (/general/i.test(stripped)) return false;
  return /[dmyhs]/i.test(stripped);
}

/** For each cell style index (the `s` attribute), whether it displays a date. Counts are capped (limits). */
export function parseDateStyles(
  stylesXml: string | null,
  limits?: Pick<ReadLimits, "cellFormats" | "numberFormats">,
  file = "classeur",
): boolean[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  const out: boolean[] = [];
  const tooMany = (what: string, max: number) =>
    readError("too-many-styles", file, `plus de ${max.toLocaleString("fr-FR")} ${what}`);
  forEachElement(stylesXml, ["numFmt", "cellXfs"], (name, attrs, content) => {
    if (name === "numFmt") {
      if (limits && custom.size >= limits.numberFormats)
        throw tooMany("formats de nombre", limits.numberFormats);
      const id = Number(attr(attrs, "numFmtId"));
      const code = attr(attrs, "formatCode");
      if (Number.isFinite(id) && code !== null) custom.set(id, unescapeXml(code));
      return;
    }
    if (content === null || out.length > 0) return;
    forEachElement(content, ["xf"], (_xf, xfAttrs) => {
      if (limits && out.length >= limits.cellFormats) throw tooMany("formats de cellule", limits.cellFormats);
      const id = Number(attr(xfAttrs, "numFmtId") ?? "0");
      const code = custom.get(id);
      out.push(code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_IDS.has(id));
    });
  });
  return out;
}
