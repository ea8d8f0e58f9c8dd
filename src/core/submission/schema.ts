import { z } from "zod";
import { KINDS } from "../model/kinds";
import { INDICATOR_KEYS, type IndicatorKey } from "../model/indicators";
import { PERSON_FIELDS } from "../model/fields";
import { dayFromIso } from "../dates/day-number";
import {
  BIRTH_YEAR_MAX,
  BIRTH_YEAR_MIN,
  EDUCATION_LEVEL_PATTERN,
  EXIT_MOTIF_MAX_LENGTH,
  FT_DURATIONS,
  HOURS_LIMIT,
  ISO_DATE_PATTERN,
  MAX_RECORDS,
  PERSON_KEY_PATTERN,
  RSA_VALUES,
  SEXES,
} from "./record-fields";
import { checkedRecords } from "./record-check";

/**
 * Submission payload v1: what a structure sends to the department's hub (domain §5), defined once and shared
 * by the client, the CLI and the hub. Every object holding data about a person or a structure is strict: an
 * unknown field (a name, a birth date, a NIR, an address…) makes the whole payload invalid, so personal data can
 * never be stored by mistake. Aggregates may grow without a new version: see docs/compatibilite-format.md.
 */
export const SUBMISSION_SCHEMA_VERSION = 1 as const;

const isoDate = z
  .string()
  .regex(ISO_DATE_PATTERN, { message: "Date attendue au format AAAA-MM-JJ." })
  .refine((s) => dayFromIso(s) !== null, { message: "Date inexistante." });

const nullableBool = z.boolean().nullable();
const hours = z.number().min(-HOURS_LIMIT).max(HOURS_LIMIT).nullable();

export const submissionRecordSchema = z.strictObject({
  key: z
    .string()
    .regex(PERSON_KEY_PATTERN, {
      message: "Clé pseudonyme attendue : HMAC-SHA-256 en hexadécimal (64 caractères).",
    })
    .nullable(),
  sex: z.enum(SEXES).nullable(),
  birthYear: z.number().int().min(BIRTH_YEAR_MIN).max(BIRTH_YEAR_MAX).nullable(),
  qpv: nullableBool,
  zrr: nullableBool,
  rsa: z.enum(RSA_VALUES).nullable(),
  ass: nullableBool,
  aah: nullableBool,
  rqth: nullableBool,
  ftDuration: z.enum(FT_DURATIONS).nullable(),
  educationLevel: z
    .string()
    .regex(EDUCATION_LEVEL_PATTERN, { message: "Code de niveau de formation ASP attendu (2 chiffres)." })
    .nullable(),
  hireDate: isoDate.nullable(),
  exitDate: isoDate.nullable(),
  exitMotif: z.string().min(1).max(EXIT_MOTIF_MAX_LENGTH).nullable(),
  hoursWorked: hours,
  hoursSinceHire: hours,
});

export const submissionStructureSchema = z.strictObject({
  siret: z.string().regex(/^\d{14}$/, { message: "SIRET attendu : 14 chiffres sans espace." }),
  name: z.string().min(1).max(300),
  kind: z.enum(KINDS),
  afNumber: z.string().max(40).nullable(),
  department: z.string().regex(/^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$/, {
    message: "Code de département attendu (01–95, 2A, 2B, 971–976).",
  }),
  periodStart: isoDate,
  periodEnd: isoDate,
  fteConventioned: z.number().min(0).max(1_000_000).nullable(),
  annualHoursPerFte: z.number().positive().max(10_000).nullable(),
  cdCofinancedAmount: z.number().min(0).max(1e12).nullable(),
});

/** Names a newer client may add (indicator keys, finding codes): identifiers, never free text. */
const INDICATOR_KEY_PATTERN = /^[a-z][A-Za-z0-9]{0,63}$/;
const FINDING_CODE_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** Room for a newer client's extra indicators, bounded so a payload cannot carry arbitrary data there. */
export const MAX_EXTRA_INDICATORS = 100;
const MAX_RULE_LINES = 600;

/**
 * Indicators added after format v1 was first published: a v1 client does not send them, so they stay
 * optional in v1 (absent reads as not computed, see consolidate/combine.ts); required only in a new version.
 */
export const INDICATORS_ADDED_IN_V1: readonly IndicatorKey[] = ["exitsToTraining", "rateTraining"];

const indicatorShape = Object.fromEntries(
  INDICATOR_KEYS.map((k) => [
    k,
    INDICATORS_ADDED_IN_V1.includes(k) ? z.number().nullable().optional() : z.number().nullable(),
  ]),
) as unknown as Record<IndicatorKey, z.ZodNullable<z.ZodNumber>>;
/** Every indicator this version knows is required; a newer client's extra keys (numbers or null) are kept. */
export const indicatorsSchema = z
  .object(indicatorShape)
  .catchall(z.number().nullable())
  .superRefine((indicators, ctx) => {
    const extra = Object.keys(indicators).filter((k) => !(k in indicatorShape));
    for (const k of extra) {
      if (!INDICATOR_KEY_PATTERN.test(k)) {
        ctx.addIssue({
          code: "custom",
          path: [k],
          message: `Nom d'indicateur « ${k.slice(0, 40)} » invalide : identifiant en camelCase attendu (lettres et chiffres, 64 caractères au plus).`,
        });
      }
    }
    if (extra.length > MAX_EXTRA_INDICATORS) {
      ctx.addIssue({
        code: "custom",
        path: [],
        message: `Trop d'indicateurs inconnus du format v1 (${extra.length}, au plus ${MAX_EXTRA_INDICATORS}).`,
      });
    }
  });

const count = z.number().int().min(0).max(1e9);

export const validationSummarySchema = z.strictObject({
  valid: z.boolean(),
  counts: z.strictObject({ error: count, warning: count, info: count }),
  rules: z
    .array(
      z.strictObject({
        // Any well-formed code: a newer client's new rule is stored as is, never a 422 (docs/compatibilite-format.md).
        code: z.string().max(64).regex(FINDING_CODE_PATTERN, {
          message:
            "Code de contrôle invalide : identifiant en minuscules avec tirets attendu (par exemple « column-missing »).",
        }),
        severity: z.enum(["error", "warning", "info"]),
        count,
      }),
    )
    .max(MAX_RULE_LINES),
});

export const submissionPayloadSchema = z
  .strictObject({
    schemaVersion: z.literal(SUBMISSION_SCHEMA_VERSION),
    generator: z.strictObject({ name: z.string().min(1).max(100), version: z.string().min(1).max(50) }),
    rulesVersion: z.string().min(1).max(50),
    structure: submissionStructureSchema,
    /** Columns present in the workbook: a share whose column is absent is null, and the hub must know it to recompute. */
    fieldsPresent: z.array(z.enum(PERSON_FIELDS)).max(PERSON_FIELDS.length),
    indicators: indicatorsSchema,
    validation: validationSummarySchema,
    records: z.array(submissionRecordSchema).max(MAX_RECORDS),
  })
  .superRefine((p, ctx) => {
    if (p.structure.periodStart > p.structure.periodEnd) {
      ctx.addIssue({
        code: "custom",
        path: ["structure", "periodEnd"],
        message: "La fin de période précède son début.",
      });
    }
  });

export type SubmissionPayload = z.infer<typeof submissionPayloadSchema>;
export type SubmissionRecord = z.infer<typeof submissionRecordSchema>;
export type ValidationSummary = z.infer<typeof validationSummarySchema>;

/** One schema error, located by its JSON pointer (RFC 6901) in the payload. */
export interface PayloadError {
  pointer: string;
  message: string;
}

export function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => "/" + String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

/** Validates an untrusted value as a v1 payload; errors are French and located by JSON pointer. */
export function parseSubmissionPayload(
  value: unknown,
): { ok: true; payload: SubmissionPayload } | { ok: false; errors: PayloadError[] } {
  // Fast path: the records (the bulk of a payload) through the hand-written checker, the rest through zod.
  // Any doubt falls through to zod on the whole payload, which stays the definition and the error reporter.
  const checked = fastParse(value);
  if (checked) return { ok: true, payload: checked };
  // Plain parse first: a custom error map turns off zod's compiled fast path; it is only needed for messages.
  const fast = submissionPayloadSchema.safeParse(value);
  if (fast.success) return { ok: true, payload: fast.data };
  const r = submissionPayloadSchema.safeParse(value, { error: frenchError });
  if (r.success) return { ok: true, payload: r.data };
  return {
    ok: false,
    errors: r.error.issues.slice(0, 200).map((i) => ({ pointer: jsonPointer(i.path), message: i.message })),
  };
}

function fastParse(value: unknown): SubmissionPayload | null {
  // Parsed JSON only (plain prototype): zod also sees inherited keys, which a spread would drop.
  if (typeof value !== "object" || value === null || Object.getPrototypeOf(value) !== Object.prototype)
    return null;
  const records = checkedRecords((value as { records?: unknown }).records, MAX_RECORDS);
  if (!records) return null;
  const head = submissionPayloadSchema.safeParse({ ...value, records: [] });
  // Spread keeps the schema's key order (records stays where zod put it): the canonical JSON is unchanged.
  return head.success ? { ...head.data, records } : null;
}

/** The JSON Schema (draft 2020-12) of the payload, published for other clients. */
export function submissionJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(submissionPayloadSchema, {
    target: "draft-2020-12",
    unrepresentable: "any",
  }) as Record<string, unknown>;
  return {
    $id: "https://bilan-iae.fr/schemas/submission-v1.schema.json",
    title: "Bilan IAE — envoi v1",
    description:
      "Bilan d'une SIAE envoyé au hub départemental : structure, période, indicateurs, contrôles et enregistrements pseudonymes (aucun nom, date de naissance, adresse ni NIR).",
    ...schema,
  };
}

type Issue = Parameters<z.core.$ZodErrorMap>[0];

/** French messages for zod's built-in checks (messages set in the schema above win). */
function frenchError(issue: Issue): string {
  switch (issue.code) {
    case "unrecognized_keys":
      return `Champ non autorisé : ${issue.keys.map((k) => `« ${k} »`).join(", ")}. Le format v1 n'accepte que les champs prévus (aucune donnée personnelle).`;
    case "invalid_type":
      return issue.input === undefined
        ? missingField(issue.path)
        : `Type invalide : ${frenchType(issue.expected)} attendu.`;
    case "invalid_value":
      if (issue.input === undefined) return missingField(issue.path);
      return `Valeur invalide : attendu ${issue.values.map((v) => JSON.stringify(v)).join(", ")}.`;
    case "too_small":
      return issue.origin === "string"
        ? `Texte trop court (au moins ${issue.minimum} caractère(s)).`
        : `Valeur trop petite (minimum ${issue.minimum}).`;
    case "too_big":
      return issue.origin === "string"
        ? `Texte trop long (au plus ${issue.maximum} caractères).`
        : issue.origin === "array"
          ? `Trop d'éléments (au plus ${issue.maximum}).`
          : `Valeur trop grande (maximum ${issue.maximum}).`;
    case "invalid_format":
      return "Format invalide.";
    case "not_multiple_of":
      return "Nombre entier attendu.";
    default:
      return "Valeur invalide.";
  }
}

/** Names the missing field, since a reader of the message may not read JSON pointers. */
function missingField(path: readonly PropertyKey[] | undefined): string {
  const name = path?.length ? path.map(String).join(".") : undefined;
  return name ? `Champ obligatoire manquant : « ${name} ».` : "Champ obligatoire manquant.";
}

function frenchType(t: string): string {
  const names: Record<string, string> = {
    string: "un texte",
    number: "un nombre",
    int: "un nombre entier",
    boolean: "un booléen (true/false)",
    object: "un objet",
    array: "une liste",
    null: "null",
  };
  return names[t] ?? t;
}
