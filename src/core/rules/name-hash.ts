import { normalizeText } from "../text/normalize";

/**
 * Normalised form of each Latin-1 character (and œ/Œ), computed once with normalizeText itself:
 * "" marks a separator (space, punctuation), otherwise the letters it stands for ("É" → "e", "æ" → "ae").
 */
const LATIN: string[] = [];
for (let c = 0; c <= 0xff; c++) LATIN.push(normalizeText(String.fromCharCode(c)));
const OE = normalizeText("\u0153");
/**
 * The same table as char codes, read in the loop instead of the strings: the normalised code when a
 * character stands for exactly one, SEPARATOR for "", MANY when it stands for several ("æ" → "ae").
 */
const SEPARATOR = -1;
const MANY = -2;
const LATIN_CODE = new Int32Array(LATIN.map((m) => (m === "" ? SEPARATOR : m.length === 1 ? m.charCodeAt(0) : MANY)));

/**
 * 30-bit hash of normalizeText(s) (30 bits: a small integer for V8, returned without allocating a
 * number), computed without building the normalised string: names are mostly distinct, so per-row
 * normalisation would cost an allocation (and for accents a Unicode NFD) per row.
 * Equal normalised texts always give equal hashes; other characters than Latin-1 fall back to
 * normalizeText. A hash match is not proof of equality: callers verify with normalizeText.
 */
export function nameHash(s: string): number {
  let h = 0x811c9dc5;
  let pending = false;
  let started = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let code: number;
    let m = "";
    if (c <= 0xff) {
      code = LATIN_CODE[c];
      if (code === MANY) m = LATIN[c];
    } else if (c === 0x153 || c === 0x152) {
      code = MANY;
      m = OE;
    } else return hashString(normalizeText(s));
    if (code === SEPARATOR) {
      pending = true;
      continue;
    }
    if (pending && started) h = Math.imul(h ^ 32, 0x01000193);
    pending = false;
    started = true;
    if (code !== MANY) h = Math.imul(h ^ code, 0x01000193);
    else for (let j = 0; j < m.length; j++) h = Math.imul(h ^ m.charCodeAt(j), 0x01000193);
  }
  return finish(h);
}

function hashString(t: string): number {
  let h = 0x811c9dc5;
  for (let j = 0; j < t.length; j++) h = Math.imul(h ^ t.charCodeAt(j), 0x01000193);
  return finish(h);
}

function finish(h: number): number {
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 2;
}
