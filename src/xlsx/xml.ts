/** Tiny XML helpers for the lean OOXML reader: regex over well-formed, machine-written parts. */

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(ENTITY, (_m, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name) return NAMED[name];
    const code = dec ? parseInt(dec, 10) : parseInt(hex as string, 16);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

/** Decodes OOXML's _xHHHH_ escapes (control characters written by Excel in strings). */
export function unescapeOoxml(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
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
  // Attribute names may be prefixed in odd writers; match on the local name preceded by space.
  let re = ATTR_RES.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)(?:[\\w]+:)?${name}\\s*=\\s*("([^"]*)"|'([^']*)')`);
    ATTR_RES.set(name, re);
  }
  const m = re.exec(attrs);
  if (!m) return null;
  return unescapeXml(m[2] ?? m[3] ?? "");
}

/** Concatenated text of every <t> run of a string item, ignoring phonetic runs (<rPh>). */
export function textOfRuns(xml: string): string {
  const clean = xml.indexOf("<rPh") >= 0 ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : xml;
  let out = "";
  const re = /<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(clean)) !== null) out += m[1] ?? "";
  return unescapeOoxml(unescapeXml(out));
}

/** Space, tab, newline or a namespace prefix's colon before an attribute name. */
function isBoundary(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 58;
}
