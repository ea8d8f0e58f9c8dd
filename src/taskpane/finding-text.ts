/**
 * How the pane words a finding. French: the core's own message. English: a sentence of the pane's
 * own, built from the finding's code, field, value and position (and its `params` when the core gives
 * them), so an English Office gets English findings while the CLI and the payload keep French.
 */
import { FIELD_LABELS, FINDING_LABELS, type Finding, type MappedField } from "../core";
import { frenchTypography, type MessageLanguage } from "./i18n/format";

interface Facts {
  /** The column's header as the workbook names it (field labels are the template's French headers). */
  field: string | null;
  value: string | null;
  params: Readonly<Record<string, unknown>>;
}

type Wording = (f: Facts) => string;

const q = (v: string | null) => (v === null || v === "" ? "" : ` “${v}”`);
const col = (f: Facts) => (f.field ? ` in column “${f.field}”` : "");

const EN: Partial<Record<string, Wording>> = {
  "header-not-found": () =>
    "No header row found in this sheet. Name your columns like the template's, or create the template.",
  "column-missing": (f) => `Column${q(f.field)} is missing. Add it, or map one of your columns to it.`,
  "column-duplicate": (f) => `Column${q(f.field)} appears more than once. Keep one of them.`,
  "column-sensitive": (f) =>
    `Column${q(f.value ?? f.field)} holds sensitive personal data: it is never read or sent; you may delete it.`,
  "structure-field-missing": (f) =>
    `${f.field ? `“${f.field}”` : "A structure field"} is missing on the structure sheet. Fill it in.`,
  "siret-format": (f) => `SIRET${q(f.value)} is not valid: 14 digits with a correct check digit.`,
  "structure-kind-unknown": (f) => `Structure kind${q(f.value)} is unknown. Use ACI, AI, EI, ETTI or EITI.`,
  "af-number-format": (f) =>
    `Funding annex number${q(f.value)} is malformed. Copy it as written on the annex.`,
  "period-invalid": (f) => `The period${q(f.value)} is not valid. Give the first and last day of the period.`,
  "value-required": (f) => `A value is required${col(f)}. Fill in this cell.`,
  "value-invalid": (f) =>
    `The value${q(f.value)}${col(f)} cannot be read. Use a value from the drop-down list or the template's format.`,
  "cell-error": (f) => `The cell holds an Excel error${q(f.value)}. Fix the formula or type the value.`,
  "pass-format": (f) => `PASS IAE number${q(f.value)} is malformed. Copy it from the PASS IAE.`,
  "duplicate-person": (f) => `This person appears more than once${q(f.value)}. Keep one row per person.`,
  "age-range": (f) =>
    `The age at hiring is outside the allowed limits${q(f.value)}. Check the birth date and the hire date.`,
  "hire-after-period": (f) =>
    `The hire date${q(f.value)} is after the period. Check the date, or remove the row.`,
  "exit-before-hire": (f) => `The exit date${q(f.value)} is before the hire date. Check both dates.`,
  "exit-reason-missing": () =>
    "This person left but the exit reason is empty. Choose the reason from the list.",
  "exit-reason-unknown": (f) =>
    `Exit reason${q(f.value)} is not in the list. Choose one from the drop-down list.`,
  "exit-outside-period": (f) => `The exit date${q(f.value)} is outside the period. Check the date.`,
  "hours-negative": (f) => `Negative hours${q(f.value)}${col(f)}. Fix the number.`,
  "hours-implausible": (f) =>
    `Implausible number of hours${q(f.value)}${col(f)}. Check the figure (hours, not days or euros).`,
  "no-hours": () => "No hours worked are given for this person. Fill in the hours.",
  "weekly-hours-low": (f) =>
    `The weekly hours${q(f.value)} are below the minimum for this kind of structure. Enter “Oui” in the derogation column if one exists, otherwise fix the hours.`,
  "weekly-hours-max": (f) =>
    `The weekly hours${q(f.value)} exceed the legal maximum. Fix the hours (per week, not per month).`,
  "contract-too-short": (f) =>
    `The contract${q(f.value)} is shorter than the minimum for an integration contract. Check the end date, or justify the length.`,
  "path-too-long": (f) =>
    `The path in the structure${q(f.value)} is longer than allowed. Check the dates, or note the extension.`,
  "qpv-code-format": (f) => `QPV code${q(f.value)} is malformed (QP followed by 6 digits).`,
  "exit-too-short": (f) => `The stay before exit${q(f.value)} is too short to count in the exit rates.`,
  "exit-withdrawn": (f) =>
    `This exit${q(f.value)} is left out of the exit rates (withdrawal from the labour market).`,
  "unknown-share-high": (f) =>
    `Many people have no value${col(f)}${q(f.value)}. Fill the column in, or the shares will be unreliable.`,
  "row-not-person": (f) =>
    `This row${q(f.value)} is a total or a note under the table, not a person: it is not counted.`,
  "sheet-ignored": (f) =>
    `This sheet is another year's copy or a duplicate of another sheet${f.value ? ` (“${f.value}”)` : ""}: it is not read. If it should be, choose the sheets to read in the column mapping.`,
  "sheets-combined": (f) =>
    `These sheets are read together as one people table (sites or teams)${q(f.value)}. A person on two sheets is reported as a duplicate.`,
  "structure-kind-ambiguous": (f) =>
    `The structure kind names several conventions${q(f.value)} and nothing tells which one each person belongs to. Make one people sheet per convention (named “ACI”, “EI”…) or add a “Convention” column.`,
  "formula-no-value": (f) =>
    `This cell${col(f)} holds a formula that was never computed${q(f.value)}: the file was written by a program. Open it in Excel or LibreOffice, save it, and check it again.`,
  "hours-from-months": () =>
    "The total hours were empty or not computed: the sum of the monthly hours is used.",
  "checkbox-column": (f) => `Column${q(f.value)} holds check marks: an empty box means No.`,
  "structure-value-shared": (f) =>
    `${f.field ? `“${f.field}”` : "This value"}${q(f.value)} is given once for several conventions: give it per convention (e.g. “ETP conventionnés ACI”).`,
};

function facts(finding: Finding): Facts {
  const field =
    finding.field && finding.field in FIELD_LABELS
      ? FIELD_LABELS[finding.field as MappedField]
      : finding.field;
  const params = (finding as { params?: Record<string, unknown> }).params ?? {};
  return { field, value: finding.value, params };
}

/** The finding as the pane shows it in `language`. */
export function findingText(finding: Finding, language: MessageLanguage): string {
  // The core quotes some values with straight quotes: French guillemets in the pane.
  if (language === "fr") return frenchTypography(finding.message.replace(/"([^"]*)"/g, "« $1 »"));
  const word = EN[finding.code];
  if (word) return word(facts(finding));
  // A code newer than this table: its English title and what it is about, never the French message.
  const title = (FINDING_LABELS as Partial<Record<string, { en: string }>>)[finding.code]?.en ?? finding.code;
  const f = facts(finding);
  return `${title}${col(f)}${q(f.value)}.`;
}
