export type Severity = "error" | "warning" | "info";

/** Stable rule codes (domain §3). Never rename one: users and departments filter on them. */
export const FINDING_CODES = [
  "header-not-found",
  "column-missing",
  "column-duplicate",
  "column-sensitive",
  "structure-field-missing",
  "siret-format",
  "structure-kind-unknown",
  "af-number-format",
  "period-invalid",
  "value-required",
  "value-invalid",
  "cell-error",
  "pass-format",
  "duplicate-person",
  "age-range",
  "hire-after-period",
  "exit-before-hire",
  "exit-reason-missing",
  "exit-reason-unknown",
  "exit-outside-period",
  "hours-negative",
  "hours-implausible",
  "no-hours",
  "weekly-hours-low",
  "weekly-hours-max",
  "contract-too-short",
  "path-too-long",
  "qpv-code-format",
  "exit-too-short",
  "exit-withdrawn",
  "unknown-share-high",
  "row-not-person",
  "sheet-ignored",
  "sheets-combined",
  "structure-kind-ambiguous",
  "formula-no-value",
  "hours-from-months",
  "checkbox-column",
  "structure-value-shared",
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** One finding, shaped like a Frictionless/csvlint error: stable code, severity, position, value, message. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Sheet name, or null for a finding about the whole workbook. */
  sheet: string | null;
  /** A1 address, e.g. "D12"; null when the finding has no cell (a missing column, the whole table). */
  cell: string | null;
  /** 1-based Excel row and column, null when not applicable. */
  row: number | null;
  column: number | null;
  /** Field key (person or structure field), or null. */
  field: string | null;
  /** The value found, as text (never a personal value for name/birth-date fields beyond the cell itself). */
  value: string | null;
  /** French message that tells the user what to do. */
  message: string;
}

export interface RuleCount {
  code: FindingCode;
  severity: Severity;
  /** True number of findings of this code and severity. */
  count: number;
  /** How many of them are listed in `issues` (capped). */
  listed: number;
}

export interface ValidationReport {
  /** No error-severity finding. */
  valid: boolean;
  counts: Record<Severity, number>;
  /** Per code and severity, true counts (a rule may emit both error and warning findings). */
  rules: RuleCount[];
  /** Findings, capped per rule, in sheet order. */
  issues: Finding[];
}
