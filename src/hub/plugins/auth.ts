import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { findToken, type TokenRecord } from "../db/repositories/tokens";
import { findStructureById, type Structure } from "../db/repositories/structures";
import { forbidden, unauthorized } from "../problem";

export type Auth =
  | { role: "department"; token: TokenRecord }
  | { role: "structure"; token: TokenRecord; structure: Structure };

declare module "fastify" {
  interface FastifyRequest {
    /** Set by requireAuth on protected routes. */
    auth: Auth | null;
  }
  interface FastifyContextConfig {
    /** Who may call the route: any valid token, or department tokens only. Absent: public route. */
    access?: "any" | "department";
  }
}

/** The presented bearer token, or null (never logged). */
export function bearerToken(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (typeof h !== "string") return null;
  const m = /^Bearer\s+(\S{1,512})\s*$/i.exec(h);
  return m ? m[1] : null;
}

/**
 * Authentication in onRequest, before the body is read: an anonymous or bad-token request never gets to send
 * 5 MB. Routes declare `config.access`; the structure of a structure token is loaded once here.
 */
const auth: FastifyPluginAsync = async (app) => {
  app.decorateRequest("auth", null);
  app.addHook("onRequest", async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access) return;
    const presented = bearerToken(req);
    if (!presented)
      throw unauthorized(
        "Jeton d'accès manquant : ajoutez l'en-tête « Authorization: Bearer <jeton> » fourni par le Département.",
      );
    const token = await findToken(app.hubDb.db, presented);
    if (!token)
      throw unauthorized(
        "Jeton d'accès inconnu. Vérifiez le jeton saisi ou demandez-en un nouveau au Département.",
      );
    if (token.revokedAt)
      throw unauthorized("Ce jeton d'accès a été révoqué. Demandez un nouveau jeton au Département.");
    if (token.role === "department") {
      req.auth = { role: "department", token };
    } else {
      const structure =
        token.structureId === null ? undefined : await findStructureById(app.hubDb.db, token.structureId);
      if (!structure) throw unauthorized("Ce jeton n'est rattaché à aucune structure connue du hub.");
      req.auth = { role: "structure", token, structure };
    }
    if (access === "department" && req.auth.role !== "department") {
      throw forbidden("Cette ressource est réservée au Département (jeton départemental).");
    }
  });
  // Figures about people in social difficulty: no proxy or browser may keep an authenticated answer, errors included.
  app.addHook("onSend", async (req, reply) => {
    if (req.routeOptions.config?.access) void reply.header("cache-control", "no-store");
  });
};
export const authPlugin = fp(auth, {
  name: "hub-auth",
  fastify: "5.x",
  dependencies: ["hub-db"],
  decorators: { fastify: ["hubDb"] },
});

/** "token:12": how the audit log and the logs name the caller, never by the token itself. */
export function actorOf(req: FastifyRequest): string {
  return req.auth ? `token:${req.auth.token.id}` : "anonymous";
}
