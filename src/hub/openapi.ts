import type { FastifyPluginAsync } from "fastify";
import { INDICATOR_KEYS } from "../core";
import { submissionJsonSchema } from "../core/submission";

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } });
const json = (description: string, ref: string) => ({ description, content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } } });
const periodParam = (required: boolean) => ({
  name: "period",
  in: "query",
  required,
  description: "Clé de période : 2025 (année civile), 2025-S1, 2025-Q1, 2025-03, ou AAAA-MM-JJ_AAAA-MM-JJ pour une autre période.",
  schema: { type: "string", pattern: "^\\d{4}(-(S[12]|Q[1-4]|0[1-9]|1[0-2]))?$|^\\d{4}-\\d{2}-\\d{2}_\\d{4}-\\d{2}-\\d{2}$" },
});
const auth = { 401: problem("Jeton absent, inconnu ou révoqué"), 429: problem("Trop de requêtes (voir Retry-After)") };

/** The OpenAPI 3.1 document of API v1, with the payload schema generated from the zod definition. */
export function openApiDocument(): Record<string, unknown> {
  const indicators = { type: "object", properties: Object.fromEntries(INDICATOR_KEYS.map((k) => [k, { type: ["number", "null"] }])), required: [...INDICATOR_KEYS] };
  const { $schema: _ignored, $id: _id, ...payload } = submissionJsonSchema();
  return {
    openapi: "3.1.0",
    info: {
      title: "Bilan IAE — hub départemental",
      version: "1.0.0",
      description: "Réception des bilans des SIAE, suivi des envois et consolidation départementale. Erreurs au format application/problem+json (RFC 9457) avec un « detail » en français.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "Jeton de structure ou jeton départemental (biae_…)." } },
      schemas: {
        SubmissionV1: payload,
        Indicators: indicators,
        Receipt: {
          type: "object",
          required: ["id", "siret", "kind", "period", "version", "receivedAt", "indicators", "indicatorsMismatch"],
          properties: {
            id: { type: "string", format: "uuid" },
            siret: { type: "string" },
            kind: { type: "string" },
            period: { type: "string" },
            version: { type: "integer", minimum: 1 },
            receivedAt: { type: "string", format: "date-time" },
            indicators: { $ref: "#/components/schemas/Indicators", description: "Indicateurs recalculés par le hub à partir des enregistrements." },
            indicatorsMismatch: { type: "boolean", description: "Vrai quand les indicateurs envoyés diffèrent de ceux recalculés." },
          },
        },
        Problem: {
          type: "object",
          required: ["type", "title", "status", "detail"],
          properties: {
            type: { type: "string" },
            title: { type: "string" },
            status: { type: "integer" },
            detail: { type: "string", description: "Message en français." },
            instance: { type: "string" },
            errors: { type: "array", items: { type: "object", properties: { pointer: { type: "string", description: "Pointeur JSON (RFC 6901)" }, detail: { type: "string" } } } },
          },
        },
        SubmissionSummary: { type: "object" },
        RulesConfig: {
          type: "object",
          required: ["rulesVersion", "annualHoursPerFte", "minimumStay", "exitMotifs"],
          description: "Règles de calcul (même format que le fichier --config, complet).",
          properties: { rulesVersion: { type: "string" }, annualHoursPerFte: { type: "object", additionalProperties: { type: "number" } }, minimumStay: { type: "object" }, exitMotifs: { type: "array", items: { type: "object" } } },
        },
        Consolidation: {
          type: "object",
          description: "Même forme que `bilan-iae consolidate --json` : une ligne par rapport (dernière version), totaux par type et total départemental.",
          required: ["reports", "byKind", "total"],
          properties: { reports: { type: "array", items: { type: "object" } }, byKind: { type: "object" }, total: { type: "object" } },
        },
        Status: { type: "object" },
      },
    },
    security: [{ bearer: [] }],
    paths: {
      "/api/v1/submissions": {
        post: {
          summary: "Envoyer un bilan (jeton de structure)",
          parameters: [{ name: "Idempotency-Key", in: "header", required: true, schema: { type: "string", maxLength: 200 }, description: "Même clé et même contenu : même reçu (200) ; même clé, autre contenu : 409." }],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/SubmissionV1" } } } },
          responses: {
            201: json("Bilan enregistré", "Receipt"),
            200: json("Bilan déjà reçu avec cette clé (rejeu idempotent)", "Receipt"),
            400: problem("JSON invalide, octets qui ne sont pas de l'UTF-8, ou en-tête Idempotency-Key absent"),
            403: problem("SIRET ou type différent de celui du jeton, ou jeton départemental"),
            409: problem("Clé d'idempotence déjà utilisée pour un autre contenu"),
            413: problem("Corps de plus de 5 Mo, ou quota de stockage atteint : octets par structure et par période, par structure, ou taille de la base (champs limit, max, used)"),
            415: problem("Corps qui n'est pas du JSON, ou annoncé dans un autre jeu de caractères que l'UTF-8"),
            422: problem("Bilan non conforme au schéma v1 (liste `errors` avec pointeurs JSON)"),
            ...auth,
            429: problem("Trop de requêtes (voir Retry-After), ou quota de versions par structure et par période atteint (sans Retry-After : attendre n'y change rien ; champs limit, max, used)"),
          },
        },
        get: {
          summary: "Lister les envois (jeton départemental ; un jeton de structure ne voit que les siens)",
          parameters: [periodParam(false), { name: "siret", in: "query", schema: { type: "string" } }, { name: "kind", in: "query", schema: { type: "string" } }, { name: "limit", in: "query", schema: { type: "integer" } }, { name: "offset", in: "query", schema: { type: "integer" } }],
          responses: { 200: json("Envois", "SubmissionSummary"), 400: problem("Paramètre invalide"), 403: problem("SIRET d'une autre structure"), ...auth },
        },
      },
      "/api/v1/submissions/{id}": {
        get: {
          summary: "Un envoi, avec son contenu",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          responses: { 200: json("Envoi", "SubmissionSummary"), 404: problem("Inconnu (ou d'une autre structure)"), ...auth },
        },
      },
      "/api/v1/consolidation": {
        get: {
          summary: "Consolidation départementale d'une période (jeton départemental)",
          parameters: [periodParam(true), { name: "format", in: "query", schema: { enum: ["json", "csv", "xlsx"] } }],
          responses: {
            200: {
              description: "JSON, CSV (Accept: text/csv ou format=csv) ou classeur .xlsx (format=xlsx)",
              content: {
                "application/json": { schema: { $ref: "#/components/schemas/Consolidation" } },
                "text/csv": { schema: { type: "string" } },
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } },
              },
            },
            400: problem("Période absente ou invalide"),
            403: problem("Réservé au Département"),
            ...auth,
          },
        },
      },
      "/api/v1/structures/status": {
        get: {
          summary: "Suivi des envois : chaque structure connue, envoyé ou manquant (jeton départemental)",
          parameters: [periodParam(true)],
          responses: { 200: json("Suivi", "Status"), 400: problem("Période absente ou invalide"), 403: problem("Réservé au Département"), ...auth },
        },
      },
      "/api/v1/settings": {
        get: {
          summary: "Réglages du Département : les règles avec lesquelles le hub recalcule les indicateurs (tout jeton valide)",
          description: "La configuration complète (valeurs par défaut complétées par le fichier --config du hub), sans donnée personnelle. En-tête ETag ; If-None-Match → 304.",
          responses: { 200: json("Réglages", "RulesConfig"), 304: { description: "Inchangés depuis l'ETag fourni" }, ...auth },
        },
      },
      "/healthz": { get: { summary: "Santé (base joignable)", security: [], responses: { 200: { description: "OK" }, 503: problem("Base injoignable") } } },
    },
  };
}

export const openApiRoutes: FastifyPluginAsync = async (app) => {
  const doc = openApiDocument();
  const schema = submissionJsonSchema();
  app.get("/api/v1/openapi.json", async () => doc);
  app.get("/api/v1/schemas/submission-v1.schema.json", async (_req, reply) => reply.type("application/schema+json; charset=utf-8").send(schema));
};
