import type { RulesConfig } from "../model/config";
import { DEFAULT_EXIT_MOTIFS } from "./exit-motifs";

/**
 * Shipped defaults (domain §3, §4.3). Every [S]/[P] value is here, never in rule code,
 * so a department can override it with a JSON file.
 */
export const DEFAULT_CONFIG: RulesConfig = {
  rulesVersion: "2026.1",
  // ACI/AI/EI [C] real AF data; ETTI [S]; EITI [P].
  annualHoursPerFte: { ACI: 1820, AI: 1607, EI: 1505, ETTI: 1607, EITI: 1607 },
  // [C] pipeline, [S] wording.
  minimumStay: {
    ACI: { months: 3 },
    EI: { months: 3 },
    AI: { hours: 150 },
    ETTI: { hours: 150 },
    EITI: null,
  },
  age: { min: 16, max: 100, youngUnder: 26, seniorFrom: 50 },
  weeklyHours: { min: 20, minKinds: ["ACI", "EI"], max: 48 },
  contract: { minMonths: 4, minKinds: ["ACI", "EI", "AI"], maxMonths: 24, maxMonthsWithDerogation: 60 },
  maxHoursPerWeek: 48,
  period: { maxDays: 366 },
  unknownExitShareMax: 0.2,
  noNewsMotifCodes: ["8"],
  findingsCapPerRule: 1000,
  targets: { rateDynamic: 0.6, rateDurable: 0.25 },
  education: { belowCap: ["70", "01", "60"], capBep: ["50", "51"], nonCertified: ["00"] },
  exitMotifs: DEFAULT_EXIT_MOTIFS,
};
