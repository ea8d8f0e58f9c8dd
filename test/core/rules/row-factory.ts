import { newRow } from "../../../src/core/read/empty-row";
/** Fixtures for the rule tests: invented people, a hand-built TableInfo, a run helper. */
import type { TableInfo } from "../../../src/core/model/analysis";
import type { RulesConfig, RulesConfigOverride } from "../../../src/core/model/config";
import type { MappedField, PersonField } from "../../../src/core/model/fields";
import type { Finding, FindingCode, ValidationReport } from "../../../src/core/model/findings";
import type { PersonRow } from "../../../src/core/model/person";
import type { StructureInfo, StructureLocations } from "../../../src/core/model/structure";
import { DEFAULT_CONFIG } from "../../../src/core/config/defaults";
import { resolveConfig } from "../../../src/core/config/merge";
import { createMotifIndex } from "../../../src/core/config/motifs";
import { FindingCollector } from "../../../src/core/findings/collector";
import { dayFromIso } from "../../../src/core/dates/day-number";
import { runRules } from "../../../src/core/rules/run-rules";

/** "2025-03-15" → day number (throws on a typo in a test). */
export function d(iso: string): number {
  const day = dayFromIso(iso);
  if (day === null) throw new Error(`bad test date ${iso}`);
  return day;
}

export function row(overrides: Partial<PersonRow> = {}): PersonRow {
  return { ...newRow("Salariés", 2), ...overrides };
}

/** Rows numbered as Excel would show them under a header on row 1: 2, 3, 4… */
export function rows(...partials: Partial<PersonRow>[]): PersonRow[] {
  return partials.map((p, i) => row({ excelRow: i + 2, ...p }));
}

/**
 * A table on sheet "Salariés", header on row 1, data from column A: the n-th field listed is in
 * column n (A, B, C…), so expected cells can be read off the list.
 */
export function table(fields: MappedField[], firstColumn = 1): TableInfo {
  const present = new Set<PersonField>();
  for (const f of fields) if (f !== "convention") present.add(f === "hoursMonth" ? "hoursWorked" : f);
  return {
    sheet: "Salariés",
    headerRow: 1,
    headerIndex: 0,
    firstColumn,
    columns: fields.map((field, index) => ({
      field,
      index,
      header: field,
      ...(field === "hoursMonth" ? { month: index } : {}),
    })),
    unknownHeaders: [],
    fieldsPresent: [...present],
  };
}

export function structure(overrides: Partial<StructureInfo> = {}): StructureInfo {
  return {
    // 12345678200010: Luhn sum 40 (see structure-rules.test.ts).
    siret: "12345678200010",
    name: "Atelier Exemple",
    kind: "ACI",
    afNumber: null,
    department: "38",
    periodStart: "2025-01-01",
    periodEnd: "2025-12-31",
    fteConventioned: null,
    annualHoursPerFte: null,
    cdCofinancedAmount: null,
    ...overrides,
  };
}

export interface RunInput {
  rows?: PersonRow[];
  fields?: MappedField[] | null;
  structure?: Partial<StructureInfo>;
  locations?: StructureLocations;
  config?: RulesConfigOverride;
}

export function run(input: RunInput = {}): ValidationReport {
  const config: RulesConfig = input.config ? resolveConfig(input.config) : DEFAULT_CONFIG;
  const findings = new FindingCollector(config.findingsCapPerRule);
  runRules({
    structure: structure(input.structure),
    structureLocations: input.locations ?? {},
    tables: input.fields === null ? [] : [table(input.fields ?? [])],
    rows: input.rows ?? [],
    config,
    motifs: createMotifIndex(config.exitMotifs),
    findings,
  });
  return findings.report();
}

export function issues(report: ValidationReport, code: FindingCode): Finding[] {
  return report.issues.filter((f) => f.code === code);
}

/** True count of a code (all severities, or one). */
export function count(report: ValidationReport, code: FindingCode, severity?: Finding["severity"]): number {
  return report.rules
    .filter((r) => r.code === code && (!severity || r.severity === severity))
    .reduce((n, r) => n + r.count, 0);
}
