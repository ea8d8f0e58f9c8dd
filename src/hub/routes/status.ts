import fp from "fastify-plugin";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { structuresStatusOf } from "../status";
import { authProblems, PeriodQuery, problem, Status } from "../schemas";

/** The department's follow-up list: each known structure and kind, submitted (latest version) or missing. */
const status: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/structures/status",
    {
      config: { access: "department" },
      schema: {
        summary: "Suivi des envois : chaque structure connue, envoyé ou manquant (jeton départemental)",
        querystring: PeriodQuery,
        response: {
          200: Status,
          400: problem("Période absente ou invalide"),
          403: problem("Réservé au Département"),
          ...authProblems,
        },
      },
    },
    async (req) => structuresStatusOf(app.hubDb.db, req.query.period),
  );
};

export const statusRoutes = fp(status, {
  name: "hub-status",
  fastify: "5.x",
  encapsulate: true,
  dependencies: ["hub-db", "hub-auth", "hub-openapi"],
});
