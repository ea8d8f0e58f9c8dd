import type { FastifyPluginAsync } from "fastify";
import type { StructureStatus, StructuresStatus } from "../../core";
import { listStructures } from "../db/repositories/structures";
import { latestReports } from "../db/repositories/submissions";
import { periodParam } from "./submissions";

/** The department's follow-up list: each known structure and kind, submitted (latest version) or missing. */
export const statusRoutes: FastifyPluginAsync = async (app) => {
  app.get("/api/v1/structures/status", { config: { access: "department" } }, async (req): Promise<StructuresStatus> => {
    const period = periodParam(req.query, true) as string;
    const { db } = app.hubDb;
    const [structures, reports] = await Promise.all([listStructures(db), latestReports(db, period, false)]);
    const byKey = new Map(reports.map((r) => [`${r.siret}|${r.kind}`, r]));
    const rows = structures.flatMap((s) =>
      s.kinds.map((kind): StructureStatus => {
        const r = byKey.get(`${s.siret}|${kind}`);
        return r
          ? { siret: s.siret, name: s.name, kind, status: "submitted" as const, submission: { id: r.id, version: r.version, receivedAt: r.receivedAt, valid: r.valid, counts: r.counts } }
          : { siret: s.siret, name: s.name, kind, status: "missing" as const, submission: null };
      }),
    );
    const submitted = rows.filter((r) => r.status === "submitted").length;
    return { period, summary: { expected: rows.length, submitted, missing: rows.length - submitted }, structures: rows };
  });
};
