/**
 * Byte-level helpers for scanning a worksheet's UTF-8 XML without decoding it: tags and attribute
 * syntax are ASCII, so they are found in the bytes, and only the values that are text get decoded.
 */

let decoder: TextDecoder | null = null;

/** Made on first use, not at import: a test environment (jsdom) may install TextDecoder after the imports. */
function utf8(b: Uint8Array): string {
  decoder ??= new TextDecoder("utf-8");
  return decoder.decode(b);
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** A character of \w, the namespace prefixes accepted (<x:row>). */
export function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** The character after an element name: space, ">" or "/". */
export function isNameEnd(c: number): boolean {
  return isSpace(c) || c === 62 || c === 47;
}

/** The text of bytes [start, end) (UTF-8; invalid sequences become U+FFFD, as a browser would show). */
export function textAt(b: Uint8Array, start: number, end: number): string {
  if (end - start <= 32) {
    // Short ASCII values (error codes, booleans, numbers in text cells): cheaper than a decoder call.
    let s = "";
    for (let i = start; i < end; i++) {
      const c = b[i];
      if (c >= 128) return utf8(b.subarray(start, end));
      s += String.fromCharCode(c);
    }
    return s;
  }
  return utf8(b.subarray(start, end));
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * Where the tag whose local name starts at `name` begins: the index of its "<" (a closing tag's "<"
 * comes before its "/"), or -1 when the name is text, not a tag. Any namespace prefix is accepted, as
 * other writers use one (<x:row>) and may mix it with unprefixed rows.
 */
function tagStart(b: Uint8Array, name: number): number {
  let i = name - 1;
  if (b[i] === 58 /* : */) {
    i--;
    while (i >= 0 && isWordChar(b[i])) i--;
    if (i === name - 2) return -1;
  }
  if (b[i] === 47 /* / */) i--;
  return i >= 0 && b[i] === 60 /* < */ ? i : -1;
}

/** True when bytes at `i` are "row" (the local name of a row element). */
export function isRowName(b: Uint8Array, i: number): boolean {
  return b[i] === 114 && b[i + 1] === 111 && b[i + 2] === 119;
}

/**
 * Index just past the last closing row tag (</row>, </x:row>) whose "row>" starts at or after `from`,
 * or -1. Scans backwards: the last row of a chunk ends near its end.
 */
export function lastRowEnd(b: Uint8Array, from: number): number {
  for (let h = b.length - 4; h >= from && h > 0; h--) {
    if (b[h + 3] !== 62 || !isRowName(b, h)) continue;
    const lt = tagStart(b, h);
    if (lt >= 0 && b[lt + 1] === 47) return h + 4;
  }
  return -1;
}

/** Index of the last opening row tag's "<", or -1. */
export function lastRowStart(b: Uint8Array): number {
  for (let h = b.length - 4; h > 0; h--) {
    if (!isRowName(b, h) || !isNameEnd(b[h + 3])) continue;
    const lt = tagStart(b, h);
    if (lt >= 0 && b[lt + 1] !== 47) return lt;
  }
  return -1;
}

/** Index of the first occurrence of `seq` in b[from, end), or -1. */
export function indexOfBytes(b: Uint8Array, seq: Uint8Array, from: number, end: number): number {
  const first = seq[0];
  const last = end - seq.length;
  for (let i = b.indexOf(first, from); i >= 0 && i <= last; i = b.indexOf(first, i + 1)) {
    let k = 1;
    while (k < seq.length && b[i + k] === seq[k]) k++;
    if (k === seq.length) return i;
  }
  return -1;
}
