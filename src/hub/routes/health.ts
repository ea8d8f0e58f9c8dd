import { z } from "zod";
import fp from "fastify-plugin";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ping } from "../db/connect";
import { PROBLEM_CONTENT_TYPE, problemBody } from "../problem";
import { problem } from "../schemas";

const health: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/healthz",
    {
      schema: {
        summary: "Santé (base joignable)",
        security: [],
        response: {
          200: z.object({ status: z.literal("ok"), database: z.string() }).describe("OK"),
          503: problem("Base injoignable"),
        },
      },
    },
    async (req, reply) => {
      try {
        await ping(app.hubDb);
        return { status: "ok" as const, database: app.hubDb.dialect };
      } catch (err) {
        req.log.error({ err }, "base de données injoignable");
        return reply
          .code(503)
          .type(PROBLEM_CONTENT_TYPE)
          .send(
            problemBody({
              status: 503,
              slug: "database-unavailable",
              title: "Base de données injoignable",
              detail: "Le hub ne parvient pas à joindre sa base de données.",
            }),
          );
      }
    },
  );
};

export const healthRoutes = fp(health, {
  name: "hub-health",
  fastify: "5.x",
  encapsulate: true,
  dependencies: ["hub-db", "hub-openapi"],
});
