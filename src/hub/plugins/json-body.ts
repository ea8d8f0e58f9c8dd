import type { FastifyPluginAsync } from "fastify";
import { invalidJson } from "../problem";
import { parseJsonText } from "../secure-json";
import { global } from "./global";

/**
 * JSON bodies of every route, by the hub's one rule (secure-json: a `__proto__` or `constructor` key is
 * refused with a 400, never merged). POST /api/v1/submissions takes its body as bytes instead and applies
 * the same rule on an ingest thread.
 */
export const jsonBodyPlugin = global((async (app) => {
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_req, body, done) => {
    const json = parseJsonText(body as string);
    if (json.ok) done(null, json.value);
    else done(invalidJson(json.reason), undefined);
  });
}) as FastifyPluginAsync);
