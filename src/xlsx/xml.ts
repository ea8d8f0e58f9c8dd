/**
 * Tiny XML helpers for the lean OOXML reader. File content is hostile until read: everything here is a
 * linear scan (indexOf and character loops), never a regular expression that can backtrack on it.
 */

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Longest entity read ("&#x10FFFF;"): a ";" farther away does not end an entity, so no search runs far. */
const MAX_ENTITY = 10;

/** The character an entity's name stands for ("amp", "#233", "#xE9"), or null when it is not one. */
function entityValue(name: string): string | null {
  if (name.charCodeAt(0) !== 35 /* # */) return NAMED[name] ?? null;
  const hex = name.charCodeAt(1) === 120; /* x */
  const digits = name.slice(hex ? 2 : 1);
  if (digits.length === 0 || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return null;
  const code = parseInt(digits, hex ? 16 : 10);
  return code <= 0x10ffff ? String.fromCodePoint(code) : "";
}

/** XML entities decoded; an "&" that starts no entity stays. One pass (String.replace with a callback grows worse than linearly on millions of matches). */
export function unescapeXml(s: string): string {
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  const parts: string[] = [];
  let from = 0;
  while (amp >= 0) {
    let semi = amp + 1;
    const stop = Math.min(s.length, amp + MAX_ENTITY + 1);
    while (semi < stop && s.charCodeAt(semi) !== 59 /* ; */) semi++;
    const value = semi < stop ? entityValue(s.slice(amp + 1, semi)) : null;
    if (value !== null) {
      parts.push(s.slice(from, amp), value);
      from = semi + 1;
    }
    amp = s.indexOf("&", value !== null ? from : amp + 1);
  }
  parts.push(s.slice(from));
  return parts.join("");
}

/** Decodes OOXML's _xHHHH_ escapes (control characters written by Excel in strings). One pass, as unescapeXml. */
export function unescapeOoxml(s: string): string {
  let at = s.indexOf("_x");
  if (at < 0) return s;
  const parts: string[] = [];
  let from = 0;
  while (at >= 0) {
    const hex = s.slice(at + 2, at + 6);
    if (s.charCodeAt(at + 6) === 95 /* _ */ && /^[0-9A-Fa-f]{4}$/.test(hex)) {
      parts.push(s.slice(from, at), String.fromCharCode(parseInt(hex, 16)));
      from = at + 7;
      at = s.indexOf("_x", from);
    } else at = s.indexOf("_x", at + 1);
  }
  parts.push(s.slice(from));
  return parts.join("");
}

const ATTR_RES = new Map<string, RegExp>();

/** Value of an attribute in an element's attribute text. Fast path for name="value" (what Excel writes). */
export function attr(attrs: string, name: string): string | null {
  const needle = `${name}="`;
  let i = attrs.indexOf(needle);
  while (i > 0 && !isBoundary(attrs.charCodeAt(i - 1))) i = attrs.indexOf(needle, i + 1);
  if (i >= 0) {
    const start = i + needle.length;
    const end = attrs.indexOf('"', start);
    if (end >= 0) {
      const v = attrs.slice(start, end);
      return v.indexOf("&") >= 0 ? unescapeXml(v) : v;
    }
  }
  // No single quotes and no spaces around "=": the fast path saw everything.
  if (attrs.indexOf("'") < 0 && attrs.indexOf(" =") < 0 && attrs.indexOf("= ") < 0) return null;
  // Attribute names may be prefixed in odd writers. Linear: each try starts at a space and reads one word.
  let re = ATTR_RES.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)(?:[\\w]+:)?${name}\\s*=\\s*("([^"]*)"|'([^']*)')`);
    ATTR_RES.set(name, re);
  }
  const m = re.exec(attrs);
  if (!m) return null;
  return unescapeXml(m[2] ?? m[3] ?? "");
}

/** What forEachElement gives for each element: its content is null when self-closing (or never closed). */
export type OnElement = (name: string, attrs: string, content: string | null) => void | false;

/** A character of an element name (anything up to space, "/", ">", "<", "=" or a quote). */
function isNameChar(c: number): boolean {
  return c > 32 && c !== 47 && c !== 62 && c !== 60 && c !== 61 && c !== 34 && c !== 39;
}

/** Index of the ">" ending the tag whose attributes start at `i`, outside quoted values; -1 when there is none. */
function tagEnd(xml: string, i: number): number {
  const n = xml.length;
  for (; i < n; i++) {
    const c = xml.charCodeAt(i);
    if (c === 62) return i;
    if (c === 34 || c === 39) {
      const close = xml.indexOf(c === 34 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close;
    }
  }
  return -1;
}

/** [start, end) of the first end tag of `local` (any prefix) at or after `from`, or null. */
function endTag(xml: string, from: number, local: string): [number, number] | null {
  for (let j = xml.indexOf("</", from); j >= 0; j = xml.indexOf("</", j + 2)) {
    let k = j + 2;
    while (k < xml.length && isNameChar(xml.charCodeAt(k))) k++;
    const name = xml.slice(j + 2, k);
    const colon = name.lastIndexOf(":");
    if ((colon >= 0 ? name.slice(colon + 1) : name) !== local) continue;
    const gt = xml.indexOf(">", k);
    return gt < 0 ? null : [j, gt + 1];
  }
  return null;
}

/**
 * Calls onElement, in document order, for each element of `xml` whose local name (prefix dropped) is in
 * `names`; the scan resumes after the element's end tag, so elements nested in a matched one are not seen
 * (give its content to another call). Comments are skipped. An element left open (no ">" or no end tag)
 * ends the scan: nothing after it can be complete. Linear in xml.length. onElement returning false stops.
 */
export function forEachElement(xml: string, names: readonly string[], onElement: OnElement): void {
  const n = xml.length;
  let pos = 0;
  for (;;) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0) return;
    if (xml.startsWith("!--", lt + 1)) {
      const close = xml.indexOf("-->", lt + 4);
      if (close < 0) return;
      pos = close + 3;
      continue;
    }
    let i = lt + 1;
    let colon = -1;
    while (i < n) {
      const c = xml.charCodeAt(i);
      if (!isNameChar(c)) break;
      if (c === 58) colon = i;
      i++;
    }
    if (i === lt + 1) {
      pos = lt + 1;
      continue;
    }
    const local = xml.slice(colon >= 0 ? colon + 1 : lt + 1, i);
    if (!names.includes(local)) {
      pos = i;
      continue;
    }
    const gt = tagEnd(xml, i);
    if (gt < 0) return;
    if (xml.charCodeAt(gt - 1) === 47 /* / */) {
      if (onElement(local, xml.slice(i, gt - 1), null) === false) return;
      pos = gt + 1;
      continue;
    }
    const close = endTag(xml, gt + 1, local);
    if (close === null) {
      onElement(local, xml.slice(i, gt), null);
      return;
    }
    if (onElement(local, xml.slice(i, gt), xml.slice(gt + 1, close[0])) === false) return;
    pos = close[1];
  }
}

/** The first element named `local` (any prefix) in xml: its attributes and content, or null. */
export function firstElement(xml: string, local: string): { attrs: string; content: string | null } | null {
  let found: { attrs: string; content: string | null } | null = null;
  forEachElement(xml, [local], (_name, attrs, content) => {
    found = { attrs, content };
    return false;
  });
  return found;
}

/** Concatenated text of every <t> run of a string item, ignoring phonetic runs (<rPh>). */
export function textOfRuns(xml: string): string {
  let out = "";
  forEachElement(xml, ["t", "rPh"], (name, _attrs, content) => {
    if (name === "t" && content !== null) out += content;
  });
  return unescapeOoxml(unescapeXml(out));
}

/** Space, tab, newline or a namespace prefix's colon before an attribute name. */
function isBoundary(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 58;
}
