/** Distinct texts remembered per memo: bounded so a hostile sheet cannot grow it without limit. */
const MEMO_LIMIT = 2000;

/**
 * Memoised reading of a coded cell text. Coded columns repeat a handful of values, often the same one
 * row after row: the last text is compared first (one string comparison), then a Map is looked up.
 */
export class TextMemo<T> {
  private lastText: string | null = null;
  private lastValue: T | undefined = undefined;
  private readonly known = new Map<string, T>();

  constructor(private readonly read: (s: string) => T) {}

  get(s: string): T {
    if (s === this.lastText) return this.lastValue as T;
    let v = this.known.get(s);
    if (v === undefined) {
      v = this.read(s);
      if (this.known.size < MEMO_LIMIT) this.known.set(s, v);
    }
    this.lastText = s;
    this.lastValue = v;
    return v;
  }
}
