import type { FastifyBaseLogger, FastifyRequest, FastifyServerOptions } from "fastify";

/** Query parameters of API v1 whose values say what was asked and hold no secret: logged as they are. */
const LOGGED_PARAMS = new Set(["period", "format", "siret", "kind", "limit", "offset"]);
const PLAIN_VALUE = /^[\w.-]{0,40}$/;
/** A token pasted where it does not belong (a path, a parameter): never written to a log. */
const TOKEN_LIKE = /biae_[A-Za-z0-9_-]*/g;

/**
 * The URL as the logs show it: the path, and of the query only API v1's own parameters with plain values;
 * any other parameter (`access_token=…`, anything a client puts there) is counted, not written.
 */
export function redactedUrl(url: string): string {
  const q = url.indexOf("?");
  const path = (q < 0 ? url : url.slice(0, q)).replace(TOKEN_LIKE, "biae_[masqué]");
  if (q < 0) return path;
  const kept: string[] = [];
  let hidden = 0;
  for (const part of url.slice(q + 1).split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const name = eq < 0 ? part : part.slice(0, eq);
    if (LOGGED_PARAMS.has(name) && PLAIN_VALUE.test(part.slice(eq + 1)))
      kept.push(part.replace(TOKEN_LIKE, "biae_[masqué]"));
    else hidden++;
  }
  if (hidden > 0) kept.push(`[${hidden} paramètre${hidden > 1 ? "s" : ""} masqué${hidden > 1 ? "s" : ""}]`);
  return `${path}?${kept.join("&")}`;
}

/** Fastify's request serializer, with the URL redacted; no header is logged (Authorization, Idempotency-Key). */
export function requestSerializer(req: FastifyRequest) {
  return {
    method: req.method,
    url: redactedUrl(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

type LoggerOption = boolean | FastifyServerOptions["logger"] | FastifyBaseLogger | undefined;

/** Pino options or instance for Fastify, always with the redacting request serializer. */
export function loggerOptions(logger: LoggerOption): Pick<FastifyServerOptions, "logger" | "loggerInstance"> {
  const serializers = { req: requestSerializer };
  const redact = ["req.headers.authorization", 'req.headers["idempotency-key"]'];
  if (logger === undefined || logger === false) return { logger: false };
  if (logger === true) return { logger: { level: "info", redact, serializers } };
  // An instance: a child carries the serializer (Fastify takes an instance's own serializers over its defaults).
  if (typeof (logger as FastifyBaseLogger).child === "function")
    return { loggerInstance: (logger as FastifyBaseLogger).child({}, { serializers }) };
  const options = logger as Exclude<FastifyServerOptions["logger"], boolean | undefined>;
  return { logger: { redact, ...options, serializers: { ...options.serializers, ...serializers } } };
}
