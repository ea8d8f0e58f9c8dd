import type { ExitMotif } from "../model/config";
import { normalizeText } from "../text/normalize";

/** The key a motif is stored under in rows, records and payloads: its code, else its label. */
export function motifKey(m: ExitMotif): string {
  return m.code ?? m.label;
}

export interface MotifIndex {
  /** Finds the motif for a cell value: code ("3", "03", 3), label, alias, or "3 - label". Null if unknown. */
  match(raw: unknown): ExitMotif | null;
  /** The motif stored under a key (see motifKey). */
  byKey(key: string): ExitMotif | undefined;
}

export function createMotifIndex(motifs: readonly ExitMotif[]): MotifIndex {
  const byCode = new Map<string, ExitMotif>();
  const byText = new Map<string, ExitMotif>();
  const byKeyMap = new Map<string, ExitMotif>();
  for (const m of motifs) {
    byKeyMap.set(motifKey(m), m);
    if (m.code) byCode.set(stripZeros(m.code), m);
    for (const t of [m.label, ...m.aliases]) {
      const n = normalizeText(t);
      if (n && !byText.has(n)) byText.set(n, m);
    }
  }
  const cache = new Map<string, ExitMotif | null>();
  const lookup = (s: string): ExitMotif | null => {
    const trimmed = s.trim();
    if (trimmed === "") return null;
    if (/^\d{1,3}$/.test(trimmed)) return byCode.get(stripZeros(trimmed)) ?? null;
    const n = normalizeText(trimmed);
    const direct = byText.get(n);
    if (direct) return direct;
    // "3 - Embauche en CDI non aidé", "(3) CDI", "Code 3 : …"
    const lead = /^(?:code\s+)?(\d{1,3})\b\s*(.*)$/.exec(n);
    if (lead) {
      const m = byCode.get(stripZeros(lead[1]));
      if (m) return m;
    }
    return null;
  };
  return {
    match(raw) {
      if (typeof raw === "number" && Number.isInteger(raw) && raw >= 0) return byCode.get(String(raw)) ?? null;
      if (typeof raw !== "string") return null;
      let v = cache.get(raw);
      if (v === undefined) {
        v = lookup(raw);
        if (cache.size < 5000) cache.set(raw, v);
      }
      return v;
    },
    byKey: (key) => byKeyMap.get(key),
  };
}

function stripZeros(code: string): string {
  const s = code.replace(/^0+(?=\d)/, "");
  return s;
}
