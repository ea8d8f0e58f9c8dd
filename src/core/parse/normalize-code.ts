import { normalizeText } from "../text/normalize";

/**
 * normalizeText keeps every non-ASCII character as a letter, so typographic punctuation that Word and
 * Excel autocorrect insert ("Oui – majoré", “RSA”, "Heures • janvier") would survive as tokens.
 * Turn it into spaces first; the common ASCII-only case costs one scan and no allocation.
 */
export function normalizeLabel(s: string): string {
  let needs = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f && isTypographicPunct(c)) {
      needs = true;
      break;
    }
  }
  if (!needs) return normalizeText(s);
  let out = "";
  for (let i = 0; i < s.length; i++) out += isTypographicPunct(s.charCodeAt(i)) ? " " : s[i];
  return normalizeText(out);
}

function isTypographicPunct(c: number): boolean {
  return (
    (c >= 0x2010 && c <= 0x2027) || // dashes, quotes, bullets, ellipsis
    c === 0x2212 || // minus sign
    c === 0x2030 ||
    (c >= 0x2039 && c <= 0x203a) ||
    c === 0x00b7 || // middle dot
    c === 0x00a7 ||
    c === 0x00b4 ||
    c === 0x02bc // modifier apostrophe
  );
}
