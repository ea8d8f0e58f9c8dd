import { normalizeLabel } from "./normalize-code";
import { INVALID, isEmptyCell, MAX_CELL_TEXT, type Parsed } from "./outcome";
import { TextMemo } from "./text-memo";

export interface CodeEntry<C extends string> {
  code: C;
  label: string;
  aliases: readonly string[];
}

export interface CodeParserOptions {
  /** Accept a label contained as whole words in a longer text ("Pôle emploi Grenoble" → 03). */
  containment?: boolean;
}

/**
 * Builds a parser for a coded field: accepts the code (with or without leading zero, as text or
 * number), the label or an alias (normalised), and "code - label" forms ("50 - Niveau CAP").
 * Results are memoised per raw text: coded columns repeat a handful of values.
 */
export function createCodeParser<C extends string>(
  entries: readonly CodeEntry<C>[],
  options: CodeParserOptions = {},
): (v: unknown) => Parsed<C> {
  const byNumber = new Map<number, C>();
  const byText = new Map<string, C>();
  for (const e of entries) {
    byNumber.set(Number(e.code), e.code);
    for (const t of [e.label, ...e.aliases]) {
      const n = normalizeLabel(t);
      if (n && !byText.has(n)) byText.set(n, e.code);
    }
  }
  // Longest first, so that containment prefers the most specific label.
  const texts = [...byText.keys()].sort((a, b) => b.length - a.length);

  const fromText = (s: string): Parsed<C> => {
    if (isEmptyCell(s)) return null;
    if (s.length > MAX_CELL_TEXT) return INVALID;
    const n = normalizeLabel(s);
    if (n === "") return INVALID;
    if (isDigits(n)) return byNumber.get(Number(n)) ?? INVALID;
    const direct = byText.get(n);
    if (direct !== undefined) return direct;
    // "50 - Formation de niveau CAP ou BEP", "03 Pôle emploi": a leading code decides.
    const sp = n.indexOf(" ");
    if (sp > 0 && isDigits(n.slice(0, sp))) {
      const c = byNumber.get(Number(n.slice(0, sp)));
      if (c !== undefined) return c;
    }
    if (options.containment) {
      const padded = ` ${n} `;
      for (const t of texts) if (padded.includes(` ${t} `)) return byText.get(t) as C;
    }
    return INVALID;
  };

  const memo = new TextMemo(fromText);
  return (v: unknown): Parsed<C> => {
    if (typeof v === "string") {
      return memo.get(v);
    }
    if (typeof v === "number") return Number.isInteger(v) ? (byNumber.get(v) ?? INVALID) : INVALID;
    if (v === null || v === undefined) return null;
    return INVALID;
  };
}

function isDigits(s: string): boolean {
  if (s.length === 0 || s.length > 4) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
