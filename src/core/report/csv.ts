import type { Consolidation } from "../consolidate/types";
import { INDICATOR_LABELS } from "../labels/indicator-labels";
import { INDICATOR_KEYS, type Indicators } from "../model/indicators";

/**
 * A text starting with one of these is taken for a formula by Excel, LibreOffice and Google Sheets
 * (OWASP, CSV injection): `=HYPERLINK(…)` in a structure's name would run when an officer opens the file.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell: a would-be formula gets a leading quote and is always quoted (OWASP); others quoted when needed. */
export function csvText(v: string): string {
  if (FORMULA_START.test(v)) return `"'${v.replace(/"/g, '""')}"`;
  return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A number cell, French: decimal comma, percentages as "42,5 %". Numbers are never neutralised (-3,5 stays a number). */
export function csvNumber(v: number, ratio = false): string {
  if (!Number.isFinite(v)) return "";
  const n = ratio ? Math.round(v * 1000) / 10 : Math.round(v * 100) / 100;
  return String(n).replace(".", ",") + (ratio ? " %" : "");
}

/** Any cell of the product's CSV files: null and undefined empty, booleans Oui/Non. */
export function csvCell(v: string | number | boolean | null | undefined, ratio = false): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "Oui" : "Non";
  if (typeof v === "number") return csvNumber(v, ratio);
  return csvText(v);
}

/**
 * The consolidation as a French CSV that Excel opens right: `;` separator, decimal comma, UTF-8 BOM
 * (without it Excel reads UTF-8 as Windows-1252 and breaks accents), CRLF line ends. Written by the CLI
 * (`consolidate --csv`) and the hub (`GET /api/v1/consolidation`, text/csv).
 */
export function consolidationCsv(c: Consolidation): string {
  const head = [
    "Niveau",
    "Fichier",
    "SIRET",
    "Raison sociale",
    "Type",
    "Valide",
    "Erreurs",
    "Avertissements",
    "Structures",
    "Rapports",
    "Personnes distinctes",
    ...INDICATOR_KEYS.map((k) => INDICATOR_LABELS[k].fr),
  ];
  const ind = (i: Indicators) =>
    INDICATOR_KEYS.map((k) => csvCell(i[k], INDICATOR_LABELS[k].format === "percent"));
  const lines: string[][] = [head.map((h) => csvCell(h))];
  for (const r of c.reports) {
    lines.push([
      "Rapport",
      csvCell(r.file),
      csvCell(r.siret),
      csvCell(r.name),
      csvCell(r.kind),
      csvCell(r.valid),
      csvCell(r.counts.error),
      csvCell(r.counts.warning),
      "",
      "1",
      "",
      ...ind(r.indicators),
    ]);
  }
  for (const [kind, t] of Object.entries(c.byKind)) {
    lines.push([
      "Type",
      "",
      "",
      "",
      csvCell(kind),
      "",
      "",
      "",
      csvCell(t.structures),
      csvCell(t.reports),
      "",
      ...ind(t.indicators),
    ]);
  }
  const t = c.total;
  lines.push([
    "Département",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    csvCell(t.structures),
    csvCell(t.reports),
    csvCell(t.distinctPersons),
    ...ind(t.indicators),
  ]);
  return "\uFEFF" + lines.map((l) => l.join(";")).join("\r\n") + "\r\n";
}
