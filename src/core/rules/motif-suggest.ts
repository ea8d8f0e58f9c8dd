import type { ExitMotif } from "../model/config";
import { normalizeText } from "../text/normalize";

/**
 * Motifs whose label or alias is closest to an unrecognised reason, best first (for messages only:
 * called under the findings cap, so plain loops are fine). Scores words in common, and edit distance
 * for typos ("chomage" vs "chômage" is already equal after normalisation; "chomge" is a typo).
 */
export function suggestMotifs(raw: string, motifs: readonly ExitMotif[], limit = 3): ExitMotif[] {
  const text = normalizeText(raw);
  if (text === "") return [];
  const words = new Set(text.split(" "));
  const scored: { motif: ExitMotif; score: number }[] = [];
  for (const motif of motifs) {
    let best = 0;
    for (const candidate of [motif.label, ...motif.aliases]) {
      const c = normalizeText(candidate);
      if (c === "") continue;
      const cWords = c.split(" ");
      let common = 0;
      for (const w of cWords) if (words.has(w) || [...words].some((x) => x.length > 3 && closeWord(x, w))) common++;
      const dice = (2 * common) / (cWords.length + words.size);
      const edit = 1 - levenshtein(text, c) / Math.max(text.length, c.length);
      best = Math.max(best, dice, edit);
    }
    if (best >= 0.34) scored.push({ motif, score: best });
  }
  scored.sort((a, b) => b.score - a.score);
  return scored.slice(0, limit).map((s) => s.motif);
}

function closeWord(a: string, b: string): boolean {
  return Math.abs(a.length - b.length) <= 1 && levenshtein(a, b) <= 1;
}

/** Edit distance (insertions, deletions, substitutions), two rows of memory. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}
