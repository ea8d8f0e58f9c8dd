import { z } from "zod";
import fp from "fastify-plugin";
import type { FastifyRequest } from "fastify";
import { validatorCompiler, type FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  findByIdempotencyKey,
  getSubmission,
  listSubmissions,
  storeSubmission,
} from "../db/repositories/submissions";
import { databaseBytes } from "../db/size";
import { quotaProblem, type QuotaRefusal } from "../quotas";
import { findStructureBySiret } from "../db/repositories/structures";
import { audit } from "../db/repositories/audit";
import { actorOf, type Auth } from "../plugins/auth";
import { parseSubmissionBody, type BodyOutcome } from "../ingest/parse-body";
import { HttpProblem, forbidden, invalidJson, invalidUtf8, notFound } from "../problem";
import {
  authProblems,
  IdempotencyHeaders,
  problem,
  Receipt,
  SubmissionDetail,
  SubmissionSummary,
  SubmissionsQuery,
  SubmissionV1,
} from "../schemas";

function authOf(req: FastifyRequest): Auth {
  if (!req.auth) throw new Error("route without authentication");
  return req.auth;
}

/**
 * POST /api/v1/submissions, in its own context: the body is taken as bytes and parsed, validated and prepared by
 * parseSubmissionBody (secure JSON, the v1 schema, the indicators recomputed). Its schema documents the body;
 * parseSubmissionBody, not Fastify, validates it, to answer a 422 listing every error by JSON pointer.
 */
const postSubmissionRoute: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.hubDb;
  /** Audited (the department sees who hits a quota), logged without the token, answered with a problem. */
  const refuseOverQuota = async (req: FastifyRequest, r: QuotaRefusal): Promise<HttpProblem> => {
    const problem = quotaProblem(r);
    const auth = authOf(req);
    await audit(app.hubDb, {
      actor: actorOf(req),
      action: "submission.quota",
      target: auth.role === "structure" ? auth.structure.siret : null,
      ip: req.ip,
      status: problem.status,
      details: `${r.limit} ${r.period}`,
    });
    req.log.warn({ limit: r.limit, max: r.max, used: r.used, actor: actorOf(req) }, "quota atteint");
    return problem;
  };
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (_req, body, done) => done(null, body));

  app.post(
    "/api/v1/submissions",
    {
      config: { access: "any" },
      // The body stays bytes until parseSubmissionBody; the other parts are validated by their schemas.
      validatorCompiler: (route) =>
        route.httpPart === "body"
          ? (value: unknown) => ({ value })
          : validatorCompiler(route as unknown as Parameters<typeof validatorCompiler>[0]),
      schema: {
        summary: "Envoyer un bilan (jeton de structure)",
        headers: IdempotencyHeaders,
        body: SubmissionV1,
        response: {
          201: Receipt.describe("Bilan enregistré"),
          200: Receipt.describe("Bilan déjà reçu avec cette clé (rejeu idempotent)"),
          400: problem("JSON invalide, octets qui ne sont pas de l'UTF-8, ou en-tête Idempotency-Key absent"),
          403: problem("SIRET ou type différent de celui du jeton, ou jeton départemental"),
          409: problem("Clé d'idempotence déjà utilisée pour un autre contenu"),
          413: problem(
            "Corps de plus de 5 Mo, ou quota de stockage atteint : octets par structure et par période, par structure, ou taille de la base (champs limit, max, used)",
          ),
          415: problem("Corps qui n'est pas du JSON, ou annoncé dans un autre jeu de caractères que l'UTF-8"),
          422: problem("Bilan non conforme au schéma v1 (liste `errors` avec pointeurs JSON)"),
          ...authProblems,
          429: problem(
            "Trop de requêtes (voir Retry-After), ou quota de versions par structure et par période atteint (sans Retry-After : attendre n'y change rien ; champs limit, max, used)",
          ),
        },
      },
    },
    async (req, reply) => {
      const auth = authOf(req);
      if (auth.role !== "structure")
        throw forbidden(
          "Un envoi de bilan se fait avec le jeton de la structure, pas avec un jeton départemental.",
        );
      const key = req.headers["idempotency-key"];
      const raw: unknown = req.body;
      const outcome = parseSubmissionBody(
        raw instanceof Uint8Array ? raw : new Uint8Array(0),
        app.hubConfig.rules,
      );
      if (!outcome.ok) throw bodyProblem(outcome);
      const prepared = outcome.prepared;
      if (prepared.siret !== auth.structure.siret) {
        await audit(app.hubDb, {
          actor: actorOf(req),
          action: "submission.denied",
          target: auth.structure.siret,
          ip: req.ip,
          status: 403,
          details: "siret mismatch",
        });
        throw forbidden(
          `Ce jeton appartient à la structure SIRET ${auth.structure.siret} : il ne peut pas envoyer le bilan d'une autre structure (SIRET ${prepared.siret}).`,
        );
      }
      if (!auth.structure.kinds.includes(prepared.kind)) {
        throw forbidden(
          `La structure ${auth.structure.siret} n'est pas enregistrée au hub pour le type ${prepared.kind} (types enregistrés : ${auth.structure.kinds.join(", ")}). Demandez au Département de l'ajouter.`,
        );
      }
      const quotas = app.hubConfig.quotas;
      const dbBytes = await databaseBytes(app.hubDb);
      if (dbBytes + prepared.payload.byteLength > quotas.databaseBytes) {
        // A full database still answers the replay of a stored key (the sender must get its receipt).
        const replay = await findByIdempotencyKey(
          db,
          auth.structure.id,
          auth.structure.siret,
          key,
          prepared.contentHash,
        );
        if (replay?.kind === "replay") return reply.code(200).send(replay.receipt);
        throw await refuseOverQuota(req, {
          limit: "databaseBytes",
          max: quotas.databaseBytes,
          used: dbBytes,
          incoming: prepared.payload.byteLength,
          period: prepared.period,
        });
      }
      // No look-up of the key first: the database's unique (structure, key) constraint answers a replay or a
      // conflict inside the store, race-free, and a new submission (the usual case) costs no extra query.
      const stored = await storeSubmission(app.hubDb, {
        ...prepared,
        structureId: auth.structure.id,
        tokenId: auth.token.id,
        idempotencyKey: key,
        audit: { actor: actorOf(req), ip: req.ip, status: 201 },
        quotas,
      });
      if (stored.kind === "quota") throw await refuseOverQuota(req, stored.refusal);
      if (stored.kind === "conflict") {
        throw new HttpProblem(
          409,
          "idempotency-conflict",
          "Clé d'idempotence déjà utilisée",
          "Cette clé Idempotency-Key a déjà servi pour un autre contenu. Un bilan modifié doit être envoyé avec une nouvelle clé.",
        );
      }
      if (stored.kind === "created")
        return reply
          .code(201)
          .header("location", `/api/v1/submissions/${stored.receipt.id}`)
          .send(stored.receipt);
      return reply.code(200).send(stored.receipt);
    },
  );
};

/** The 400 or 422 for a body that cannot be stored, in French, schema errors located by JSON pointer. */
function bodyProblem(outcome: Exclude<BodyOutcome, { ok: true }>): HttpProblem {
  if (outcome.reason === "utf8") return invalidUtf8();
  if (outcome.reason !== "schema") return invalidJson(outcome.reason);
  const n = outcome.errors.length;
  return new HttpProblem(
    422,
    "invalid-payload",
    "Bilan non conforme au format v1",
    `Le bilan envoyé ne respecte pas le format v1 (${n} erreur${n > 1 ? "s" : ""}) : voir la liste « errors ».`,
    {
      errors: outcome.errors.map((e) => ({ pointer: e.pointer, detail: e.message })),
    },
  );
}

const submissions: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.hubDb;
  await app.register(postSubmissionRoute);

  app.get(
    "/api/v1/submissions",
    {
      config: { access: "any" },
      schema: {
        summary: "Lister les envois (jeton départemental ; un jeton de structure ne voit que les siens)",
        querystring: SubmissionsQuery,
        response: {
          200: z.object({ submissions: z.array(SubmissionSummary) }).describe("Envois"),
          400: problem("Paramètre invalide"),
          403: problem("SIRET d'une autre structure"),
          ...authProblems,
        },
      },
    },
    async (req) => {
      const auth = authOf(req);
      const { period, siret, kind } = req.query;
      const limit = req.query.limit === undefined ? 100 : Number(req.query.limit);
      const offset = req.query.offset === undefined ? 0 : Number(req.query.offset);
      let structureId: number | undefined;
      if (auth.role === "structure") {
        if (siret !== undefined && siret !== auth.structure.siret)
          throw forbidden("Un jeton de structure ne donne accès qu'aux envois de sa propre structure.");
        structureId = auth.structure.id;
      } else if (siret !== undefined) {
        const st = await findStructureBySiret(db, siret);
        if (!st) return { submissions: [] };
      }
      return { submissions: await listSubmissions(db, { period, siret, kind, structureId, limit, offset }) };
    },
  );

  app.get(
    "/api/v1/submissions/:id",
    {
      config: { access: "any" },
      schema: {
        summary: "Un envoi, avec son contenu",
        params: z.object({ id: z.string().describe("Identifiant de l'envoi (UUID)") }),
        response: {
          200: SubmissionDetail.describe("Envoi"),
          404: problem("Inconnu (ou d'une autre structure)"),
          ...authProblems,
        },
      },
    },
    async (req) => {
      const auth = authOf(req);
      const id = req.params.id;
      if (!/^[0-9a-f-]{36}$/.test(id)) throw notFound("Aucun envoi avec cet identifiant.");
      const s = await getSubmission(db, id);
      // Another structure's submission is "not found": its existence is not disclosed.
      if (!s || (auth.role === "structure" && s.structureId !== auth.structure.id))
        throw notFound("Aucun envoi avec cet identifiant.");
      if (auth.role === "department")
        await audit(app.hubDb, {
          actor: actorOf(req),
          action: "submission.read",
          target: id,
          ip: req.ip,
          status: 200,
        });
      const { structureId: _structureId, ...rest } = s;
      return rest;
    },
  );
};

export const submissionsRoutes = fp(submissions, {
  name: "hub-submissions",
  fastify: "5.x",
  encapsulate: true,
  dependencies: ["hub-db", "hub-auth", "hub-openapi"],
});
