import { resolveConfig } from "../../../src/core/config/merge";
import { hasCode, UserError } from "../../../src/core/errors/user-error";
import { DEFAULT_CONFIG } from "../../../src/core/config/defaults";

/** The problems of a configuration that must be refused (fails the test if it is accepted). */
function problemsOf(override: unknown): string[] {
  try {
    resolveConfig(override, "departement-38.json");
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    if (!hasCode(e, "config.invalid")) throw e;
    return e.params.problems;
  }
  throw new Error(`configuration accepted: ${JSON.stringify(override)}`);
}

describe("resolveConfig", () => {
  it("returns the shipped defaults without an override", () => {
    expect(resolveConfig(undefined)).toEqual(DEFAULT_CONFIG);
    expect(resolveConfig(null)).toEqual(DEFAULT_CONFIG);
    expect(resolveConfig({})).toEqual(DEFAULT_CONFIG);
  });

  it("merges an override key by key, leaving the rest at the defaults", () => {
    const c = resolveConfig({
      age: { youngUnder: 30 },
      annualHoursPerFte: { EI: 1600 },
      targets: { rateDurable: 0.3 },
    });
    expect(c.age).toEqual({ ...DEFAULT_CONFIG.age, youngUnder: 30 });
    expect(c.annualHoursPerFte).toEqual({ ...DEFAULT_CONFIG.annualHoursPerFte, EI: 1600 });
    expect(c.targets).toEqual({ rateDynamic: 0.6, rateDurable: 0.3 });
    expect(c.weeklyHours).toEqual(DEFAULT_CONFIG.weeklyHours);
    expect(c.exitMotifs).toBe(DEFAULT_CONFIG.exitMotifs);
  });

  it("accepts the optional targets that the defaults do not set", () => {
    expect(resolveConfig({ targets: { rateTransition: 0.1, ratePositive: 0.05 } }).targets).toEqual({
      rateDynamic: 0.6,
      rateDurable: 0.25,
      rateTransition: 0.1,
      ratePositive: 0.05,
    });
  });

  it("replaces arrays instead of merging them", () => {
    const motifs = [{ code: "3", label: "CDI", aliases: [], category: "durable", confidence: "high" }];
    const c = resolveConfig({
      education: { belowCap: ["70"] },
      weeklyHours: { minKinds: ["ACI"] },
      exitMotifs: motifs,
    });
    expect(c.education.belowCap).toEqual(["70"]);
    expect(c.education.capBep).toEqual(DEFAULT_CONFIG.education.capBep);
    expect(c.weeklyHours.minKinds).toEqual(["ACI"]);
    expect(c.exitMotifs).toEqual(motifs);
  });

  it("replaces a minimum stay as a whole: months can become hours and the reverse", () => {
    const c = resolveConfig({
      minimumStay: { ACI: { hours: 100 }, AI: { months: 2 }, EI: null, EITI: { months: 1 } },
    });
    expect(c.minimumStay.ACI).toEqual({ hours: 100 });
    expect(c.minimumStay.AI).toEqual({ months: 2 });
    expect(c.minimumStay.EI).toBeNull();
    expect(c.minimumStay.EITI).toEqual({ months: 1 });
    expect(c.minimumStay.ETTI).toEqual({ hours: 150 });
  });

  it("does not modify the shipped defaults", () => {
    const before = JSON.stringify(DEFAULT_CONFIG);
    resolveConfig({ age: { youngUnder: 30 }, education: { belowCap: [] } });
    expect(JSON.stringify(DEFAULT_CONFIG)).toBe(before);
  });

  it("refuses an unknown setting, at the top or nested, naming it", () => {
    expect(problemsOf({ seuilJeunes: 26 })).toEqual(["réglage inconnu « seuilJeunes »"]);
    expect(problemsOf({ age: { youngUndr: 30 } })).toEqual(["réglage inconnu « age.youngUndr »"]);
    expect(problemsOf({ annualHoursPerFte: { GEIQ: 1607 } })).toEqual([
      "réglage inconnu « annualHoursPerFte.GEIQ »",
    ]);
    // Names that exist on every object must not pass for settings.
    expect(problemsOf({ toString: 1 })).toEqual(["réglage inconnu « toString »"]);
    expect(problemsOf({ age: { hasOwnProperty: 1 } })).toEqual(["réglage inconnu « age.hasOwnProperty »"]);
  });

  it("refuses a document that is not an object", () => {
    for (const bad of [[], "texte", 42, true]) {
      expect(problemsOf(bad)).toEqual(["le document doit être un objet JSON { … }"]);
    }
  });

  it.each<[string, unknown, RegExp]>([
    [
      "zero annual hours",
      { annualHoursPerFte: { ACI: 0 } },
      /« annualHoursPerFte\.ACI » doit être un nombre > 0/,
    ],
    [
      "annual hours as text",
      { annualHoursPerFte: { ACI: "1820" } },
      /« annualHoursPerFte\.ACI ».*trouvé : "1820"/,
    ],
    [
      "a negative minimum stay",
      { minimumStay: { ACI: { months: -1 } } },
      /« minimumStay\.ACI\.months » doit être un nombre ≥ 0/,
    ],
    [
      "a stay in weeks",
      { minimumStay: { ACI: { weeks: 12 } } },
      /« minimumStay\.ACI » doit être \{ "months": n \}, \{ "hours": n \} ou null/,
    ],
    [
      "a stay in months and hours",
      { minimumStay: { ACI: { months: 3, hours: 150 } } },
      /« minimumStay\.ACI »/,
    ],
    ["age limits inverted", { age: { min: 70, max: 60 } }, /« age\.min » doit être inférieur à « age\.max »/],
    [
      "an unknown kind",
      { weeklyHours: { minKinds: ["ACI", "GEIQ"] } },
      /« weeklyHours\.minKinds » doit être une liste de types parmi ACI, AI, EI, ETTI, EITI/,
    ],
    [
      "education codes as numbers",
      { education: { belowCap: [70] } },
      /« education\.belowCap » doit être une liste de textes/,
    ],
    [
      "a target above 100 %",
      { targets: { rateDynamic: 1.5 } },
      /« targets\.rateDynamic » doit être un nombre ≥ 0 et ≤ 1/,
    ],
    ["an empty rules version", { rulesVersion: " " }, /« rulesVersion » doit être un texte/],
    ["an empty motif table", { exitMotifs: [] }, /« exitMotifs » doit être une liste non vide/],
    [
      "a motif of unknown category",
      { exitMotifs: [{ code: "3", label: "CDI", aliases: [], category: "good", confidence: "high" }] },
      /« exitMotifs\[0\]\.category » doit valoir durable, transition, positive, other, withdrawn \(trouvé : "good"\)/,
    ],
    [
      "a motif without label",
      { exitMotifs: [{ code: "3", label: "", aliases: [], category: "durable", confidence: "high" }] },
      /« exitMotifs\[0\]\.label » est obligatoire/,
    ],
    [
      "two motifs with one code",
      {
        exitMotifs: [
          { code: "3", label: "A", aliases: [], category: "durable", confidence: "high" },
          { code: "3", label: "B", aliases: [], category: "other", confidence: "high" },
        ],
      },
      /motif de sortie en double : code 3/,
    ],
    ["a section replaced by a number", { contract: 4 }, /« contract » doit être un objet/],
    ["a non-finite share", { unknownExitShareMax: null }, /« unknownExitShareMax » doit être un nombre/],
  ])("refuses %s with a French problem naming the setting", (_name, override, expected) => {
    const problems = problemsOf(override);
    expect(problems.some((p) => expected.test(p))).toBe(true);
  });

  it("lists every problem at once and names the source in its message", () => {
    try {
      resolveConfig({ age: { min: -1 }, maxHoursPerWeek: 0, inconnu: 1 }, "departement-38.json");
      throw new Error("accepted");
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      if (!hasCode(e, "config.invalid")) throw e;
      const err = e;
      expect(err.params.problems).toHaveLength(3);
      expect(err.message).toContain("departement-38.json");
      expect(err.message).toContain("réglage inconnu « inconnu »");
    }
  });

  it("ignores __proto__, constructor and prototype keys without polluting any prototype", () => {
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": 1}, "age": {"__proto__": {"polluted": 2}, "youngUnder": 25}, "constructor": {"prototype": {"polluted": 3}}}',
    );
    const c = resolveConfig(hostile);
    expect(c.age.youngUnder).toBe(25);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((c as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect((c.age as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(c)).toBe(Object.prototype);
  });
});
