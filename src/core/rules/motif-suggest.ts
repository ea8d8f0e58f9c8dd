import type { ExitMotif } from "../model/config";
import { normalizeText } from "../text/normalize";

interface Candidate {
  motif: ExitMotif;
  text: string;
  words: string[];
}

/** Below these similarities a motif is not worth suggesting (edit distance is noisy on short texts). */
const MIN_WORDS = 0.34;
const MIN_EDIT = 0.6;

/**
 * Suggests the motifs whose label or alias is closest to an unrecognised reason, best first. Scores are
 * words in common (a one-letter typo still counts as the same word) and edit distance over the whole text.
 * Labels are normalised once and answers cached per text: a file may repeat the same wrong reason
 * a thousand times, and messages are built for up to the findings cap.
 */
export function createMotifSuggester(motifs: readonly ExitMotif[], limit = 3): (raw: string) => ExitMotif[] {
  const candidates: Candidate[] = [];
  for (const motif of motifs) {
    for (const t of [motif.label, ...motif.aliases]) {
      const text = normalizeText(t);
      if (text !== "") candidates.push({ motif, text, words: text.split(" ") });
    }
  }
  const cache = new Map<string, ExitMotif[]>();

  return (raw) => {
    const text = normalizeText(raw);
    if (text === "") return [];
    const cached = cache.get(text);
    if (cached) return cached;
    const words = text.split(" ");
    const best = new Map<ExitMotif, number>();
    for (const c of candidates) {
      let common = 0;
      for (const w of c.words) if (words.some((x) => x === w || (x.length > 3 && closeWord(x, w)))) common++;
      const dice = (2 * common) / (c.words.length + words.length);
      let score = dice >= MIN_WORDS ? dice : 0;
      // Edit similarity is at most 1 − |length difference| / longest length: skip hopeless pairs.
      const longest = Math.max(text.length, c.text.length);
      const bound = 1 - Math.abs(text.length - c.text.length) / longest;
      if (bound > score && bound >= MIN_EDIT) {
        const edit = 1 - levenshtein(text, c.text) / longest;
        if (edit >= MIN_EDIT) score = Math.max(score, edit);
      }
      if (score > 0 && score > (best.get(c.motif) ?? 0)) best.set(c.motif, score);
    }
    const result = [...best]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([m]) => m);
    if (cache.size < 1000) cache.set(text, result);
    return result;
  };
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
