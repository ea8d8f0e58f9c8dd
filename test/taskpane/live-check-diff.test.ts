import { DEFAULT_CONFIG } from "../../src/core";
import { diffFindings } from "../../src/taskpane/live-check/diff";
import { analyzeOne } from "../support/analyze-one";
import { dracWorkbook } from "../support/drac-workbook";

/**
 * What « Revérifié — 2 erreurs corrigées, 1 nouvelle erreur » counts, on the engine's own reports: finding by
 * finding, and from the true counts where a rule lists only the first findings (the cap per rule).
 */
const person = (i: number, sex: string) => [
  String(999_992_600_000 + i),
  `Nom ${i}`,
  "Prénom",
  sex,
  "14/07/1988",
  "38100",
  "Non",
  "Oui",
  "03/02/2025",
  900,
  "",
  "",
];
const check = (sexes: readonly string[], cap = DEFAULT_CONFIG.findingsCapPerRule) =>
  [
    analyzeOne(dracWorkbook(sexes.map((s, i) => person(i, s))), {
      config: { ...DEFAULT_CONFIG, findingsCapPerRule: cap },
    }),
  ] as const;

describe("the live re-check's count of what changed", () => {
  it("one error fixed, one made elsewhere: 1 fixed, 1 new, and the rows of both", () => {
    const diff = diffFindings(check(["Z", "F", "H"]), check(["F", "Z", "H"]));
    expect(diff.fixed).toEqual({ error: 1, warning: 0 });
    expect(diff.added).toEqual({ error: 1, warning: 0 });
    expect(diff.errors).toBe(1);
    expect([...(diff.rows.get("Salariés") ?? [])].sort()).toEqual([2, 3]);
  });

  it("past the cap, fixing a listed error is 1 fixed and 0 new (the next one enters the list, it is not new)", () => {
    const before = check(["Z", "Z", "Z", "Z", "Z"], 3);
    const after = check(["F", "Z", "Z", "Z", "Z"], 3);
    expect(before[0].report.issues.filter((f) => f.code === "value-invalid")).toHaveLength(3);
    const diff = diffFindings(before, after);
    expect(diff.fixed).toEqual({ error: 1, warning: 0 });
    expect(diff.added).toEqual({ error: 0, warning: 0 });
    expect(diff.errors).toBe(4);
  });

  it("past the cap, an unlisted error fixed still counts as fixed", () => {
    const diff = diffFindings(check(["Z", "Z", "Z", "Z", "Z"], 3), check(["Z", "Z", "Z", "Z", "F"], 3));
    expect(diff.fixed).toEqual({ error: 1, warning: 0 });
    expect(diff.added).toEqual({ error: 0, warning: 0 });
  });
});
