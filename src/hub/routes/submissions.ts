import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { isKind } from "../../core";
import { isPeriodKey } from "../../core/submission";
import { findByIdempotencyKey, getSubmission, listSubmissions, storeSubmission } from "../db/repositories/submissions";
import { databaseBytes } from "../db/size";
import { quotaProblem, type QuotaRefusal } from "../quotas";
import { findStructureBySiret } from "../db/repositories/structures";
import { audit } from "../db/repositories/audit";
import { actorOf, type Auth } from "../plugins/auth";
import type { BodyOutcome } from "../ingest/parse-body";
import { HttpProblem, badRequest, forbidden, invalidJson, invalidUtf8, notFound } from "../problem";

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

function authOf(req: FastifyRequest): Auth {
  if (!req.auth) throw new Error("route without authentication");
  return req.auth;
}

function queryString(q: unknown, name: string): string | undefined {
  const v = (q as Record<string, unknown>)[name];
  if (v === undefined) return undefined;
  if (typeof v !== "string") throw badRequest(`Paramètre « ${name} » répété ou invalide.`);
  return v;
}

export function periodParam(q: unknown, required: boolean): string | undefined {
  const period = queryString(q, "period");
  if (period === undefined) {
    if (required) throw badRequest("Paramètre « period » obligatoire, par exemple ?period=2025 (ou 2025-Q1, 2025-S1, 2025-03).");
    return undefined;
  }
  if (!isPeriodKey(period)) throw badRequest(`Période « ${period.slice(0, 40)} » invalide : attendu 2025, 2025-S1, 2025-Q1, 2025-03 ou AAAA-MM-JJ_AAAA-MM-JJ.`);
  return period;
}

/**
 * POST /api/v1/submissions, in its own context: the body is taken as bytes (no JSON parsing on the event loop)
 * and handed to an ingest thread (hubIngest), which parses, validates and prepares it.
 */
const postSubmissionRoute: FastifyPluginAsync = async (app) => {
  const { db } = app.hubDb;
  /** Audited (the department sees who hits a quota), logged without the token, answered with a problem. */
  const refuseOverQuota = async (req: FastifyRequest, r: QuotaRefusal): Promise<HttpProblem> => {
    const problem = quotaProblem(r);
    const auth = authOf(req);
    await audit(app.hubDb, { actor: actorOf(req), action: "submission.quota", target: auth.role === "structure" ? auth.structure.siret : null, ip: req.ip, status: problem.status, details: `${r.limit} ${r.period}` });
    req.log.warn({ limit: r.limit, max: r.max, used: r.used, actor: actorOf(req) }, "quota atteint");
    return problem;
  };
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (_req, body, done) => done(null, body));

  app.post("/api/v1/submissions", { config: { access: "any" } }, async (req, reply) => {
    const auth = authOf(req);
    if (auth.role !== "structure") throw forbidden("Un envoi de bilan se fait avec le jeton de la structure, pas avec un jeton départemental.");
    const key = req.headers["idempotency-key"];
    if (typeof key !== "string" || !IDEMPOTENCY_KEY.test(key)) {
      throw badRequest("En-tête « Idempotency-Key » manquant ou invalide (1 à 200 caractères ASCII visibles) : il permet de renvoyer un bilan sans risque de doublon.");
    }
    const body = req.body instanceof Uint8Array ? req.body : new Uint8Array(0);
    // Dropped here: the ingest thread works on its own copy, so nothing of the body stays referenced while waiting.
    req.body = undefined;
    const outcome = await app.hubIngest.parse(body);
    if (!outcome.ok) throw bodyProblem(outcome);
    const prepared = outcome.prepared;
    if (prepared.siret !== auth.structure.siret) {
      await audit(app.hubDb, { actor: actorOf(req), action: "submission.denied", target: auth.structure.siret, ip: req.ip, status: 403, details: "siret mismatch" });
      throw forbidden(`Ce jeton appartient à la structure SIRET ${auth.structure.siret} : il ne peut pas envoyer le bilan d'une autre structure (SIRET ${prepared.siret}).`);
    }
    if (!auth.structure.kinds.includes(prepared.kind)) {
      throw forbidden(`La structure ${auth.structure.siret} n'est pas enregistrée au hub pour le type ${prepared.kind} (types enregistrés : ${auth.structure.kinds.join(", ")}). Demandez au Département de l'ajouter.`);
    }
    const quotas = app.hubConfig.quotas;
    const dbBytes = await databaseBytes(app.hubDb);
    if (dbBytes + prepared.payload.byteLength > quotas.databaseBytes) {
      // A full database still answers the replay of a stored key (the sender must get its receipt).
      const replay = await findByIdempotencyKey(db, auth.structure.id, auth.structure.siret, key, prepared.contentHash);
      if (replay?.kind === "replay") return reply.code(200).send(replay.receipt);
      throw await refuseOverQuota(req, { limit: "databaseBytes", max: quotas.databaseBytes, used: dbBytes, incoming: prepared.payload.byteLength, period: prepared.period });
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
      throw new HttpProblem(409, "idempotency-conflict", "Clé d'idempotence déjà utilisée", "Cette clé Idempotency-Key a déjà servi pour un autre contenu. Un bilan modifié doit être envoyé avec une nouvelle clé.");
    }
    const status = stored.kind === "created" ? 201 : 200;
    if (status === 201) void reply.header("location", `/api/v1/submissions/${stored.receipt.id}`);
    return reply.code(status).send(stored.receipt);
  });
};

/** The 400 or 422 for a body that cannot be stored, in French, schema errors located by JSON pointer. */
function bodyProblem(outcome: Exclude<BodyOutcome, { ok: true }>): HttpProblem {
  if (outcome.reason === "utf8") return invalidUtf8();
  if (outcome.reason !== "schema") return invalidJson(outcome.reason);
  const n = outcome.errors.length;
  return new HttpProblem(422, "invalid-payload", "Bilan non conforme au format v1", `Le bilan envoyé ne respecte pas le format v1 (${n} erreur${n > 1 ? "s" : ""}) : voir la liste « errors ».`, {
    errors: outcome.errors.map((e) => ({ pointer: e.pointer, detail: e.message })),
  });
}

export const submissionsRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.hubDb;
  await app.register(postSubmissionRoute);

  app.get("/api/v1/submissions", { config: { access: "any" } }, async (req) => {
    const auth = authOf(req);
    const period = periodParam(req.query, false);
    const siret = queryString(req.query, "siret");
    const kind = queryString(req.query, "kind");
    if (siret !== undefined && !/^\d{14}$/.test(siret)) throw badRequest("Paramètre « siret » invalide : 14 chiffres attendus.");
    if (kind !== undefined && !isKind(kind)) throw badRequest("Paramètre « kind » invalide : ACI, AI, EI, ETTI ou EITI.");
    const limit = intParam(queryString(req.query, "limit"), 100, 1, 1000, "limit");
    const offset = intParam(queryString(req.query, "offset"), 0, 0, 1e9, "offset");
    let structureId: number | undefined;
    if (auth.role === "structure") {
      if (siret !== undefined && siret !== auth.structure.siret) throw forbidden("Un jeton de structure ne donne accès qu'aux envois de sa propre structure.");
      structureId = auth.structure.id;
    } else if (siret !== undefined) {
      const st = await findStructureBySiret(db, siret);
      if (!st) return { submissions: [] };
    }
    return { submissions: await listSubmissions(db, { period, siret, kind, structureId, limit, offset }) };
  });

  app.get<{ Params: { id: string } }>("/api/v1/submissions/:id", { config: { access: "any" } }, async (req) => {
    const auth = authOf(req);
    const id = req.params.id;
    if (!/^[0-9a-f-]{36}$/.test(id)) throw notFound("Aucun envoi avec cet identifiant.");
    const s = await getSubmission(db, id);
    // Another structure's submission is "not found": its existence is not disclosed.
    if (!s || (auth.role === "structure" && s.structureId !== auth.structure.id)) throw notFound("Aucun envoi avec cet identifiant.");
    if (auth.role === "department") await audit(app.hubDb, { actor: actorOf(req), action: "submission.read", target: id, ip: req.ip, status: 200 });
    const { structureId: _structureId, ...rest } = s;
    return rest;
  });
};

function intParam(v: string | undefined, fallback: number, min: number, max: number, name: string): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < min || n > max) throw badRequest(`Paramètre « ${name} » invalide : entier entre ${min} et ${max} attendu.`);
  return n;
}
