import type { FastifyError } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { HttpProblem, PROBLEM_CONTENT_TYPE, badRequest, problemBody } from "../problem";
import fp from "fastify-plugin";

/** French details for the errors Fastify raises itself (body parsing, limits, routing). */
const FASTIFY_ERRORS: Record<string, { status: number; slug: string; title: string; detail: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    slug: "payload-too-large",
    title: "Envoi trop volumineux",
    detail:
      "Le corps de la requête dépasse la taille maximale acceptée (5 Mo). Vérifiez que le fichier envoyé est bien un bilan.",
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    slug: "unsupported-media-type",
    title: "Type de contenu non pris en charge",
    detail: "Le corps doit être du JSON : en-tête Content-Type: application/json attendu.",
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    slug: "bad-request",
    title: "Requête invalide",
    detail: "La longueur annoncée du corps (Content-Length) ne correspond pas au corps reçu.",
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    slug: "invalid-json",
    title: "JSON invalide",
    detail: "Le corps JSON est vide.",
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    slug: "invalid-json",
    title: "JSON invalide",
    detail: "Le corps n'est pas un JSON valide.",
  },
};

/** Every error becomes application/problem+json; never a stack trace, never the request body. */
export const errorsPlugin = fp(
  async (app) => {
    app.setErrorHandler((err: FastifyError | HttpProblem, req, reply) => {
      // A parameter refused by its route schema (schemas.ts): the schema's French message, for the first one.
      if (hasZodFastifySchemaValidationErrors(err))
        err = badRequest(err.validation[0]?.message ?? "La requête est invalide.");
      if (err instanceof HttpProblem) {
        if (err.status >= 500) req.log.error({ err }, "hub problem");
        void reply
          .code(err.status)
          .headers(err.headers)
          .type(PROBLEM_CONTENT_TYPE)
          .send(problemBody(err, req.url.split("?")[0]));
        return;
      }
      const known = err.code ? FASTIFY_ERRORS[err.code] : undefined;
      const status =
        known?.status ??
        (typeof err.statusCode === "number" && err.statusCode >= 400 && err.statusCode < 500
          ? err.statusCode
          : 500);
      if (status >= 500) {
        req.log.error({ err }, "erreur interne");
        void reply
          .code(500)
          .type(PROBLEM_CONTENT_TYPE)
          .send(
            problemBody({
              status: 500,
              slug: "internal",
              title: "Erreur interne",
              detail:
                "Le hub a rencontré une erreur interne. Réessayez plus tard ; si le problème persiste, contactez l'administrateur du hub.",
            }),
          );
        return;
      }
      req.log.info({ code: err.code, statusCode: status }, "requête refusée");
      // A JSON syntax error (or a forbidden __proto__ key) reaches here as a 400 SyntaxError from the parser.
      const fallback =
        err instanceof SyntaxError || /JSON|prototype/i.test(err.message)
          ? {
              slug: "invalid-json",
              title: "JSON invalide",
              detail:
                "Le corps n'est pas un JSON valide (ou contient une clé interdite comme __proto__ ou constructor).",
            }
          : { slug: "bad-request", title: "Requête invalide", detail: "La requête est invalide." };
      const p = known ?? { status, ...fallback };
      void reply
        .code(status)
        .type(PROBLEM_CONTENT_TYPE)
        .send(problemBody({ ...p, status }, req.url.split("?")[0]));
    });
    app.setNotFoundHandler((req, reply) => {
      void reply
        .code(404)
        .type(PROBLEM_CONTENT_TYPE)
        .send(
          problemBody({
            status: 404,
            slug: "not-found",
            title: "Introuvable",
            detail: `Aucune ressource à l'adresse ${req.method} ${req.url.split("?")[0]}.`,
          }),
        );
    });
  },
  { name: "hub-errors", fastify: "5.x" },
);
