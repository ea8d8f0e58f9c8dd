import fp from "fastify-plugin";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { submissionJsonSchema } from "../../core/submission";

/** The generated OpenAPI document and the payload's JSON Schema; both hidden from the document itself. */
const documents: FastifyPluginAsyncZod = async (app) => {
  const schema = submissionJsonSchema();
  // Built once, on first request: every route is registered by then.
  let doc: unknown;
  app.get("/api/v1/openapi.json", { schema: { hide: true } }, async () => (doc ??= app.swagger()));
  app.get("/api/v1/schemas/submission-v1.schema.json", { schema: { hide: true } }, async (_req, reply) =>
    reply.type("application/schema+json; charset=utf-8").send(schema),
  );
};

export const documentsRoutes = fp(documents, {
  name: "hub-documents",
  fastify: "5.x",
  encapsulate: true,
  dependencies: ["hub-openapi"],
});
