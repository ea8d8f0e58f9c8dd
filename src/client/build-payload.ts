import type { Analysis } from "../core";
import {
  parseSubmissionPayload,
  SUBMISSION_SCHEMA_VERSION,
  type SubmissionPayload,
} from "../core/submission";
import { hmacSha256 } from "./crypto";

/** The department key must be long enough that nobody can rebuild the keys by trying every PASS number. */
export const MIN_DEPARTMENT_KEY_LENGTH = 16;

export class PayloadRefused extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
    this.name = "PayloadRefused";
  }
}

export interface BuildOptions {
  /** Department-wide secret shared with the structures; never stored in the workbook. */
  departmentKey: string;
  generator: { name: string; version: string };
}

/**
 * Builds the v1 submission of a checked workbook (domain §5): the structure, the period, the indicators, the
 * validation counts and, per person, only what the indicators need, keyed by an HMAC of the identity with the
 * department key. No name, birth date, address, PASS number or NIR is ever in it; the strict schema check at
 * the end is a second lock on that door.
 */
export async function buildSubmissionPayload(
  analysis: Analysis,
  options: BuildOptions,
): Promise<SubmissionPayload> {
  if (!analysis.report.valid) {
    throw new PayloadRefused(
      `Envoi impossible : le classeur contient encore ${analysis.report.counts.error} erreur(s). Corrigez-les puis vérifiez à nouveau.`,
    );
  }
  const key = options.departmentKey.trim();
  if (key.length < MIN_DEPARTMENT_KEY_LENGTH) {
    throw new PayloadRefused(
      `La clé du Département doit faire au moins ${MIN_DEPARTMENT_KEY_LENGTH} caractères : demandez-la au Conseil départemental.`,
    );
  }
  const s = analysis.structure;
  if (!s.siret || !s.name || !s.kind || !s.department || !s.periodStart || !s.periodEnd) {
    throw new PayloadRefused(
      "Envoi impossible : le bloc Structure est incomplet (SIRET, raison sociale, type, département, période).",
    );
  }
  const hmac = await hmacSha256(key);
  const cache = new Map<string, string>();
  const records = [];
  for (const r of analysis.records) {
    let pseudo: string | null = null;
    if (r.key !== null) {
      pseudo = cache.get(r.key) ?? (await hmac(r.key));
      cache.set(r.key, pseudo);
    }
    records.push({ ...r, key: pseudo });
  }
  const candidate = {
    schemaVersion: SUBMISSION_SCHEMA_VERSION,
    generator: options.generator,
    rulesVersion: analysis.rulesVersion,
    structure: {
      siret: s.siret,
      name: s.name,
      kind: s.kind,
      afNumber: s.afNumber,
      department: s.department,
      periodStart: s.periodStart,
      periodEnd: s.periodEnd,
      fteConventioned: s.fteConventioned,
      annualHoursPerFte: s.annualHoursPerFte,
      cdCofinancedAmount: s.cdCofinancedAmount,
    },
    fieldsPresent: analysis.table?.fieldsPresent ?? [],
    indicators: analysis.indicators,
    validation: {
      valid: analysis.report.valid,
      counts: analysis.report.counts,
      rules: analysis.report.rules.map((r) => ({ code: r.code, severity: r.severity, count: r.count })),
    },
    records,
  };
  const parsed = parseSubmissionPayload(candidate);
  if (!parsed.ok) {
    throw new PayloadRefused(
      "Le bilan ne peut pas être mis au format d'envoi v1 : " +
        parsed.errors
          .slice(0, 5)
          .map((e) => `${e.pointer} ${e.message}`)
          .join(" ; "),
      parsed.errors.map((e) => `${e.pointer} ${e.message}`),
    );
  }
  return parsed.payload;
}
