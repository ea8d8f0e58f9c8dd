import { analyzeOne } from "../support/analyze-one";
import { createHmac } from "node:crypto";
import { type WorkbookData } from "../../src/core";
import { buildSubmissionPayload, idempotencyKeyOf, PayloadRefused } from "../../src/client";
import { parseSubmissionPayload } from "../../src/core/submission";
import { dracWorkbook } from "../support/drac-workbook";

const DEPT_KEY = "cle-departementale-de-test-38";
const generator = { name: "bilan-iae-test", version: "0.0.0" };

/** Invented people, with everything that must never leave the workbook. */
const people = [
  {
    pass: "999992511111",
    last: "Lefebvre-Ancelin",
    first: "Maëlys",
    sex: "F",
    birth: "14/07/1988",
    cp: "38100",
    rsa: "Oui - majoré",
    hire: "03/02/2025",
    hours: 910,
    exit: "",
    motif: "",
  },
  {
    pass: "999992522222",
    last: "Ouedraogo",
    first: "Issouf",
    sex: "H",
    birth: "02/11/1979",
    cp: "38400",
    rsa: "Non",
    hire: "15/01/2024",
    hours: 1200,
    exit: "30/06/2025",
    motif: "CDI non aidé",
  },
  {
    pass: "",
    last: "Pradel",
    first: "Jeanne",
    sex: "F",
    birth: "21/05/2001",
    cp: "38130",
    rsa: "Oui",
    hire: "01/09/2025",
    hours: 300,
    exit: "",
    motif: "",
  },
];

function workbook(): WorkbookData {
  return dracWorkbook(
    people.map((p) => [
      p.pass,
      p.last,
      p.first,
      p.sex,
      p.birth,
      p.cp,
      "Non",
      p.rsa,
      p.hire,
      p.hours,
      p.exit,
      p.motif,
    ]),
  );
}

describe("buildSubmissionPayload", () => {
  const analysis = analyzeOne(workbook());

  it("starts from a workbook without errors (fixture sanity)", () => {
    expect(analysis.report.counts.error).toBe(0);
    expect(analysis.records).toHaveLength(3);
  });

  it("carries no name, birth date, postal code or PASS number from the workbook", async () => {
    const text = JSON.stringify(
      await buildSubmissionPayload(analysis, { departmentKey: DEPT_KEY, generator }),
    );
    for (const p of people) {
      for (const secret of [p.last, p.first, p.birth, p.cp, p.birth.split("/").reverse().join("-")]) {
        expect(text).not.toContain(secret);
      }
      if (p.pass) expect(text).not.toContain(p.pass);
    }
  });

  it("gives each record only the fields of domain §5", async () => {
    const payload = await buildSubmissionPayload(analysis, { departmentKey: DEPT_KEY, generator });
    const allowed = [
      "key",
      "sex",
      "birthYear",
      "qpv",
      "zrr",
      "rsa",
      "ass",
      "aah",
      "rqth",
      "ftDuration",
      "educationLevel",
      "hireDate",
      "exitDate",
      "exitMotif",
      "hoursWorked",
      "hoursSinceHire",
    ];
    for (const r of payload.records) expect(Object.keys(r).sort()).toEqual([...allowed].sort());
  });

  it("keys each person with HMAC-SHA-256 of the identity under the department key", async () => {
    const payload = await buildSubmissionPayload(analysis, { departmentKey: DEPT_KEY, generator });
    const expected = createHmac("sha256", DEPT_KEY).update("999992511111").digest("hex");
    expect(payload.records.map((r) => r.key)).toContain(expected);
    for (const r of payload.records) expect(r.key).toMatch(/^[0-9a-f]{64}$/);
    const other = await buildSubmissionPayload(analysis, { departmentKey: DEPT_KEY + "-autre", generator });
    expect(other.records[0].key).not.toBe(payload.records[0].key);
  });

  it("is a valid v1 payload with the structure, indicators and validation counts", async () => {
    const payload = await buildSubmissionPayload(analysis, { departmentKey: DEPT_KEY, generator });
    expect(parseSubmissionPayload(JSON.parse(JSON.stringify(payload))).ok).toBe(true);
    expect(payload.structure).toMatchObject({
      siret: "35600000000048",
      kind: "ACI",
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
    });
    expect(payload.indicators.employees).toBe(3);
    expect(payload.validation.counts.error).toBe(0);
  });

  it("derives the same idempotency key from the same content, another from other content", async () => {
    const a = await buildSubmissionPayload(analysis, { departmentKey: DEPT_KEY, generator });
    const b = await buildSubmissionPayload(analyzeOne(workbook()), { departmentKey: DEPT_KEY, generator });
    expect(await idempotencyKeyOf(a)).toBe(await idempotencyKeyOf(b));
    const changed = { ...a, records: a.records.map((r, i) => (i === 0 ? { ...r, hoursWorked: 911 } : r)) };
    expect(await idempotencyKeyOf(changed)).not.toBe(await idempotencyKeyOf(a));
  });

  it("refuses while errors remain, and a too-short department key", async () => {
    const wb = workbook();
    (wb.sheets[1].rows as unknown[][])[1][3] = "?";
    const withError = analyzeOne(wb);
    expect(withError.report.counts.error).toBeGreaterThan(0);
    await expect(buildSubmissionPayload(withError, { departmentKey: DEPT_KEY, generator })).rejects.toThrow(
      PayloadRefused,
    );
    await expect(buildSubmissionPayload(analysis, { departmentKey: "court", generator })).rejects.toThrow(
      /au moins 16 caractères/,
    );
  });
});
