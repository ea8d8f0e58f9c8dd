import { expectNoSecretInLog, http, startTestHub, SIRET_A, SIRET_B, type TestHub } from "./support/hub";
import { makePayload, personKey, record } from "./support/payload";
import { upsertStructure } from "../../src/hub/db/repositories/structures";
import { createToken } from "../../src/hub/db/repositories/tokens";

let hub: TestHub;
const SIRET_C = "44306184100047";
let tokenC: string;

const post = (token: string, body: unknown, key: string) =>
  http(hub.url, "POST", "/api/v1/submissions", { token, body, headers: { "idempotency-key": key } });

beforeAll(async () => {
  hub = await startTestHub();
  const c = await upsertStructure(hub.tdb.hub.db, { siret: SIRET_C, name: "Chantier C", kind: "ACI" });
  tokenC = (await createToken(hub.tdb.hub.db, { role: "structure", structureId: c.id })).token;
  // A, version 1 then a corrected version 2: the consolidation must use version 2 only.
  // A v1: one woman. A v2: one woman (shared person "p") and one man. B: two women, one of them the shared "p".
  await post(
    hub.tokens.a,
    makePayload({ siret: SIRET_A, records: [record({ key: personKey("p"), sex: "F", hoursWorked: 500 })] }),
    "a-v1",
  );
  await post(
    hub.tokens.a,
    makePayload({
      siret: SIRET_A,
      records: [
        record({ key: personKey("p"), sex: "F", hoursWorked: 500, rsa: "OUI-M" }),
        record({ key: personKey("a2"), sex: "H", hoursWorked: 300 }),
      ],
    }),
    "a-v2",
  );
  await post(
    hub.tokens.b,
    makePayload({
      siret: SIRET_B,
      kind: "EI",
      records: [
        record({ key: personKey("p"), sex: "F", hoursWorked: 200 }),
        record({ key: personKey("b2"), sex: "F", hoursWorked: 100, rsa: "OUI-NM" }),
      ],
    }),
    "b-v1",
  );
  // Another period: must not appear.
  await post(
    hub.tokens.b,
    makePayload({ siret: SIRET_B, kind: "EI", periodStart: "2025-01-01", periodEnd: "2025-06-30" }),
    "b-s1",
  );
});
afterAll(async () => {
  await hub.close();
});

test("consolidation JSON: latest version per structure, sums and recomputed shares (hand-counted)", async () => {
  const r = await http(hub.url, "GET", "/api/v1/consolidation?period=2025", { token: hub.tokens.dept });
  expect(r.status).toBe(200);
  const c = r.body as {
    reports: {
      siret: string;
      kind: string;
      valid: boolean;
      indicators: Record<string, number | null>;
      file: string;
    }[];
    byKind: Record<
      string,
      { structures: number; reports: number; indicators: Record<string, number | null> }
    >;
    total: {
      structures: number;
      reports: number;
      distinctPersons: number;
      indicators: Record<string, number | null>;
    };
  };
  expect(Object.keys(c).sort()).toEqual(["byKind", "reports", "total"]);
  expect(c.reports.map((x) => `${x.siret}/${x.kind}`)).toEqual(
    [`${SIRET_B}/EI`, `${SIRET_A}/ACI`].sort((a, b) => a.localeCompare(b)),
  );
  const a = c.reports.find((x) => x.siret === SIRET_A)!;
  expect(a.indicators.employees).toBe(2); // version 2
  expect(a.indicators.hoursWorked).toBe(800);
  // Employees: A 2 (p, a2), B 2 (p, b2) → 4 rows; persons p, a2, b2 → 3 distinct.
  expect(c.total.reports).toBe(2);
  expect(c.total.structures).toBe(2);
  expect(c.total.distinctPersons).toBe(3);
  expect(c.total.indicators.employees).toBe(4);
  expect(c.total.indicators.women).toBe(3);
  expect(c.total.indicators.rsa).toBe(2);
  expect(c.total.indicators.shareRsa).toBeCloseTo(2 / 4, 12);
  expect(c.total.indicators.hoursWorked).toBe(1100);
  expect(Object.keys(c.byKind).sort()).toEqual(["ACI", "EI"]);
  expect(c.byKind.EI.indicators.shareWomen).toBe(1);
});

test("consolidation as French CSV (Accept: text/csv) and as an .xlsx workbook", async () => {
  const csv = await http(hub.url, "GET", "/api/v1/consolidation?period=2025", {
    token: hub.tokens.dept,
    headers: { accept: "text/csv" },
  });
  expect(csv.status).toBe(200);
  expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
  const lines = csv.text
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r\n/);
  expect(lines[0].split(";")).toContain("SIRET");
  expect(lines.length).toBe(1 + 2 + 2 + 1); // header, 2 reports, 2 kinds, department
  expect(csv.text).toMatch(/50 %|50,0 %/); // share RSA 2/4 with a decimal comma

  const r = await fetch(`${hub.url}/api/v1/consolidation?period=2025&format=xlsx`, {
    headers: { authorization: `Bearer ${hub.tokens.dept}` },
  });
  expect(r.status).toBe(200);
  expect(r.headers.get("content-type")).toMatch(/spreadsheetml/);
  const bytes = Buffer.from(await r.arrayBuffer());
  expect(bytes.subarray(0, 2).toString()).toBe("PK");
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual([
    "Consolidation",
    "Par type",
    "Suivi des envois",
    "Définitions",
  ]);
  // The follow-up sheet lists the structure that has not sent (SIRET C) as missing.
  const follow = wb.getWorksheet("Suivi des envois")!;
  const headers = (follow.getRow(1).values as unknown[]).slice(1);
  const rows = follow.getSheetValues().slice(2) as unknown[][];
  const missing = rows
    .filter((row) => row?.[headers.indexOf("Statut") + 1] === "Manquant")
    .map((row) => row[headers.indexOf("SIRET") + 1]);
  expect(missing).toEqual([SIRET_C]);
});

test("status: each known structure and kind, submitted (latest version) or missing", async () => {
  const r = await http(hub.url, "GET", "/api/v1/structures/status?period=2025", { token: hub.tokens.dept });
  expect(r.status).toBe(200);
  const s = r.body as {
    summary: { expected: number; submitted: number; missing: number };
    structures: {
      siret: string;
      kind: string;
      status: string;
      submission: { version: number; valid: boolean } | null;
    }[];
  };
  expect(s.summary).toEqual({ expected: 3, submitted: 2, missing: 1 });
  const bySiret = Object.fromEntries(s.structures.map((x) => [x.siret, x]));
  expect(bySiret[SIRET_A].submission?.version).toBe(2);
  expect(bySiret[SIRET_B].status).toBe("submitted");
  expect(bySiret[SIRET_C]).toMatchObject({ status: "missing", submission: null, kind: "ACI" });
  expect(tokenC).toMatch(/^biae_/);
});

test("an empty period consolidates to zero reports", async () => {
  const r = await http(hub.url, "GET", "/api/v1/consolidation?period=2019", { token: hub.tokens.dept });
  expect(r.status).toBe(200);
  const c = r.body as { reports: unknown[]; total: { reports: number; distinctPersons: number } };
  expect(c.reports).toEqual([]);
  expect(c.total.reports).toBe(0);
  expect(c.total.distinctPersons).toBe(0);
});

test("the log of this suite (level info) holds no token", () => {
  expectNoSecretInLog(hub);
});
