import type { ExitMotif } from "../model/config";
import { normalizeText } from "../text/normalize";

/** The key a motif is stored under in rows, records and payloads: its code, else its label. */
export function motifKey(m: ExitMotif): string {
  return m.code ?? m.label;
}

/** Distinct cell texts remembered per index: bounded so a hostile sheet cannot grow it without limit. */
const MATCH_CACHE_LIMIT = 5000;

/** Exit-motif lookups by code, label or alias, with a bounded cache of the texts met. */
export class MotifIndex {
  private readonly byCode = new Map<string, ExitMotif>();
  private readonly byText = new Map<string, ExitMotif>();
  private readonly byKeyMap = new Map<string, ExitMotif>();
  private readonly cache = new Map<string, ExitMotif | null>();

  constructor(motifs: readonly ExitMotif[]) {
    for (const m of motifs) {
      this.byKeyMap.set(motifKey(m), m);
      if (m.code) this.byCode.set(stripZeros(m.code), m);
      for (const t of [m.label, ...m.aliases]) {
        const n = normalizeText(t);
        if (n && !this.byText.has(n)) this.byText.set(n, m);
      }
    }
  }

  /** Finds the motif for a cell value: code ("3", "03", 3), label, alias, or "3 - label". Null if unknown. */
  match(raw: unknown): ExitMotif | null {
    if (typeof raw === "number" && Number.isInteger(raw) && raw >= 0)
      return this.byCode.get(String(raw)) ?? null;
    if (typeof raw !== "string") return null;
    let v = this.cache.get(raw);
    if (v === undefined) {
      v = this.lookup(raw);
      if (this.cache.size < MATCH_CACHE_LIMIT) this.cache.set(raw, v);
    }
    return v;
  }

  /** The motif stored under a key (see motifKey). */
  byKey(key: string): ExitMotif | undefined {
    return this.byKeyMap.get(key);
  }

  private lookup(s: string): ExitMotif | null {
    const trimmed = s.trim();
    if (trimmed === "") return null;
    if (/^\d{1,3}$/.test(trimmed)) return this.byCode.get(stripZeros(trimmed)) ?? null;
    const n = normalizeText(trimmed);
    const direct = this.byText.get(n);
    if (direct) return direct;
    // "3 - Embauche en CDI non aidé", "(3) CDI", "Code 3 : …"
    const lead = /^(?:code\s+)?(\d{1,3})\b\s*(.*)$/.exec(n);
    if (lead) {
      const m = this.byCode.get(stripZeros(lead[1]));
      if (m) return m;
    }
    return null;
  }
}

export function createMotifIndex(motifs: readonly ExitMotif[]): MotifIndex {
  return new MotifIndex(motifs);
}

const INDEXES = new WeakMap<readonly ExitMotif[], MotifIndex>();

/**
 * The index of a motif table, built once per table object (a configuration's `exitMotifs`, treated as
 * immutable once loaded).
 */
export function motifIndexFor(motifs: readonly ExitMotif[]): MotifIndex {
  let index = INDEXES.get(motifs);
  if (index === undefined) {
    index = new MotifIndex(motifs);
    INDEXES.set(motifs, index);
  }
  return index;
}

function stripZeros(code: string): string {
  return code.replace(/^0+(?=\d)/, "");
}
