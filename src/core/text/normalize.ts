/**
 * Normalised text for matching headers, labels and codes (domain §2.2): lower case, accents removed,
 * punctuation turned into spaces, spaces collapsed. "N° d'annexe" → "n d annexe".
 */
export function normalizeText(input: string): string {
  const lower = input.toLowerCase().normalize("NFD");
  let out = "";
  let pendingSpace = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    // Combining diacritical marks (after NFD): drop.
    if (c >= 0x300 && c <= 0x36f) continue;
    const isAlnum = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 0x7f;
    if (isAlnum && !isSpaceLike(c)) {
      if (pendingSpace && out.length > 0) out += " ";
      pendingSpace = false;
      out += c === 0x153 ? "oe" : c === 0xe6 ? "ae" : lower[i];
    } else {
      pendingSpace = true;
    }
  }
  return out;
}

/** Spaces users paste around values (normal, tab, NBSP, narrow NBSP, thin/figure/ideographic, BOM). */
export function isBlankChar(c: number): boolean {
  // Printable ASCII (and the C1 controls): nearly every character tested, and none of them is a blank.
  if (c > 0x20 && c < 0xa0) return false;
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0xa0 ||
    c === 0x202f ||
    c === 0x2007 ||
    c === 0x2008 ||
    c === 0x2009 ||
    c === 0x200a ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Separators for matching: the blanks, plus the apostrophe, degree sign and guillemets of "N° d’annexe". */
export function isSpaceLike(c: number): boolean {
  return isBlankChar(c) || c === 0x2019 || c === 0xb0 || c === 0xab || c === 0xbb;
}

/** Memoised normaliser for hot loops over repeated cell texts (yes/no, codes). Bounded to avoid growth. */
export function createNormalizer(limit = 10000): (s: string) => string {
  const cache = new Map<string, string>();
  return (s: string) => {
    let v = cache.get(s);
    if (v === undefined) {
      v = normalizeText(s);
      if (cache.size < limit) cache.set(s, v);
    }
    return v;
  };
}
