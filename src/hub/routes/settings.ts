import { createHash } from "node:crypto";
import { z } from "zod";
import fp from "fastify-plugin";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { authProblems, RulesConfig } from "../schemas";

/**
 * The rules the hub recomputes indicators with, so that the add-in checks and computes with the same ones
 * (otherwise every submission would be flagged as a mismatch). Rules only: no personal data.
 */
const settings: FastifyPluginAsyncZod = async (app) => {
  const rules = app.hubConfig.rules;
  // The rules are fixed for the life of the process: one tag, computed once.
  const etag = `"${createHash("sha256").update(JSON.stringify(rules)).digest("hex").slice(0, 32)}"`;
  app.get(
    "/api/v1/settings",
    {
      config: { access: "any" },
      schema: {
        summary:
          "Réglages du Département : les règles avec lesquelles le hub recalcule les indicateurs (tout jeton valide)",
        description:
          "La configuration complète (valeurs par défaut complétées par le fichier --config du hub), sans donnée personnelle. En-tête ETag ; If-None-Match → 304.",
        response: {
          200: RulesConfig,
          304: z.void().describe("Inchangés depuis l'ETag fourni"),
          ...authProblems,
        },
      },
    },
    async (req, reply) => {
      // Like every authenticated answer, not stored (auth plugin); a client that keeps its own copy revalidates with If-None-Match.
      void reply.header("etag", etag);
      if (req.headers["if-none-match"] === etag) return reply.code(304).send();
      return rules;
    },
  );
};

export const settingsRoutes = fp(settings, {
  name: "hub-settings",
  fastify: "5.x",
  encapsulate: true,
  dependencies: ["hub-db", "hub-auth", "hub-openapi"],
});
