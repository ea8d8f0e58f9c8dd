import type { Kysely } from "kysely";
import { consolidate, type Consolidation } from "../core";
import type { HubDatabase } from "./db/schema";
import { latestReports } from "./db/repositories/submissions";
import { DistinctKeys } from "./distinct-keys";

/**
 * The department's consolidation of a period: the latest version of each structure's report (per kind),
 * through the same core `consolidate` as `bilan-iae consolidate`, so the JSON has the same shape and the same
 * figures. A report's `file` is its submission id. Keys are the HMAC keys of the submissions.
 */
export async function consolidationOf(db: Kysely<HubDatabase>, period: string): Promise<Consolidation> {
  const reports = await latestReports(db, period, true);
  // distinctPersons is counted here, from the stored key texts, without a string per key (see DistinctKeys).
  const persons = new DistinctKeys();
  for (const r of reports) persons.addLines(r.employeeKeysText);
  const c = consolidate(
    reports.map((r) => ({
      file: r.id,
      siret: r.siret,
      name: r.name,
      kind: r.kind,
      valid: r.valid,
      counts: r.counts,
      indicators: r.indicators,
      personKeys: [],
      unkeyedPersons: r.employeesUnkeyed,
    })),
  );
  return { ...c, total: { ...c.total, distinctPersons: c.total.distinctPersons + persons.size } };
}
