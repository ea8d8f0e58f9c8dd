import type { FindingCollector } from "../findings/collector";
import { a1 } from "../findings/a1";
import { headerText } from "./header-text";
import { PEOPLE_SHEET_NAMES, sheetNameIs } from "./sheet-names";
import { rowAt } from "./sheet-view";
import type { Candidate } from "./people-sheets";
import type { SheetRows } from "./sheet-rows";

/** The rows of a candidate sheet, with the convention its name gives. */
export type CandidateRows = SheetRows & { source: Candidate };

const YEAR = /(?:^|\D)(20\d\d)(?!\d)/g;

function yearsIn(text: string): number[] {
  return [...text.matchAll(YEAR)].map((m) => Number(m[1]));
}

/** The years a sheet carries: in its name, else in the title cells above its header. */
function sheetYears(c: CandidateRows): number[] {
  const named = yearsIn(c.source.view.name);
  if (named.length > 0) return named;
  const out: number[] = [];
  for (let i = 0; i < c.source.topIndex; i++)
    for (const v of rowAt(c.source.view, i)) {
      const t = headerText(v, false);
      if (t !== null && typeof v === "string") out.push(...yearsIn(t));
    }
  return out;
}

function identities(c: CandidateRows): Set<string> {
  const out = new Set<string>();
  for (const r of c.rows) if (r.row.identity !== null) out.add(r.row.identity);
  return out;
}

function preferred(c: CandidateRows): boolean {
  return sheetNameIs(PEOPLE_SHEET_NAMES, c.source.view.name);
}

function latestDate(c: CandidateRows): number {
  let max = -Infinity;
  for (const { row } of c.rows)
    for (const d of [row.hireDate, row.exitDate]) if (d !== null && d > max) max = d;
  return max;
}

function names(list: readonly CandidateRows[]): string {
  const quoted = list.map((c) => `« ${c.source.view.name} »`);
  return quoted.length <= 1
    ? quoted.join("")
    : `${quoted.slice(0, -1).join(", ")} et ${quoted[quoted.length - 1]}`;
}

/**
 * Which candidate people sheets are read (domain §2.4.2): another year's copy is left out, of two copies
 * sharing more than half of their persons the one of the period (else the most recent) is read, and the
 * rest (sites, teams) are read together. Sheets named for a convention are conventions, not sites.
 * Emits sheet-ignored and sheets-combined. The user's choice of sheets is read as it is.
 */
export function selectSheets(
  all: readonly CandidateRows[],
  periodYears: readonly number[],
  chosen: boolean,
  findings: FindingCollector,
): CandidateRows[] {
  if (chosen || all.length <= 1) return [...all];
  const ignored = new Set<CandidateRows>();
  const ignore = (c: CandidateRows, message: string, value: string | null) => {
    ignored.add(c);
    findings.add("sheet-ignored", "warning", () => ({
      sheet: c.source.view.name,
      cell: a1(c.source.table.headerRow, c.source.table.firstColumn),
      row: null,
      column: null,
      field: null,
      value,
      message: `${message} Si elle doit être lue, choisissez les feuilles à lire dans « Corriger la correspondance des colonnes ».`,
    }));
  };

  if (periodYears.length > 0) {
    for (const c of all) {
      const years = sheetYears(c);
      if (years.length > 0 && !years.some((y) => periodYears.includes(y))) {
        ignore(
          c,
          `La feuille « ${c.source.view.name} » porte l'année ${years[0]}, hors de la période du bilan (${periodYears.join("-")}) : c'est celle d'une autre année, elle n'est pas lue.`,
          String(years[0]),
        );
      }
    }
  }

  const left = all.filter((c) => !ignored.has(c));
  const ids = new Map(left.map((c) => [c, identities(c)]));
  const named = (c: CandidateRows) => yearsIn(c.source.view.name).some((y) => periodYears.includes(y));
  for (let a = 0; a < left.length; a++) {
    for (let b = a + 1; b < left.length; b++) {
      const x = left[a];
      const y = left[b];
      if (ignored.has(x) || ignored.has(y) || x.source.kind !== y.source.kind) continue;
      const ix = ids.get(x) as Set<string>;
      const iy = ids.get(y) as Set<string>;
      const smaller = Math.min(ix.size, iy.size);
      if (smaller === 0) continue;
      let shared = 0;
      for (const id of ix) if (iy.has(id)) shared++;
      if (shared * 2 <= smaller) continue;
      // The sheet of the period's year, else the most recent dates, else the people sheet's name.
      const keepX =
        named(x) !== named(y)
          ? named(x)
          : latestDate(x) !== latestDate(y)
            ? latestDate(x) > latestDate(y)
            : preferred(x) || !preferred(y);
      const [kept, copy] = keepX ? [x, y] : [y, x];
      const why =
        named(kept) && !named(copy)
          ? "elle porte l'année de la période"
          : latestDate(kept) > latestDate(copy)
            ? "ses dates sont les plus récentes"
            : "c'est la feuille des salariés";
      ignore(
        copy,
        `La feuille « ${copy.source.view.name} » reprend ${shared} des personnes de la feuille « ${kept.source.view.name} » : ce sont deux copies du même tableau. Seule « ${kept.source.view.name} » est lue (${why}).`,
        kept.source.view.name,
      );
    }
  }

  const read = all.filter((c) => !ignored.has(c));
  // Sheets read together as one table: those of one convention (or of none), i.e. sites or teams.
  const groups = new Map<string, CandidateRows[]>();
  for (const c of read) {
    const key = c.source.kind ?? "";
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    findings.add("sheets-combined", "info", () => ({
      sheet: group[0].source.view.name,
      cell: null,
      row: null,
      column: null,
      field: null,
      value: group.map((c) => c.source.view.name).join(" ; "),
      message: `Les feuilles ${names(group)} sont lues ensemble, comme un seul tableau des salariés (sites ou équipes). Une même personne sur deux feuilles est signalée comme doublon.`,
    }));
  }
  return read;
}
