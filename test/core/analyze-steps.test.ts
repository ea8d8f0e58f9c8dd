import fc from "fast-check";
import { analyzeWorkbook } from "../../src/core/analyze";
import { DEFAULT_CONFIG } from "../../src/core/config/defaults";
import { motifIndexFor } from "../../src/core/config/motifs";
import { FindingCollector } from "../../src/core/findings/collector";
import { computeIndicators } from "../../src/core/indicators/compute";
import { toRecords } from "../../src/core/indicators/records";
import type { WorkbookData } from "../../src/core/model/cells";
import type { RulesConfig } from "../../src/core/model/config";
import { readWorkbook } from "../../src/core/read/read-workbook";
import { runRules } from "../../src/core/rules/run-rules";

/**
 * analyzeWorkbook reads, checks and counts in one pass and builds its rows on demand. It must give exactly
 * what the three steps give one after the other: same findings in the same order, same indicators, rows.
 */
function threeSteps(workbook: WorkbookData, config: RulesConfig) {
  const motifs = motifIndexFor(config.exitMotifs);
  const findings = new FindingCollector(config.findingsCapPerRule);
  const read = readWorkbook(workbook, { config, motifs, findings });
  runRules({ ...read, config, motifs, findings });
  const indicators = computeIndicators(read.rows, { structure: read.structure, fieldsPresent: read.table?.fieldsPresent ?? [], config, motifs });
  return { report: findings.report(), indicators, rows: read.rows, records: toRecords(read.rows) };
}

function expectSame(workbook: WorkbookData, config: RulesConfig = DEFAULT_CONFIG): void {
  const expected = threeSteps(workbook, config);
  const a = analyzeWorkbook(workbook, { config });
  expect(a.report).toEqual(expected.report);
  expect(a.indicators).toEqual(expected.indicators);
  expect(a.rows).toEqual(expected.rows);
  expect(a.records).toEqual(expected.records);
}

const HEADER = [
  "N° PASS IAE", "Nom", "Prénom", "Sexe", "Date de naissance", "Année de naissance", "Code postal", "Commune", "Résident QPV", "Code QPV",
  "Résident ZRR", "Bénéficiaire du RSA", "Allocataire ASS", "Allocataire AAH", "RQTH", "Inscription France Travail", "Niveau de formation",
  "Prescripteur", "Date d'embauche", "Date de fin de contrat", "Durée hebdomadaire", "Heures travaillées", "Heures depuis l'embauche",
  "Date de sortie", "Motif de sortie", "Dérogation",
];

/** Values of every column, valid and not, repeated enough for duplicates, merges and ties to happen. */
const cell = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<unknown>("123456789012", "123456789013", "12345678901A", "EN COURS", 123456789012, "1234 5678 9012") },
  { weight: 4, arbitrary: fc.constantFrom<unknown>("Martin", "MARTIN", "Léa", "Lea", "Hugo", " Dupont ", "É", "") },
  { weight: 4, arbitrary: fc.constantFrom<unknown>("F", "H", "Mme", "x", "Oui", "Non", "-", "Oui - majoré", "03", "04", 3, "50", "Pôle emploi") },
  { weight: 4, arbitrary: fc.constantFrom<unknown>("01/01/2025", "15/03/2024", "31/12/2025", "2026-02-01", 45000, 30000, "1985", 1985, "15 mars 2025") },
  { weight: 3, arbitrary: fc.constantFrom<unknown>(0, 0.5, 12, 26, 35, 48, 400.25, 1607, 5000, -3, "1 234,5", "26 h") },
  { weight: 2, arbitrary: fc.constantFrom<unknown>("3 - Embauche en CDI non aidé", "7", "Au chômage", "Sans nouvelle", "inconnu", "QP038001", "QN03801M", "QPX") },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, undefined, "", " ", "#N/A", { error: "#REF!" }, true, false, NaN, {}) },
  { weight: 1, arbitrary: fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2027, 0, 1)) }) },
);

const structureRows = fc.constantFrom<unknown[][]>(
  [["SIRET", "12345678900012"], ["Type de structure", "ACI"], ["Début de période", "01/01/2025"], ["Fin de période", "31/12/2025"]],
  [["SIRET", "123"], ["Type de structure", "AI"], ["Début de période", "31/12/2025"], ["Fin de période", "01/01/2025"]],
  [["SIRET", "12345678900012"], ["Type de structure", "EI"], ["N° d'annexe financière", "XX"], ["Début de période", "01/01/2025"], ["Fin de période", "31/12/2025"]],
  [["Type de structure", "ETTI"]],
);

const workbookArb: fc.Arbitrary<WorkbookData> = fc
  .record({
    structure: structureRows,
    columns: fc.subarray(HEADER.map((_, i) => i), { minLength: 1 }),
    rows: fc.array(fc.array(cell, { minLength: HEADER.length, maxLength: HEADER.length }), { maxLength: 40 }),
    blankRun: fc.integer({ min: 0, max: 25 }),
    tail: fc.array(fc.array(cell, { minLength: HEADER.length, maxLength: HEADER.length }), { maxLength: 3 }),
  })
  .map(({ structure, columns, rows, blankRun, tail }) => {
    const pick = (r: unknown[]) => columns.map((i) => r[i]);
    const people = [pick(HEADER), ...rows.map(pick), ...Array.from({ length: blankRun }, () => []), ...tail.map(pick)];
    return { name: "t.xlsx", sheets: [{ name: "Structure", rows: structure }, { name: "Salariés", rows: people }] };
  });

describe("analyzeWorkbook gives what readWorkbook, runRules and computeIndicators give", () => {
  it("on random people tables (duplicates, merges, errors, blank runs, every column subset)", () => {
    fc.assert(
      fc.property(workbookArb, (wb) => expectSame(wb)),
      { numRuns: 400 },
    );
  });

  it("with a small findings cap (which findings are listed depends on their order)", () => {
    const config = { ...DEFAULT_CONFIG, findingsCapPerRule: 2 };
    fc.assert(
      fc.property(workbookArb, (wb) => expectSame(wb, config)),
      { numRuns: 200 },
    );
  });

  it("when a structure finding and row findings fall on the same row, column and severity", () => {
    // An invalid SIRET at Structure!B3, and at Salariés!B3 (Nom) both a duplicate person and, on row 2, an unreadable cell.
    const wb: WorkbookData = {
      sheets: [
        { name: "Structure", rows: [["Type de structure", "ACI"], ["Début de période", "01/01/2025"], ["SIRET", "123"], ["Fin de période", "31/12/2025"]] },
        {
          name: "Salariés",
          rows: [
            ["N° PASS IAE", "Nom", "Prénom", "Date de naissance"],
            ["123456789012", "Martin", "Léa", "01/02/1990"],
            ["123456789013", "Martin", "Léa", "01/02/1990"],
          ],
        },
      ],
    };
    const codes = analyzeWorkbook(wb).report.issues.filter((f) => f.row === 3 && f.column === 2).map((f) => f.code);
    expect(codes).toEqual(["siret-format", "duplicate-person"]);
    expectSame(wb);
  });

  it("without a people table, and on an empty workbook", () => {
    expectSame({ sheets: [{ name: "Structure", rows: [["SIRET", "12345678900012"]] }] });
    expectSame({ sheets: [] });
  });
});
