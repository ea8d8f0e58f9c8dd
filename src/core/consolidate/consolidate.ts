import { KINDS, type Kind } from "../model/kinds";
import type { Indicators } from "../model/indicators";
import { combineIndicators } from "./combine";
import type { Consolidation, ConsolidationInput, KindTotal } from "./types";

/**
 * Consolidates reports (files or submissions) into one row per report, totals per kind and a department
 * total (domain §4.5). Every report given is included, valid or not: each row says whether it is valid,
 * and choosing which reports to give (e.g. the latest version of each) is the caller's business.
 * A report without a kind appears in the rows and the total, not under a kind.
 */
export function consolidate(reports: readonly ConsolidationInput[]): Consolidation {
  const byKind: Partial<Record<Kind, KindTotal>> = {};
  for (const kind of KINDS) {
    const ofKind = reports.filter((r) => r.kind === kind);
    if (ofKind.length > 0) byKind[kind] = totalOf(ofKind);
  }
  const persons = new Set<string>();
  let unkeyed = 0;
  for (const r of reports) {
    for (const key of r.personKeys) persons.add(key);
    unkeyed += r.unkeyedPersons ?? 0;
  }
  return {
    reports: reports.map((r) => ({
      file: r.file,
      siret: r.siret,
      name: r.name,
      kind: r.kind,
      valid: r.valid,
      counts: { ...r.counts },
      indicators: { ...r.indicators },
    })),
    byKind,
    total: { ...totalOf(reports), distinctPersons: persons.size + unkeyed },
  };
}

function totalOf(reports: readonly ConsolidationInput[]): KindTotal {
  return {
    structures: distinctStructures(reports),
    reports: reports.length,
    indicators: combineIndicators(reports.map((r): Indicators => r.indicators)),
  };
}

/** Distinct SIRETs (spaces ignored); a report without SIRET cannot be matched, so it is a structure of its own. */
function distinctStructures(reports: readonly ConsolidationInput[]): number {
  const sirets = new Set<string>();
  let without = 0;
  for (const r of reports) {
    const s = r.siret?.replace(/\s+/g, "") ?? "";
    if (s === "") without++;
    else sirets.add(s);
  }
  return sirets.size + without;
}
