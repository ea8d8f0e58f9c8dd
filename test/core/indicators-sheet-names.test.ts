import { indicatorsSheetNames, isIndicatorsSheetName, type Analysis, type Kind } from "../../src/core";

const report = (kind: Kind | null, siret = "12345678901234") =>
  ({ structure: { kind, siret } }) as unknown as Analysis;

describe("Indicateurs sheet names", () => {
  it("one report: « Indicateurs »; several: one per kind, the SIRET when a kind repeats, the rank without a kind; all within 31 characters", () => {
    expect(indicatorsSheetNames([report("ACI")])).toEqual(["Indicateurs"]);
    expect(indicatorsSheetNames([report("ACI"), report("EI")])).toEqual([
      "Indicateurs ACI",
      "Indicateurs EI",
    ]);
    const names = indicatorsSheetNames([
      report("ETTI", "11111111111111"),
      report("ETTI", "22222222222222"),
      report(null),
    ]);
    expect(names).toEqual([
      "Indicateurs ETTI 11111111111111",
      "Indicateurs ETTI 22222222222222",
      "Indicateurs 3",
    ]);
    expect(Math.max(...names.map((n) => n.length))).toBeLessThanOrEqual(31);
  });

  it("knows its own sheets and leaves the user's alone", () => {
    for (const n of [
      "Indicateurs",
      "Indicateurs ACI",
      "Indicateurs EITI",
      "Indicateurs ETTI 11111111111111",
      "Indicateurs 3",
    ])
      expect(isIndicatorsSheetName(n)).toBe(true);
    for (const n of [
      "Indicateurs 2024",
      "Indicateurs perso",
      "indicateurs",
      "Mes Indicateurs",
      "Indicateurs ACI (copie)",
    ])
      expect(isIndicatorsSheetName(n)).toBe(false);
  });
});
