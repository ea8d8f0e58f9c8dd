import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_CONFIG } from "../../../src/core/config/defaults";
import { FINDING_CODES } from "../../../src/core/model/findings";
import { INDICATOR_KEYS } from "../../../src/core/model/indicators";
import { rulesDocument } from "../../../src/core/report/rules-doc";

const FILE = join(__dirname, "..", "..", "..", "docs", "regles-et-indicateurs.md");

describe("docs/regles-et-indicateurs.md", () => {
  it("is what the engine says today (npm run docs:rules rewrites it)", () => {
    expect(readFileSync(FILE, "utf8")).toBe(rulesDocument(DEFAULT_CONFIG));
  });

  it("names every finding code and every indicator key, and the shipped defaults", () => {
    const doc = rulesDocument(DEFAULT_CONFIG);
    for (const code of FINDING_CODES) expect(doc).toContain(`| \`${code}\` |`);
    for (const key of INDICATOR_KEYS) expect(doc).toContain(`| \`${key}\` |`);
    expect(doc).toContain("| heures annuelles pour 1 ETP | 1820 h | 1607 h | 1505 h | 1607 h | 1607 h |");
    // A department's settings change the figures the document gives.
    expect(
      rulesDocument({
        ...DEFAULT_CONFIG,
        annualHoursPerFte: { ...DEFAULT_CONFIG.annualHoursPerFte, ACI: 1700 },
      }),
    ).toContain("| 1700 h |");
  });
});
