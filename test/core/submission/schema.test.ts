import { combineIndicators } from "../../../src/core/consolidate/combine";
import type { Indicators } from "../../../src/core/model/indicators";
import {
  canonicalJson,
  jsonPointer,
  parseSubmissionPayload,
  submissionJsonSchema,
  type SubmissionPayload,
} from "../../../src/core/submission";
/* eslint-disable @typescript-eslint/no-explicit-any -- tests mutate payloads freely to make them invalid */
import { makePayload, personKey, record } from "../../hub/support/payload";

const SIRET = "73282932000074";

test("a well-formed payload is accepted as is", () => {
  const p = makePayload({ siret: SIRET });
  const r = parseSubmissionPayload(JSON.parse(JSON.stringify(p)));
  expect(r.ok).toBe(true);
  if (r.ok) expect(r.payload).toEqual(p);
});

test.each([
  ["a last name in a record", (p: Record<string, any>) => (p.records[0].lastName = "Martin"), "/records/0"],
  [
    "a birth date in a record",
    (p: Record<string, any>) => (p.records[0].birthDate = "1988-04-02"),
    "/records/0",
  ],
  ["a NIR at the top level", (p: Record<string, any>) => (p.nir = "188047512345612"), ""],
  [
    "an address in the structure",
    (p: Record<string, any>) => (p.structure.address = "1 rue de la Paix"),
    "/structure",
  ],
  [
    "a postal code in a record",
    (p: Record<string, any>) => (p.records[1].postalCode = "38000"),
    "/records/1",
  ],
  [
    "a plain PASS number as key",
    (p: Record<string, any>) => (p.records[0].key = "999990000001"),
    "/records/0/key",
  ],
  [
    "a name+birth date identity as key",
    (p: Record<string, any>) => (p.records[0].key = "MARTIN|LEA|6980"),
    "/records/0/key",
  ],
  [
    "an extra indicator that is text",
    (p: Record<string, any>) => (p.indicators.exitsToVolunteering = "Martin"),
    "/indicators/exitsToVolunteering",
  ],
  [
    "an extra indicator whose name is not an identifier",
    (p: Record<string, any>) => (p.indicators["Léa Martin"] = 1),
    "/indicators/Léa Martin",
  ],
  [
    "an extra indicator holding an object",
    (p: Record<string, any>) => (p.indicators.extra = { name: "Martin" }),
    "/indicators/extra",
  ],
  ["a missing indicator", (p: Record<string, any>) => delete p.indicators.employees, "/indicators/employees"],
  ["a bad sex code", (p: Record<string, any>) => (p.records[0].sex = "M"), "/records/0/sex"],
  [
    "an impossible date",
    (p: Record<string, any>) => (p.records[0].hireDate = "2025-02-30"),
    "/records/0/hireDate",
  ],
  [
    "a French date",
    (p: Record<string, any>) => (p.records[0].hireDate = "01/02/2025"),
    "/records/0/hireDate",
  ],
  [
    "a SIRET with spaces",
    (p: Record<string, any>) => (p.structure.siret = "732 829 320 00074"),
    "/structure/siret",
  ],
  ["an unknown kind", (p: Record<string, any>) => (p.structure.kind = "SIAE"), "/structure/kind"],
  [
    "a period end before its start",
    (p: Record<string, any>) => (p.structure.periodEnd = "2024-12-31"),
    "/structure/periodEnd",
  ],
  ["schema version 2", (p: Record<string, any>) => (p.schemaVersion = 2), "/schemaVersion"],
  [
    "an infinite-looking number",
    (p: Record<string, any>) => (p.records[0].hoursWorked = 1e12),
    "/records/0/hoursWorked",
  ],
  [
    "a fractional birth year",
    (p: Record<string, any>) => (p.records[0].birthYear = 1990.5),
    "/records/0/birthYear",
  ],
  [
    "a finding code that is free text",
    (p: Record<string, any>) =>
      (p.validation.rules = [{ code: "Martin Léa 1988", severity: "error", count: 1 }]),
    "/validation/rules/0/code",
  ],
  [
    "a finding line with an extra field",
    (p: Record<string, any>) =>
      (p.validation.rules = [{ code: "column-missing", severity: "error", count: 1, row: "Martin" }]),
    "/validation/rules/0",
  ],
  [
    "an unknown severity",
    (p: Record<string, any>) =>
      (p.validation.rules = [{ code: "column-missing", severity: "fatal", count: 1 }]),
    "/validation/rules/0/severity",
  ],
])("refused: %s (error at %s)", (_label, mutate, pointer) => {
  const p = JSON.parse(JSON.stringify(makePayload({ siret: SIRET }))) as Record<string, unknown>;
  mutate(p as Record<string, any>);
  const r = parseSubmissionPayload(p);
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.errors.map((e) => e.pointer)).toContain(pointer);
    for (const e of r.errors) expect(e.message).toMatch(/[a-zé]/);
  }
});

describe("what a v1 hub accepts from a newer client (docs/compatibilite-format.md)", () => {
  test("an unknown finding code and an extra indicator key are accepted and kept as sent", () => {
    const p = JSON.parse(JSON.stringify(makePayload({ siret: SIRET })));
    p.indicators.exitsToVolunteering = 3;
    p.indicators.rateVolunteering = null;
    p.validation.rules = [{ code: "training-motif-unlisted", severity: "warning", count: 2 }];
    const r = parseSubmissionPayload(p);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.payload.indicators).toMatchObject({ exitsToVolunteering: 3, rateVolunteering: null });
    expect(r.payload.validation.rules).toEqual([
      { code: "training-motif-unlisted", severity: "warning", count: 2 },
    ]);
  });

  test("more than 100 extra indicators are refused: the room for growth is not a place for arbitrary data", () => {
    const p = JSON.parse(JSON.stringify(makePayload({ siret: SIRET })));
    for (let i = 0; i < 101; i++) p.indicators[`future${i}`] = i;
    const r = parseSubmissionPayload(p);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toContainEqual({
        pointer: "/indicators",
        message: "Trop d'indicateurs inconnus du format v1 (101, au plus 100).",
      });
  });

  test("a v1 client's payload without the indicators added since (exitsToTraining, rateTraining) is accepted, with them as not computed", () => {
    const p = JSON.parse(JSON.stringify(makePayload({ siret: SIRET })));
    delete p.indicators.exitsToTraining;
    delete p.indicators.rateTraining;
    const r = parseSubmissionPayload(p);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.payload.indicators).not.toHaveProperty("exitsToTraining");
    // The consolidation reads an absent indicator as not computed.
    const older = {
      ...makePayload({ siret: SIRET }).indicators,
      exitsToTraining: undefined,
      rateTraining: undefined,
    } as unknown as Indicators;
    const withIt = {
      ...makePayload({ siret: SIRET }).indicators,
      exitsToTraining: 2,
      exitsExamined: 4,
    } as Indicators;
    const both = combineIndicators([older, withIt]);
    expect(Number.isNaN(both.exitsToTraining)).toBe(false);
    expect(both.exitsToTraining).toBe(2);
  });

  test("a missing indicator this version knows is refused, in French, naming the field", () => {
    const p = JSON.parse(JSON.stringify(makePayload({ siret: SIRET })));
    delete p.indicators.employees;
    p.indicators.exitsToTraining = 3;
    const r = parseSubmissionPayload(p);
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          pointer: "/indicators/employees",
          message: "Champ obligatoire manquant : « indicators.employees ».",
        },
      ],
    });
  });
});

test("French messages name the forbidden field", () => {
  const p = JSON.parse(JSON.stringify(makePayload({ siret: SIRET })));
  p.records[0].firstName = "Léa";
  const r = parseSubmissionPayload(p);
  expect(r.ok).toBe(false);
  if (!r.ok)
    expect(r.errors.find((e) => e.pointer === "/records/0")?.message).toMatch(
      /Champ non autorisé : « firstName »/,
    );
});

test("JSON pointers escape ~ and /", () => {
  expect(jsonPointer(["a/b", "c~d", 3])).toBe("/a~1b/c~0d/3");
  expect(jsonPointer([])).toBe("");
});

test("canonical JSON ignores key order and spacing", () => {
  expect(canonicalJson({ b: 1, a: [{ y: null, x: "é" }] })).toBe('{"a":[{"x":"é","y":null}],"b":1}');
  expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
});

test("the validated payload keeps schema key order whatever the input order (the hub hashes its JSON)", () => {
  const p: SubmissionPayload = makePayload({ siret: SIRET, records: [record({ key: personKey("x") })] });
  const reversed = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(reversed)
      : v !== null && typeof v === "object"
        ? Object.fromEntries(
            Object.entries(v)
              .reverse()
              .map(([k, x]) => [k, reversed(x)]),
          )
        : v;
  const a = parseSubmissionPayload(JSON.parse(JSON.stringify(p)));
  const b = parseSubmissionPayload(reversed(p));
  expect(a.ok && b.ok).toBe(true);
  if (a.ok && b.ok) expect(JSON.stringify(b.payload)).toBe(JSON.stringify(a.payload));
});

test("the JSON Schema forbids additional properties at every level but the indicators, and lists every record field", () => {
  const s = submissionJsonSchema() as { additionalProperties: boolean; properties: Record<string, any> };
  expect(s.additionalProperties).toBe(false);
  expect(s.properties.structure.additionalProperties).toBe(false);
  expect(s.properties.validation.properties.rules.items.additionalProperties).toBe(false);
  // A newer client's extra indicators: numbers or null only.
  expect(s.properties.indicators.additionalProperties).toEqual({ type: ["number", "null"] });
  const rec = s.properties.records.items;
  expect(rec.additionalProperties).toBe(false);
  expect(Object.keys(rec.properties).sort()).toEqual(
    [
      "aah",
      "ass",
      "birthYear",
      "educationLevel",
      "exitDate",
      "exitMotif",
      "ftDuration",
      "hireDate",
      "hoursSinceHire",
      "hoursWorked",
      "key",
      "qpv",
      "rqth",
      "rsa",
      "sex",
      "zrr",
    ].sort(),
  );
});

test("docs/api/submission-v1.schema.json is up to date (npm run schema:submission)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readFileSync } = require("node:fs") as typeof import("node:fs");
  const file = `${__dirname}/../../../docs/api/submission-v1.schema.json`;
  expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(submissionJsonSchema());
});
