import type { FastifyPluginAsync } from "fastify";
import { global } from "./global";

/**
 * JSON bodies, with Fastify's secure parser as the rule: a `__proto__` or `constructor` key is refused (400).
 * That parser scans the whole text twice with regular expressions, a noticeable share of a 100 KB submission;
 * a text containing neither word nor any \u escape cannot hide such a key, so plain JSON.parse is safe for it.
 * Anything else (and any syntax error, for the same 400) goes through the secure parser.
 */
export const jsonBodyPlugin = global((async (app) => {
  const secure = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (req, body, done) => {
    const text = body as string;
    if (text.length > 0 && !text.includes("__proto__") && !text.includes("constructor") && !text.includes("\\u")) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return secure(req, text, done);
      }
      return done(null, value);
    }
    return secure(req, text, done);
  });
}) as FastifyPluginAsync);
