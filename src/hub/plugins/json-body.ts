import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { HttpProblem, invalidJson, invalidUtf8 } from "../problem";
import { decodeUtf8, parseJsonText } from "../secure-json";
import { frenchSpacing } from "../french";
import fp from "fastify-plugin";

/** The charset parameter of a Content-Type, lower case, without quotes; undefined when there is none. */
export function charsetOf(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  for (const param of contentType.split(";").slice(1)) {
    const eq = param.indexOf("=");
    if (eq > 0 && param.slice(0, eq).trim().toLowerCase() === "charset")
      return param
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, "$1")
        .toLowerCase();
  }
  return undefined;
}

/** JSON is UTF-8 (RFC 8259): a body announced in another charset is refused before it is read. */
function refuseOtherCharsets(req: FastifyRequest): void {
  const charset = charsetOf(req.headers["content-type"]);
  if (charset === undefined || charset === "utf-8" || charset === "utf8") return;
  throw new HttpProblem(
    415,
    "unsupported-charset",
    "Jeu de caractères non pris en charge",
    frenchSpacing(
      `Le corps doit être du JSON en UTF-8 : « charset=${charset.slice(0, 40)} » reçu. Envoyez-le en UTF-8 (Content-Type: application/json; charset=utf-8).`,
    ),
  );
}

/**
 * JSON bodies of every route, by the hub's one rule (secure-json: a `__proto__` or `constructor` key is
 * refused with a 400, never merged), in UTF-8 only. POST /api/v1/submissions takes its body as bytes instead
 * and applies the same rules in parseSubmissionBody.
 */
const jsonBody: FastifyPluginAsync = async (app) => {
  app.addHook("preParsing", async (req, _reply, payload) => {
    refuseOtherCharsets(req);
    return payload;
  });
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (_req, body, done) => {
    const text = decodeUtf8(body as Buffer);
    if (text === null) return done(invalidUtf8(), undefined);
    const json = parseJsonText(text);
    if (json.ok) done(null, json.value);
    else done(invalidJson(json.reason), undefined);
  });
};
export const jsonBodyPlugin = fp(jsonBody, { name: "hub-json-body", fastify: "5.x" });
