import type { IndicatorContext, IndicatorRow } from "../../../src/core/indicators/compute";
import type { PersonField } from "../../../src/core/model/fields";
import { PERSON_FIELDS } from "../../../src/core/model/fields";
import type { StructureInfo } from "../../../src/core/model/structure";
import { DEFAULT_CONFIG } from "../../../src/core/config/defaults";
import { createMotifIndex } from "../../../src/core/config/motifs";
import { dayFromIso } from "../../../src/core/dates/day-number";

/** "2025-03-15" → day number; throws on a typo so a fixture never silently holds null. */
export function d(iso: string): number {
  const v = dayFromIso(iso);
  if (v === null) throw new Error(`bad fixture date ${iso}`);
  return v;
}

export function row(partial: Partial<IndicatorRow>): IndicatorRow {
  return {
    identity: null,
    sex: null,
    birthYear: null,
    qpv: null,
    zrr: null,
    rsa: null,
    ass: null,
    aah: null,
    rqth: null,
    ftDuration: null,
    educationLevel: null,
    hireDate: null,
    exitDate: null,
    exitMotif: null,
    hoursWorked: null,
    hoursSinceHire: null,
    ...partial,
  };
}

export function structure(partial: Partial<StructureInfo> = {}): StructureInfo {
  return {
    siret: "12345678900011",
    name: "Chantier des Essarts",
    kind: "ACI",
    afNumber: null,
    department: "38",
    periodStart: "2025-01-01",
    periodEnd: "2025-12-31",
    fteConventioned: null,
    annualHoursPerFte: null,
    cdCofinancedAmount: null,
    ...partial,
  };
}

export const MOTIFS = createMotifIndex(DEFAULT_CONFIG.exitMotifs);

export function context(
  s: Partial<StructureInfo> = {},
  fieldsPresent: readonly PersonField[] = PERSON_FIELDS,
): IndicatorContext {
  return { structure: structure(s), fieldsPresent, config: DEFAULT_CONFIG, motifs: MOTIFS };
}
