import type { FastifyPluginAsync } from "fastify";
import { ping } from "../db/connect";
import { PROBLEM_CONTENT_TYPE, problemBody } from "../problem";

export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get("/healthz", async (req, reply) => {
    try {
      await ping(app.hubDb);
      return { status: "ok", database: app.hubDb.dialect };
    } catch (err) {
      req.log.error({ err }, "base de données injoignable");
      return reply
        .code(503)
        .type(PROBLEM_CONTENT_TYPE)
        .send(problemBody({ status: 503, slug: "database-unavailable", title: "Base de données injoignable", detail: "Le hub ne parvient pas à joindre sa base de données." }));
    }
  });
};
