import { readWorkbook } from "../../../src/core/read/read-workbook";
import { DEFAULT_CONFIG } from "../../../src/core/config/defaults";
import { createMotifIndex } from "../../../src/core/config/motifs";
import { FindingCollector } from "../../../src/core/findings/collector";
import type { WorkbookData } from "../../../src/core/model/cells";
import type { MappingOverride } from "../../../src/core/model/fields";
import type { FindingCode } from "../../../src/core/model/findings";

/** Runs the reader alone and returns its result with the findings report. */
export function read(workbook: WorkbookData, mapping?: MappingOverride) {
  const findings = new FindingCollector(1000);
  const result = readWorkbook(workbook, {
    config: DEFAULT_CONFIG,
    motifs: createMotifIndex(DEFAULT_CONFIG.exitMotifs),
    mapping,
    findings,
  });
  // The reader keeps each row's findings until the rows are split into reports: report them all here.
  for (const sheet of result.sheets) {
    for (const d of sheet.drafts) findings.add(d.code, d.severity, d.detail);
    for (const r of sheet.rows) for (const d of r.drafts) findings.add(d.code, d.severity, d.detail);
  }
  const rows = result.sheets.flatMap((s) => s.rows.map((r) => r.row));
  const report = findings.report();
  const of = (code: FindingCode) => report.issues.filter((f) => f.code === code);
  return {
    structure: result.structure.structure,
    structureLocations: result.structure.locations,
    table: result.tables[0] ?? null,
    tables: result.tables,
    rows,
    date1904: result.date1904,
    report,
    of,
  };
}

/** Day number computed with Date.UTC, independently of the reader. */
export const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86400000;

/** A structure sheet with every required field. */
export const STRUCTURE_SHEET = {
  name: "Structure",
  rows: [
    ["SIRET", "12345678900012"],
    ["Raison sociale", "Les Jardins du Test"],
    ["Type de structure", "ACI"],
    ["Département", "38"],
    ["Début de période", "01/01/2025"],
    ["Fin de période", "31/12/2025"],
  ],
};

export const CANONICAL_HEADER = [
  "N° PASS IAE",
  "Nom",
  "Prénom",
  "Sexe",
  "Date de naissance",
  "Résident QPV",
  "Bénéficiaire du RSA",
  "Date d'embauche",
  "Heures travaillées",
];
