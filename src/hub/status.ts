import type { Kysely } from "kysely";
import type { StructureStatus, StructuresStatus } from "../core";
import type { HubDatabase } from "./db/schema";
import { listStructures } from "./db/repositories/structures";
import { latestReports } from "./db/repositories/submissions";

/** The department's follow-up list for a period: each known structure and kind, submitted (latest version) or missing. */
export async function structuresStatusOf(db: Kysely<HubDatabase>, period: string): Promise<StructuresStatus> {
  const [structures, reports] = await Promise.all([listStructures(db), latestReports(db, period, false)]);
  const byKey = new Map(reports.map((r) => [`${r.siret}|${r.kind}`, r]));
  const rows = structures.flatMap((s) =>
    s.kinds.map((kind): StructureStatus => {
      const r = byKey.get(`${s.siret}|${kind}`);
      return r
        ? {
            siret: s.siret,
            name: s.name,
            kind,
            status: "submitted",
            submission: {
              id: r.id,
              version: r.version,
              receivedAt: r.receivedAt,
              valid: r.valid,
              counts: r.counts,
            },
          }
        : { siret: s.siret, name: s.name, kind, status: "missing", submission: null };
    }),
  );
  const submitted = rows.filter((r) => r.status === "submitted").length;
  return {
    period,
    summary: { expected: rows.length, submitted, missing: rows.length - submitted },
    structures: rows,
  };
}
