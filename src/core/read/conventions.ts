import { KINDS, type Kind } from "../model/kinds";
import type { StructureInfo } from "../model/structure";
import type { RulesConfig } from "../model/config";
import type { FindingCollector } from "../findings/collector";
import { a1 } from "../findings/a1";
import { STRUCTURE_LABEL_FR } from "./field-labels";
import type { CandidateRows } from "./select-sheets";
import type { ReadRow } from "./sheet-rows";
import type { PerKindField, StructureRead } from "./structure-block";

/** The rows of one report: one convention (SIRET and kind, domain §2.4.3). */
export interface ReportPart {
  kind: Kind | null;
  rows: ReadRow[];
  /** The sheets its rows come from. */
  sheets: CandidateRows[];
}

/**
 * Splits the rows read into reports, one per convention: a row's kind is its convention column's, else
 * its sheet's ("ACI", "Salariés EI"), else the structure's. A kind cell naming several kinds with rows
 * that nothing assigns is structure-kind-ambiguous.
 */
export function splitReports(
  sheets: readonly CandidateRows[],
  read: StructureRead,
  findings: FindingCollector,
): ReportPart[] {
  const byKind = new Map<Kind | null, ReportPart>();
  let unassigned = 0;
  for (const sheet of sheets) {
    for (const r of sheet.rows) {
      const kind = r.row.kind ?? sheet.source.kind ?? read.structure.kind;
      r.row.kind = kind;
      if (kind === null) unassigned++;
      let part = byKind.get(kind);
      if (!part) byKind.set(kind, (part = { kind, rows: [], sheets: [] }));
      part.rows.push(r);
      if (!part.sheets.includes(sheet)) part.sheets.push(sheet);
    }
  }
  const rowsTell = sheets.some(
    (s) => s.source.kind !== null || s.source.table.columns.some((c) => c.field === "convention"),
  );
  if (read.kinds.length > 1 && (unassigned > 0 || (byKind.size === 0 && !rowsTell))) {
    const loc = read.locations.kind;
    findings.add("structure-kind-ambiguous", "error", () => ({
      sheet: loc?.sheet ?? null,
      cell: loc ? a1(loc.row, loc.column) : null,
      row: loc?.row ?? null,
      column: loc?.column ?? null,
      field: "kind",
      value: read.kinds.join(" / "),
      message: `Le type de structure nomme plusieurs conventions (${read.kinds.join(", ")}) mais rien n'indique à laquelle appartient chaque personne${unassigned > 0 ? ` (${unassigned === 1 ? "1 ligne" : `${unassigned} lignes`})` : ""}. Faites une feuille des salariés par convention, nommée « ${read.kinds[0]} », « ${read.kinds[1]} »…, ou ajoutez une colonne « Convention » qui donne pour chaque personne ${KINDS.join(", ")}.`,
    }));
  }
  if (byKind.size === 0) return [{ kind: read.structure.kind, rows: [], sheets: [...sheets] }];
  const order = (k: Kind | null) => (k === null ? KINDS.length : KINDS.indexOf(k));
  return [...byKind.values()].sort((a, b) => order(a.kind) - order(b.kind));
}

const PER_KIND: readonly PerKindField[] = ["fteConventioned", "annualHoursPerFte", "cdCofinancedAmount"];

/**
 * The structure as one report sees it: its kind, and its own "ETP conventionnés ACI"… A value given once
 * for several conventions is not shared out: it gives no per-report figure, and an info says so.
 */
export function reportStructure(
  read: StructureRead,
  part: ReportPart,
  reportKinds: readonly (Kind | null)[],
  config: RulesConfig,
  findings: FindingCollector,
): StructureInfo {
  const s: StructureInfo = { ...read.structure, kind: part.kind };
  const own = part.kind ? read.perKind[part.kind] : undefined;
  const several = reportKinds.length > 1;
  for (const field of PER_KIND) {
    const value = own?.[field];
    if (value !== undefined) {
      s[field] = value;
      continue;
    }
    if (!several || read.structure[field] === null) continue;
    s[field] = null;
    const loc = read.locations[field];
    const label = STRUCTURE_LABEL_FR[field];
    const kinds = reportKinds.filter((k): k is Kind => k !== null);
    const consequence =
      field === "fteConventioned"
        ? `le taux de réalisation de la convention ${part.kind ?? ""} ne peut pas être calculé`
        : field === "annualHoursPerFte"
          ? `les ETP de la convention ${part.kind ?? ""} sont calculés sur ${part.kind ? `${config.annualHoursPerFte[part.kind]} h, la valeur par défaut de ce type` : "la valeur par défaut du type"}`
          : `le montant n'est attribué à aucune des conventions`;
    findings.add("structure-value-shared", "info", () => ({
      sheet: loc?.sheet ?? null,
      cell: loc ? a1(loc.row, loc.column) : null,
      row: loc?.row ?? null,
      column: loc?.column ?? null,
      field,
      value: String(read.structure[field]),
      message: `« ${label} » est donné une seule fois pour les conventions ${kinds.join(" et ")} : ${consequence}. Donnez-le par convention (${kinds.map((k) => `« ${label} ${k} »`).join(", ")}).`,
    }));
  }
  return s;
}
