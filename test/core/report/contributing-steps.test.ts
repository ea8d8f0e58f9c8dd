import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { INDICATOR_KEYS } from "../../../src/core/model/indicators";
import { INDICATOR_SECTIONS } from "../../../src/core/report/indicators-sheet";
import { FINDING_CODES } from "../../../src/core/model/findings";
import { expectedIndicators } from "../../examples/expected-indicators";
import { USER_ERRORS_FR } from "../../../src/core/errors/french";

/**
 * The steps of CONTRIBUTING.md that the compiler cannot enforce (a Record over the keys does the others):
 * a new indicator is shown in one section of the sheet and the pane, and stated by the test oracle; a new
 * rule code is listed in the document of the rules; every file the steps name exists.
 */
const ROOT = join(__dirname, "..", "..", "..");

it("every indicator key is shown exactly once, in one section", () => {
  const shown = INDICATOR_SECTIONS.flatMap((s) => s.keys);
  expect([...shown].sort()).toEqual([...INDICATOR_KEYS].sort());
});

it("the test oracle states every indicator key", () => {
  const t = {
    file: "x",
    kind: "ACI" as const,
    siret: "1",
    name: "x",
    department: "05",
    periodStart: "2025-01-01",
    periodEnd: "2025-12-31",
    fteConventioned: null,
    columns: [],
    persons: [],
    findings: [],
  };
  expect(Object.keys(expectedIndicators(t)).sort()).toEqual([...INDICATOR_KEYS].sort());
});

it("the document of the rules lists every finding code", () => {
  const doc = readFileSync(join(ROOT, "docs", "regles-et-indicateurs.md"), "utf8");
  for (const code of FINDING_CODES) expect(doc).toContain(`\`${code}\``);
});

it("every file CONTRIBUTING.md names exists", () => {
  const text = readFileSync(join(ROOT, "CONTRIBUTING.md"), "utf8");
  const paths = [...text.matchAll(/`((?:src|test|docs|scripts|examples)\/[^`*\s]+)`/g)].map((m) => m[1]);
  expect(paths.length).toBeGreaterThan(15);
  const missing = paths.filter((p) => !existsSync(join(ROOT, p)));
  expect(missing).toEqual([]);
});

it("every user-facing error code is area.name, and the error steps name the catalogs that exist", () => {
  const codes = Object.keys(USER_ERRORS_FR);
  expect(codes.filter((c) => !/^[a-z]+\.[A-Za-z][A-Za-z-]*$/.test(c))).toEqual([]);
  const text = readFileSync(join(ROOT, "CONTRIBUTING.md"), "utf8");
  const steps = text.slice(text.indexOf("## Add a user-facing error"));
  for (const [name, file] of [
    ["UserErrorParams", "src/core/errors/codes.ts"],
    ["USER_ERRORS_FR", "src/core/errors/french.ts"],
    ["USER_ERRORS_EN", "src/taskpane/i18n/errors-en.ts"],
    ["SAMPLES", "test/support/user-error-samples.ts"],
  ]) {
    expect(steps).toContain(`\`${file}\``);
    expect(readFileSync(join(ROOT, file), "utf8")).toMatch(new RegExp(`export (const|type) ${name}\\b`));
  }
});
