import type { FastifyPluginAsync } from "fastify";
import type { StructuresStatus } from "../../core";
import { structuresStatusOf } from "../status";
import { periodParam } from "./submissions";

/** The department's follow-up list: each known structure and kind, submitted (latest version) or missing. */
export const statusRoutes: FastifyPluginAsync = async (app) => {
  app.get("/api/v1/structures/status", { config: { access: "department" } }, async (req): Promise<StructuresStatus> => {
    const period = periodParam(req.query, true) as string;
    return structuresStatusOf(app.hubDb.db, period);
  });
};
