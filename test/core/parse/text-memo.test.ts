import { TextMemo } from "../../../src/core/parse/text-memo";

describe("TextMemo", () => {
  it("gives what the reader gives, reading each distinct text once", () => {
    const seen: string[] = [];
    const memo = new TextMemo((s: string) => {
      seen.push(s);
      return s === "oui" ? true : s === "non" ? false : null;
    });
    const texts = ["oui", "oui", "non", "oui", "x", "non", "non", "x"];
    expect(texts.map((t) => memo.get(t))).toEqual([true, true, false, true, null, false, false, null]);
    expect(seen).toEqual(["oui", "non", "x"]);
  });

  it("stays correct past its bound (texts beyond it are read again, not forgotten wrongly)", () => {
    let reads = 0;
    const memo = new TextMemo((s: string) => {
      reads++;
      return s.length;
    });
    for (let i = 0; i < 3000; i++) expect(memo.get(`t${i}`)).toBe(`t${i}`.length);
    const before = reads;
    // The first texts are remembered; the last ones (over the bound) are read again.
    expect(memo.get("t0")).toBe(2);
    expect(reads).toBe(before);
    expect(memo.get("t2999")).toBe(5);
    expect(memo.get("t2998")).toBe(5);
    expect(reads).toBe(before + 2);
  });
});
