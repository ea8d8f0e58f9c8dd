import { z } from "zod";
import { INDICATOR_KEYS, KINDS } from "../core";
import type {
  Consolidation as ConsolidationOf,
  RulesConfig as RulesConfigOf,
  StructuresStatus,
} from "../core";
import { isPeriodKey, submissionPayloadSchema } from "../core/submission";
import type {
  SubmissionDetail as SubmissionDetailOf,
  SubmissionSummary as SubmissionSummaryOf,
} from "./db/repositories/submissions";

/**
 * The zod schemas of the hub's routes: Fastify validates parameters with them (fastify-type-provider-zod) and
 * @fastify/swagger generates /api/v1/openapi.json from them. Messages are French: they reach the user as the
 * `detail` of a 400 (plugins/errors.ts).
 */

/** Registered under an id: the document shows it once, in components.schemas. */
export const SubmissionV1 = submissionPayloadSchema.meta({
  id: "SubmissionV1",
  description: "Bilan d'une SIAE, format v1 (docs/api/submission-v1.schema.json).",
});

export const Problem = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().describe("Message en français."),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ pointer: z.string().describe("Pointeur JSON (RFC 6901)"), detail: z.string() }))
      .optional(),
  })
  .meta({ id: "Problem", description: "Erreur au format application/problem+json (RFC 9457)." });

/** A problem answer, documented with its content type (the errors plugin sends application/problem+json). */
export const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: Problem } },
});
export const authProblems = {
  401: problem("Jeton absent, inconnu ou révoqué"),
  429: problem("Trop de requêtes (voir Retry-After)"),
};

const indicatorShape = Object.fromEntries(INDICATOR_KEYS.map((k) => [k, z.number().nullable()]));
export const Indicators = z.object(indicatorShape).meta({ id: "Indicators" });

export const Receipt = z
  .object({
    id: z.string().describe("Identifiant de l'envoi (UUID)."),
    siret: z.string(),
    kind: z.string(),
    period: z.string(),
    version: z.number().int().min(1),
    receivedAt: z.string().describe("Date et heure de réception (ISO 8601)."),
    indicators: Indicators.describe("Indicateurs recalculés par le hub à partir des enregistrements."),
    indicatorsMismatch: z
      .boolean()
      .describe("Vrai quand les indicateurs envoyés diffèrent de ceux recalculés."),
  })
  .meta({ id: "Receipt" });

/** A loose schema that documents (and lets through) the engine's interface T: the handler's return is typed by T. */
const documents = <T>(schema: z.ZodType): z.ZodType<T> => schema as z.ZodType<T>;

const counts = z.object({ error: z.number(), warning: z.number(), info: z.number() });
const summaryShape = z.looseObject({
  id: z.string(),
  siret: z.string(),
  name: z.string(),
  kind: z.string(),
  period: z.string(),
  version: z.number().int(),
  receivedAt: z.string(),
  valid: z.boolean(),
  counts,
  recordCount: z.number().int(),
  indicatorsMismatch: z.boolean(),
  latest: z.boolean(),
});
export const SubmissionSummary = documents<SubmissionSummaryOf>(
  summaryShape.meta({ id: "SubmissionSummary" }),
);

/** One submission with its stored payload; loose, so a payload of a newer client is answered as stored. */
export const SubmissionDetail = documents<Omit<SubmissionDetailOf, "structureId">>(
  summaryShape
    .extend({
      schemaVersion: z.number().int(),
      contentHash: z.string(),
      indicators: z.looseObject({}),
      clientIndicators: z.looseObject({}),
      payload: z.looseObject({}),
    })
    .meta({ id: "SubmissionDetail" }),
);

export const RulesConfig = documents<RulesConfigOf>(
  z
    .looseObject({
      rulesVersion: z.string(),
      annualHoursPerFte: z.record(z.string(), z.number()),
      minimumStay: z.looseObject({}),
      exitMotifs: z.array(z.looseObject({})),
    })
    .meta({
      id: "RulesConfig",
      description: "Règles de calcul (même format que le fichier --config, complet).",
    }),
);

export const Consolidation = documents<ConsolidationOf>(
  z
    .looseObject({ reports: z.array(z.looseObject({})), byKind: z.looseObject({}), total: z.looseObject({}) })
    .meta({
      id: "Consolidation",
      description:
        "Même forme que `bilan-iae consolidate --json` : une ligne par rapport (dernière version), totaux par type et total départemental.",
    }),
);

/** A workbook's bytes (consolidation as .xlsx). */
export const XlsxBytes = documents<Buffer>(
  z.string().meta({ format: "binary", description: "Classeur .xlsx" }),
);

export const Status = documents<StructuresStatus>(
  z.looseObject({}).meta({
    id: "Status",
    description: "Chaque structure et type connus du hub : envoyé (dernière version) ou manquant.",
  }),
);

/** A query parameter given once; Fastify's parser turns a repeated one into an array. */
const single = (name: string, missing: string) =>
  z.string({
    error: (issue) => (issue.input === undefined ? missing : `Paramètre « ${name} » répété ou invalide.`),
  });

// Documents what isPeriodKey checks (it also refuses impossible dates, which a pattern cannot).
const PERIOD_PATTERN = "^\\d{4}(-(S[12]|Q[1-4]|0[1-9]|1[0-2]))?$|^\\d{4}-\\d{2}-\\d{2}_\\d{4}-\\d{2}-\\d{2}$";
const PERIOD_HELP =
  "Clé de période : 2025 (année civile), 2025-S1, 2025-Q1, 2025-03, ou AAAA-MM-JJ_AAAA-MM-JJ pour une autre période.";
export const period = single(
  "period",
  "Paramètre « period » obligatoire, par exemple ?period=2025 (ou 2025-Q1, 2025-S1, 2025-03).",
)
  .check((ctx) => {
    if (!isPeriodKey(ctx.value)) {
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        message: `Période « ${ctx.value.slice(0, 40)} » invalide : attendu 2025, 2025-S1, 2025-Q1, 2025-03 ou AAAA-MM-JJ_AAAA-MM-JJ.`,
      });
    }
  })
  .meta({ description: PERIOD_HELP, pattern: PERIOD_PATTERN });

/** A whole number in a range, given as text in the query string. */
const intText = (name: string, min: number, max: number) =>
  single(name, "")
    .check((ctx) => {
      const n = Number(ctx.value);
      if (!/^\d+$/.test(ctx.value) || n < min || n > max)
        ctx.issues.push({
          code: "custom",
          input: ctx.value,
          message: `Paramètre « ${name} » invalide : entier entre ${min} et ${max} attendu.`,
        });
    })
    .optional();

export const SubmissionsQuery = z.object({
  period: period.optional(),
  siret: single("siret", "")
    .regex(/^\d{14}$/, { message: "Paramètre « siret » invalide : 14 chiffres attendus." })
    .optional(),
  kind: z.enum(KINDS, { error: "Paramètre « kind » invalide : ACI, AI, EI, ETTI ou EITI." }).optional(),
  limit: intText("limit", 1, 1000),
  offset: intText("offset", 0, 1e9),
});

export const ConsolidationQuery = z.object({
  period,
  format: z
    .enum(["json", "csv", "xlsx"], { error: "Paramètre « format » invalide : json, csv ou xlsx." })
    .optional(),
});

export const PeriodQuery = z.object({ period });

export const IdempotencyHeaders = z.looseObject({
  "idempotency-key": z
    .string({
      error:
        "En-tête « Idempotency-Key » manquant ou invalide (1 à 200 caractères ASCII visibles) : il permet de renvoyer un bilan sans risque de doublon.",
    })
    .regex(/^[\x21-\x7e]{1,200}$/, {
      message:
        "En-tête « Idempotency-Key » manquant ou invalide (1 à 200 caractères ASCII visibles) : il permet de renvoyer un bilan sans risque de doublon.",
    })
    .describe("Même clé et même contenu : même reçu (200) ; même clé, autre contenu : 409."),
});
