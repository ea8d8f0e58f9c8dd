/**
 * An HTTP error answered as application/problem+json (RFC 9457) with a French `detail` for the user.
 * Thrown from routes and hooks; the errors plugin turns it into the response.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = "HttpProblem";
  }
}

export const PROBLEM_CONTENT_TYPE = "application/problem+json; charset=utf-8";

export function problemBody(
  p: { status: number; slug: string; title: string; detail: string; extra?: Record<string, unknown> },
  instance?: string,
) {
  return {
    type: `urn:bilan-iae:problem:${p.slug}`,
    title: p.title,
    status: p.status,
    detail: p.detail,
    ...(instance ? { instance } : {}),
    ...(p.extra ?? {}),
  };
}

export const unauthorized = (detail: string) =>
  new HttpProblem(
    401,
    "unauthorized",
    "Authentification requise",
    detail,
    {},
    { "WWW-Authenticate": 'Bearer realm="bilan-iae"' },
  );
export const forbidden = (detail: string) => new HttpProblem(403, "forbidden", "Accès refusé", detail);
export const notFound = (detail: string) => new HttpProblem(404, "not-found", "Introuvable", detail);
export const badRequest = (detail: string, extra: Record<string, unknown> = {}) =>
  new HttpProblem(400, "bad-request", "Requête invalide", detail, extra);

/** The 400 for a JSON body that cannot be read, saying which: empty, not JSON, or a forbidden key. */
export function invalidJson(reason: "empty" | "json" | "forbidden-key"): HttpProblem {
  const detail =
    reason === "empty"
      ? "Le corps JSON est vide."
      : reason === "json"
        ? "Le corps n'est pas un JSON valide."
        : "Le corps contient une clé interdite (__proto__ ou constructor) : elle est refusée pour protéger le hub.";
  return new HttpProblem(400, "invalid-json", "JSON invalide", detail);
}

/** The 400 for a body whose bytes are not valid UTF-8 (JSON is UTF-8: RFC 8259). */
export function invalidUtf8(): HttpProblem {
  return new HttpProblem(
    400,
    "invalid-encoding",
    "Encodage invalide",
    "Le corps contient des octets qui ne sont pas de l'UTF-8 valide. Enregistrez ou envoyez le JSON en UTF-8.",
  );
}
