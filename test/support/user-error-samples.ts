import {
  OFFICE_CODES,
  READ_REASONS,
  type OfficeErrorCode,
  type ReadCode,
  type UserErrorCode,
  type UserErrorParams,
} from "../../src/core/errors/codes";

type Samples = { [C in UserErrorCode]: UserErrorParams[C] };

const read = Object.fromEntries(
  READ_REASONS.map((r) => [`read.${r}`, { file: "bilan.xlsx", detail: "plus de 10 feuilles" }]),
) as { [C in ReadCode]: UserErrorParams[C] };
const office = Object.fromEntries(
  OFFICE_CODES.map((c) => [`office.${c}`, { action: "Lecture du classeur" }]),
) as { [C in OfficeErrorCode]: UserErrorParams[C] };

/** Parameters for every code (the compiler asks for one per new code), to word each in both languages. */
export const SAMPLES: Samples = {
  ...read,
  ...office,
  "office.unexpected": { action: "Sélection", officeCode: "BrandNewCode", detail: "Something odd" },
  "office.bad-cell-address": { cell: "ZZ" },
  "office.no-change-events": {},
  "limit.too-many-cells": { cells: 6_250_000, max: 5_000_000, sheet: "Salariés", range: "A1:Y250000" },
  "template.sheet-exists": { sheet: "Salariés" },
  "template.sheets-exist": { sheets: ["Structure", "Salariés"] },
  "chart.sheet-missing": { sheet: "Consolidation" },
  "chart.drawing-exists": { sheet: "Indicateurs" },
  "config.invalid": { problems: ["réglage inconnu « age.youngUndr »"], source: "departement-38.json" },
  "hub.url-invalid": { url: "hub departement" },
  "hub.url-not-http": { url: "ftp://hub.departement.fr" },
  "hub.token-missing": {},
  "hub.unreachable": {
    url: "https://hub.departement.fr",
    attempts: 4,
    seconds: 61,
    status: 503,
    timedOut: false,
    queued: true,
  },
  "hub.unauthorized": { status: 401 },
  "hub.refused": {
    status: 422,
    detail: "",
    errors: [{ pointer: "/records/0/sex", detail: "Valeur invalide" }],
  },
  "hub.bad-receipt": { status: 201 },
  "hub.bad-json": { status: 200 },
  "hub.bad-settings": { url: "https://hub.departement.fr", problems: ["la réponse n'est pas un objet JSON"] },
  "consolidate.period-invalid": { period: "2025-T5" },
  "consolidate.token-refused": {},
  "consolidate.token-not-department": {},
  "consolidate.hub-unreachable": { url: "https://hub.departement.fr" },
  "consolidate.hub-refused": { detail: "période inconnue" },
  "consolidate.hub-failed": { detail: "période inconnue" },
  "pane.not-xlsx": { name: "bilan.ods" },
  "usage.config-unreadable": { path: "reglages.json", errno: "ENOENT" },
  "usage.unknown-option": { option: "--jsn", command: "check" },
  "usage.bad-option-value": { option: "--kind", command: "template" },
  "usage.bad-arguments": { command: "check", detail: "Unexpected argument" },
  "usage.unknown-subcommand": { command: "hub token", sub: "delete", choices: ["create", "revoke", "list"] },
  "usage.bad-siret": { value: "123" },
  "usage.missing-name": {},
  "usage.missing-kind": {},
  "usage.unknown-kinds": { kinds: ["XYZ"] },
  "usage.unknown-template-kind": { kind: "XYZ", known: ["ACI", "AI", "EI", "ETTI", "EITI"] },
  "usage.missing-output": {},
  "usage.cannot-write": { path: "sortie.xlsx", errno: "EACCES" },
  "usage.missing-secret": {
    secret: "department-key",
    flag: "department-key",
    env: "BILAN_IAE_DEPARTMENT_KEY",
  },
  "usage.one-file-only": {},
  "usage.missing-hub": {},
  "usage.file-not-found": { path: "bilan.xlsx" },
  "usage.no-input": { command: "check" },
  "usage.no-xlsx-found": { inputs: ["dossier"] },
  "usage.hub-with-files": {},
  "usage.missing-period": {},
  "usage.missing-department-token": {},
  "usage.outbox-action": {},
  "usage.bad-port": { value: "99999" },
  "usage.missing-backup-file": {},
  "usage.backup-postgres": {},
  "usage.token-target": {},
  "usage.unknown-structure": { siret: "13129594833065" },
  "usage.missing-token-id": {},
  "usage.hub-environment": { detail: "BILAN_IAE_MAX_BODY_MB doit être un nombre positif" },
};

export const CODES = Object.keys(SAMPLES) as UserErrorCode[];
