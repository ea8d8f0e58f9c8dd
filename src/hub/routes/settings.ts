import { createHash } from "node:crypto";
import type { FastifyPluginAsync } from "fastify";

/**
 * The rules the hub recomputes indicators with, so that the add-in checks and computes with the same ones
 * (otherwise every submission would be flagged as a mismatch). Rules only: no personal data.
 */
export const settingsRoutes: FastifyPluginAsync = async (app) => {
  const rules = app.hubConfig.rules;
  // The rules are fixed for the life of the process: one tag, computed once.
  const etag = `"${createHash("sha256").update(JSON.stringify(rules)).digest("hex").slice(0, 32)}"`;
  app.get("/api/v1/settings", { config: { access: "any" } }, async (req, reply) => {
    // Like every authenticated answer, not stored (auth plugin); a client that keeps its own copy revalidates with If-None-Match.
    void reply.header("etag", etag);
    if (req.headers["if-none-match"] === etag) return reply.code(304).send();
    return rules;
  });
};
