import { createHash } from "node:crypto";
import {
  computeIndicators,
  createMotifIndex,
  DEFAULT_CONFIG,
  PERSON_FIELDS,
  rowsFromRecords,
  type Kind,
  type PersonField,
} from "../../../src/core";
import type { SubmissionPayload, SubmissionRecord } from "../../../src/core/submission";

/** Pseudonymous key as the client makes it (HMAC-like hex): invented persons only. */
export function personKey(label: string): string {
  return createHash("sha256")
    .update("test-department-key:" + label)
    .digest("hex");
}

const FIELDS: PersonField[] = PERSON_FIELDS.filter(
  (f) => !["lastName", "firstName", "birthDate", "postalCode", "commune", "passNumber"].includes(f),
);

export function record(over: Partial<SubmissionRecord> = {}): SubmissionRecord {
  return {
    key: null,
    sex: "F",
    birthYear: 1990,
    qpv: false,
    zrr: false,
    rsa: "NON",
    ass: false,
    aah: false,
    rqth: false,
    ftDuration: "00",
    educationLevel: "50",
    hireDate: "2024-03-01",
    exitDate: null,
    exitMotif: null,
    hoursWorked: 800,
    hoursSinceHire: 1000,
    ...over,
  };
}

/** Deterministic generated records: person i of a structure (seed), varied attributes. */
export function generatedRecords(n: number, seed: string): SubmissionRecord[] {
  const out: SubmissionRecord[] = [];
  for (let i = 0; i < n; i++) {
    out.push(
      record({
        key: personKey(`${seed}-${i}`),
        sex: i % 3 === 0 ? "H" : "F",
        birthYear: 1960 + (i % 45),
        qpv: i % 4 === 0,
        rsa: i % 5 === 0 ? "OUI-NM" : "NON",
        ftDuration: (["00", "01", "02", "03", "04"] as const)[i % 5],
        hireDate: `2024-${String((i % 12) + 1).padStart(2, "0")}-01`,
        hoursWorked: 100 + (i % 50) * 20,
      }),
    );
  }
  return out;
}

export interface PayloadOptions {
  siret: string;
  kind?: Kind;
  name?: string;
  periodStart?: string;
  periodEnd?: string;
  records?: SubmissionRecord[];
  fteConventioned?: number | null;
}

/** A valid v1 payload. Its indicators come from the core engine, as the client's would. */
export function makePayload(o: PayloadOptions): SubmissionPayload {
  const structure = {
    siret: o.siret,
    name: o.name ?? `Structure ${o.siret}`,
    kind: o.kind ?? "ACI",
    afNumber: null,
    department: "38",
    periodStart: o.periodStart ?? "2025-01-01",
    periodEnd: o.periodEnd ?? "2025-12-31",
    fteConventioned: o.fteConventioned ?? 10,
    annualHoursPerFte: null,
    cdCofinancedAmount: null,
  };
  const records = o.records ?? [
    record({ key: personKey(o.siret + "-1") }),
    record({ key: personKey(o.siret + "-2"), sex: "H" }),
  ];
  const indicators = computeIndicators(rowsFromRecords(records), {
    structure,
    fieldsPresent: FIELDS,
    config: DEFAULT_CONFIG,
    motifs: createMotifIndex(DEFAULT_CONFIG.exitMotifs),
  });
  return {
    schemaVersion: 1,
    generator: { name: "bilan-iae-test", version: "0.0.0" },
    rulesVersion: DEFAULT_CONFIG.rulesVersion,
    structure,
    fieldsPresent: FIELDS,
    indicators,
    validation: {
      valid: true,
      counts: { error: 0, warning: 1, info: 0 },
      rules: [{ code: "contract-too-short", severity: "warning", count: 1 }],
    },
    records,
  };
}
