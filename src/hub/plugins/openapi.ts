import type { FastifyPluginAsync } from "fastify";
import fp from "fastify-plugin";
import swagger from "@fastify/swagger";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";

/**
 * Routes declare zod schemas (src/hub/schemas.ts): Fastify validates requests and serializes responses with
 * them, and @fastify/swagger builds the OpenAPI document from the same schemas, so it cannot drift from the code.
 * Registered before the routes: swagger collects them as they are added.
 */
const openApi: FastifyPluginAsync = async (app) => {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Bilan IAE — hub départemental",
        version: "1.0.0",
        description:
          "Réception des bilans des SIAE, suivi des envois et consolidation départementale. Erreurs au format application/problem+json (RFC 9457) avec un « detail » en français. Compatibilité du format : docs/compatibilite-format.md.",
      },
      servers: [{ url: "/" }],
      components: {
        securitySchemes: {
          bearer: {
            type: "http",
            scheme: "bearer",
            description: "Jeton de structure ou jeton départemental (biae_…).",
          },
        },
      },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (doc) => withoutDuplicateInputs(jsonSchemaTransformObject(doc)),
  });
};

/**
 * The type provider names each schema twice, "X" as answered and "XInput" as received; ours read and write the
 * same JSON, so an input identical to its output is dropped and its references point to the one name, and an
 * input no request uses is dropped.
 */
type Document = ReturnType<typeof jsonSchemaTransformObject>;
export function withoutDuplicateInputs(doc: Document): Document {
  const schemas: Record<string, unknown> = {
    ...(doc as { components?: { schemas?: Record<string, unknown> } }).components?.schemas,
  };
  const same = Object.keys(schemas).filter(
    (name) =>
      name.endsWith("Input") &&
      JSON.stringify(schemas[name]) === JSON.stringify(schemas[name.slice(0, -"Input".length)]),
  );
  for (const name of same) delete schemas[name];
  let text = JSON.stringify({
    ...doc,
    components: { ...(doc as { components?: object }).components, schemas },
  });
  for (const name of same)
    text = text
      .split(`"#/components/schemas/${name}"`)
      .join(`"#/components/schemas/${name.slice(0, -"Input".length)}"`);
  // The registry is global: an input never received (responses only) would be listed without being used.
  const result = JSON.parse(text) as { components: { schemas: Record<string, unknown> } };
  // Until none is left: dropping one input may leave another (one it referenced) unused.
  for (let dropped = true; dropped;) {
    const now = JSON.stringify(result);
    const unused = Object.keys(result.components.schemas).filter(
      (name) => name.endsWith("Input") && !now.includes(`"#/components/schemas/${name}"`),
    );
    for (const name of unused) delete result.components.schemas[name];
    dropped = unused.length > 0;
  }
  return result as Document;
}

export const openApiPlugin = fp(openApi, { name: "hub-openapi", fastify: "5.x" });
