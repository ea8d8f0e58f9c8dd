import type { QuotaConfig } from "./config";
import { frenchSpacing } from "./french";
import { HttpProblem } from "./problem";

/** Which quota a submission would exceed (config.ts: QuotaConfig). */
export type QuotaLimit = "versionsPerPeriod" | "bytesPerPeriod" | "bytesPerStructure" | "databaseBytes";

export interface QuotaRefusal {
  limit: QuotaLimit;
  max: number;
  /** Versions or bytes already stored (the database's size for databaseBytes). */
  used: number;
  /** Bytes of the refused submission. */
  incoming: number;
  period: string;
}

/** What one structure has stored: versions and bytes for the submission's period, bytes in all. */
export interface StructureUsage {
  versions: number;
  periodBytes: number;
  structureBytes: number;
}

/** The first quota a new submission of `incoming` bytes would exceed, or null. */
export function quotaRefusal(
  usage: StructureUsage,
  incoming: number,
  quotas: QuotaConfig,
  period: string,
): QuotaRefusal | null {
  if (usage.versions >= quotas.versionsPerPeriod)
    return {
      limit: "versionsPerPeriod",
      max: quotas.versionsPerPeriod,
      used: usage.versions,
      incoming,
      period,
    };
  if (usage.periodBytes + incoming > quotas.bytesPerPeriod)
    return { limit: "bytesPerPeriod", max: quotas.bytesPerPeriod, used: usage.periodBytes, incoming, period };
  if (usage.structureBytes + incoming > quotas.bytesPerStructure)
    return {
      limit: "bytesPerStructure",
      max: quotas.bytesPerStructure,
      used: usage.structureBytes,
      incoming,
      period,
    };
  return null;
}

/** "4,6 Mo", "820 Ko", "10 Go": sizes as the French messages say them. */
export function formatBytes(n: number): string {
  const units: [number, string][] = [
    [1024 ** 3, "Go"],
    [1024 ** 2, "Mo"],
    [1024, "Ko"],
  ];
  for (const [size, unit] of units) {
    if (n >= size) return `${String(Math.round((n / size) * 10) / 10).replace(".", ",")}\u00a0${unit}`;
  }
  return `${n}\u00a0octet${n > 1 ? "s" : ""}`;
}

/**
 * The refusal as the sender reads it: the version cap is a 429 (too many sends), the byte caps a 413 (too
 * much stored); `limit`, `max` and `used` say which, for programs. No Retry-After: waiting does not lift a quota.
 */
export function quotaProblem(r: QuotaRefusal): HttpProblem {
  const extra = { limit: r.limit, max: r.max, used: r.used };
  const ask =
    "Si un nouvel envoi est vraiment nécessaire, demandez au Département (administrateur du hub) de relever la limite.";
  const problem = (status: number, slug: string, title: string, detail: string) =>
    new HttpProblem(status, slug, title, frenchSpacing(detail), extra);
  switch (r.limit) {
    case "versionsPerPeriod":
      return problem(
        429,
        "quota-versions",
        "Quota d'envois atteint",
        `La structure a déjà envoyé ${r.used} versions pour la période ${r.period}, la limite du hub (${r.max}). Vérifiez le bilan avant de l'envoyer à nouveau. ${ask}`,
      );
    case "bytesPerPeriod":
      return problem(
        413,
        "quota-bytes",
        "Quota de stockage atteint",
        `Les versions déjà envoyées pour la période ${r.period} occupent ${formatBytes(r.used)} ; avec ce bilan (${formatBytes(r.incoming)}), la limite de ${formatBytes(r.max)} par structure et par période serait dépassée. ${ask}`,
      );
    case "bytesPerStructure":
      return problem(
        413,
        "quota-bytes",
        "Quota de stockage atteint",
        `Les bilans déjà envoyés par la structure occupent ${formatBytes(r.used)} ; avec celui-ci (${formatBytes(r.incoming)}), la limite de ${formatBytes(r.max)} par structure serait dépassée. ${ask}`,
      );
    case "databaseBytes":
      return problem(
        413,
        "quota-database",
        "Base du hub pleine",
        `La base du hub a atteint sa taille maximale (${formatBytes(r.max)}) : aucun nouveau bilan ne peut être enregistré pour l'instant. Prévenez le Département (administrateur du hub).`,
      );
  }
}
