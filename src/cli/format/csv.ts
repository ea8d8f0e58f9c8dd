import { INDICATOR_KEYS, type Consolidation, type Indicators } from "../../core";
import { indicatorFormat, indicatorLabel } from "../../xlsx/labels";

/** French CSV cell: decimal comma, percentages as "42,5 %", quoting when needed. */
function cell(v: string | number | boolean | null | undefined, ratio = false): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "Oui" : "Non";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return "";
    const n = ratio ? Math.round(v * 1000) / 10 : Math.round(v * 100) / 100;
    return String(n).replace(".", ",") + (ratio ? " %" : "");
  }
  return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * The consolidation as a French CSV that Excel opens right: `;` separator, decimal comma, UTF-8 BOM
 * (without it Excel reads UTF-8 as Windows-1252 and breaks accents), CRLF line ends.
 */
export function consolidationCsv(c: Consolidation): string {
  const head = ["Niveau", "Fichier", "SIRET", "Raison sociale", "Type", "Valide", "Erreurs", "Avertissements", "Structures", "Rapports", "Personnes distinctes", ...INDICATOR_KEYS.map(indicatorLabel)];
  const ind = (i: Indicators) => INDICATOR_KEYS.map((k) => cell(i[k], indicatorFormat(k) === "percent"));
  const lines: string[][] = [head.map((h) => cell(h))];
  for (const r of c.reports) {
    lines.push(["Rapport", cell(r.file), cell(r.siret), cell(r.name), cell(r.kind), cell(r.valid), cell(r.counts.error), cell(r.counts.warning), "", "1", "", ...ind(r.indicators)]);
  }
  for (const [kind, t] of Object.entries(c.byKind)) {
    lines.push(["Type", "", "", "", kind, "", "", "", cell(t.structures), cell(t.reports), "", ...ind(t.indicators)]);
  }
  const t = c.total;
  lines.push(["Département", "", "", "", "", "", "", "", cell(t.structures), cell(t.reports), cell(t.distinctPersons), ...ind(t.indicators)]);
  return "\uFEFF" + lines.map((l) => l.join(";")).join("\r\n") + "\r\n";
}
