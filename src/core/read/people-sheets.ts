import type { WorkbookData } from "../model/cells";
import type { MappingOverride } from "../model/fields";
import type { Kind } from "../model/kinds";
import type { FindingCollector } from "../findings/collector";
import { normalizeLabel } from "../parse/normalize-code";
import { kindsNamed } from "../parse/kind";
import { findHeaderRow, locateSheetTable, MIN_RECOGNISED_HEADERS, type SheetTable } from "./locate-table";
import { PEOPLE_SHEET_NAMES, sheetNameIs } from "./sheet-names";
import { viewOf, type SheetView } from "./sheet-view";

/** Drop-down sources and settings sheets: never a people table, whatever their headers (§2.4.2). */
const LIST_SHEET_WORDS = new Set([
  "liste",
  "listes",
  "parametres",
  "parametrage",
  "referentiel",
  "referentiels",
  "valeurs",
  "menus",
  "menu",
  "codes",
  "nomenclature",
]);

/** A people table the workbook may hold, before the choice of which are read. */
export interface Candidate extends SheetTable {
  /** The convention the sheet is named for ("ACI", "Salariés EI"), else null. */
  kind: Kind | null;
}

export interface LocatedTables {
  candidates: Candidate[];
  /** The user chose the sheets (or the sheet and header row): no automatic choice is made. */
  chosen: boolean;
}

/** The convention a sheet is named for: one kind word in its name. */
export function sheetKind(name: string): Kind | null {
  const kinds = kindsNamed(name);
  return kinds.length === 1 ? kinds[0] : null;
}

function isListSheet(name: string): boolean {
  return normalizeLabel(name)
    .split(" ")
    .some((t) => LIST_SHEET_WORDS.has(t));
}

function findSheet(views: SheetView[], name: string): number {
  const exact = views.findIndex((v) => v.name === name);
  if (exact >= 0) return exact;
  const n = normalizeLabel(name);
  return views.findIndex((v) => normalizeLabel(v.name) === n);
}

/** Holds the person fields that make a people table: sex or birth, and the hire date. */
function holdsPersons(t: SheetTable): boolean {
  const f = new Set<string>(t.table.columns.map((c) => c.field));
  return (
    (f.has("sex") || f.has("birthDate") || f.has("birthYear")) &&
    f.has("hireDate") &&
    t.view.rows.length > t.table.headerIndex + 1
  );
}

/**
 * Finds the people tables (domain §2.2, §2.4.2): every sheet whose header holds person fields, the
 * preferred names first; or the sheets the user chose. Without any, the best sheet with a header, so
 * that its missing columns are reported. Emits header-not-found.
 */
export function locatePeopleTables(
  workbook: WorkbookData,
  mapping: MappingOverride | undefined,
  findings: FindingCollector,
): LocatedTables {
  const sheets = Array.isArray(workbook?.sheets) ? workbook.sheets : [];
  const views = sheets.map(viewOf);
  const date1904 = workbook?.date1904 === true;
  const order = views.map((_, k) => k);
  const rank = (k: number) => (sheetNameIs(PEOPLE_SHEET_NAMES, views[k].name) ? 0 : 1);
  order.sort((a, b) => rank(a) - rank(b) || a - b);
  const wanted = chosenSheets(mapping);
  if (wanted.length === 0 && mapping?.headerRow !== undefined && views.length > 0) {
    // A header row without a sheet: the sheet the detection would pick, else the people sheet, else the first.
    const detected = order.find((k) => findHeaderRow(views[k], sheets[k]?.merges, date1904) >= 0);
    wanted.push(views[detected ?? order[0]].name);
  }

  if (wanted.length > 0) {
    const out: Candidate[] = [];
    for (const name of wanted) {
      const k = findSheet(views, name);
      if (k < 0) {
        findings.add("header-not-found", "error", () => ({
          sheet: null,
          cell: null,
          row: null,
          column: null,
          field: null,
          value: name,
          message: `La feuille « ${name} » indiquée dans la correspondance des colonnes n'existe pas dans ce classeur (feuilles : ${views.map((v) => `« ${v.name} »`).join(", ") || "aucune"}). Choisissez la bonne feuille dans « Corriger la correspondance des colonnes ».`,
        }));
        return { candidates: [], chosen: true };
      }
      const view = views[k];
      let h: number;
      if (mapping?.headerRow !== undefined && wanted.length === 1) {
        h = Math.floor(Number(mapping.headerRow)) - 1 - view.originRow;
        if (!(h >= 0 && h < view.rows.length)) {
          findings.add("header-not-found", "error", () => ({
            sheet: view.name,
            cell: null,
            row: null,
            column: null,
            field: null,
            value: String(mapping.headerRow),
            message: `La ligne d'en-tête ${mapping.headerRow} indiquée dans la correspondance des colonnes est vide ou hors du tableau de la feuille « ${view.name} ». Corrigez la ligne d'en-tête dans « Corriger la correspondance des colonnes ».`,
          }));
          return { candidates: [], chosen: true };
        }
      } else h = findHeaderRow(view, sheets[k]?.merges, date1904);
      if (h < 0) {
        notFound(findings, [view.name], view.name);
        return { candidates: [], chosen: true };
      }
      const t = locateSheetTable(view, sheets[k] ?? { name: view.name, rows: [] }, k, h, mapping, date1904);
      out.push({ ...t, kind: sheetKind(view.name) });
    }
    return { candidates: out, chosen: true };
  }

  const candidates: Candidate[] = [];
  let fallback: SheetTable | null = null;
  for (const k of order) {
    const data = sheets[k] ?? { name: views[k].name, rows: [] };
    const h = findHeaderRow(views[k], data.merges, date1904);
    if (h < 0) continue;
    const t = locateSheetTable(views[k], data, k, h, mapping, date1904);
    if (holdsPersons(t) && !isListSheet(views[k].name))
      candidates.push({ ...t, kind: sheetKind(views[k].name) });
    else fallback ??= t;
  }
  if (candidates.length === 0 && fallback)
    candidates.push({ ...fallback, kind: sheetKind(fallback.view.name) });
  if (candidates.length === 0)
    notFound(
      findings,
      views.map((v) => v.name),
      null,
    );
  // Workbook order: sites and conventions are listed as the user laid them out.
  candidates.sort((a, b) => a.sheetIndex - b.sheetIndex);
  return { candidates, chosen: false };
}

function chosenSheets(mapping: MappingOverride | undefined): string[] {
  if (Array.isArray(mapping?.sheets) && mapping.sheets.length > 0)
    return mapping.sheets.filter((s): s is string => typeof s === "string");
  if (mapping?.sheet !== undefined && mapping.sheet !== null) return [String(mapping.sheet)];
  return [];
}

function notFound(findings: FindingCollector, examined: string[], sheet: string | null): void {
  findings.add("header-not-found", "error", () => ({
    sheet,
    cell: null,
    row: null,
    column: null,
    field: null,
    value: null,
    message:
      examined.length === 0
        ? "Le classeur ne contient aucune feuille. Partez du modèle (« Créer le modèle » dans le complément, ou `bilan-iae template`)."
        : `Aucun tableau des salariés trouvé : dans les 30 premières lignes des feuilles ${examined.map((n) => `« ${n} »`).join(", ")}, aucune ligne ne contient au moins ${MIN_RECOGNISED_HEADERS} en-têtes reconnus (Sexe, Date de naissance, Date d'embauche, Bénéficiaire du RSA, Heures travaillées…). Partez du modèle (« Créer le modèle » dans le complément, ou \`bilan-iae template\`) ou indiquez les colonnes à la main avec « Corriger la correspondance des colonnes ».`,
  }));
}
