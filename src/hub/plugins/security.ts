import { createHash } from "node:crypto";
import type { FastifyPluginAsync } from "fastify";
import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import type { HubConfig } from "../config";
import { HttpProblem } from "../problem";
import { bearerToken } from "./auth";
import fp from "fastify-plugin";

type LimitResult = Awaited<ReturnType<ReturnType<import("fastify").FastifyInstance["createRateLimit"]>>>;
function exceeded(r: LimitResult): boolean {
  return !r.isAllowed && r.isExceeded;
}

/**
 * Security headers (helmet), CORS for the configured add-in origins only, and rate limits per IP and per token.
 * The per-token key is a hash of the presented token, so a stolen-token flood is capped even across IPs.
 */
const security: FastifyPluginAsync<{ config: HubConfig }> = async (app, { config }) => {
  await app.register(helmet, { global: true });
  const allowed = new Set(config.corsOrigins);
  await app.register(cors, {
    origin: (origin, cb) => cb(null, origin !== undefined && allowed.has(origin)),
    methods: ["GET", "POST"],
    allowedHeaders: ["Authorization", "Content-Type", "Idempotency-Key", "Accept"],
    maxAge: 600,
  });
  await app.register(rateLimit, { global: false });
  const { perIp, perToken, windowMs } = config.rateLimit;
  const byIp = app.createRateLimit({
    max: perIp,
    timeWindow: windowMs,
    keyGenerator: (req) => `ip:${req.ip}`,
  });
  const byToken = app.createRateLimit({
    max: perToken,
    timeWindow: windowMs,
    keyGenerator: (req) =>
      `token:${createHash("sha256")
        .update(bearerToken(req) ?? "")
        .digest("base64url")}`,
  });
  app.addHook("onRequest", async (req, reply) => {
    if (req.url === "/healthz") return;
    // isExceeded, not isAllowed: isAllowed only says whether the key is on an allow list.
    const ip = await byIp(req);
    const tok = !exceeded(ip) && bearerToken(req) !== null ? await byToken(req) : null;
    const denied = exceeded(ip) ? ip : tok && exceeded(tok) ? tok : null;
    if (denied && !denied.isAllowed) {
      const retry = Math.max(1, Math.ceil(denied.ttlInSeconds));
      void reply.header("x-ratelimit-limit", denied.max);
      throw new HttpProblem(
        429,
        "too-many-requests",
        "Trop de requêtes",
        `Trop de requêtes : réessayez dans ${retry} seconde${retry > 1 ? "s" : ""}.`,
        {},
        { "Retry-After": String(retry) },
      );
    }
  });
};
export const securityPlugin = fp(security, { name: "hub-security", fastify: "5.x" });
