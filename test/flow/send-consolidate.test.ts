import { analyzeOne } from "../support/analyze-one";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";

import { readXlsxFile } from "../../src/xlsx/read-file";
import { ensureDist, ROOT } from "../support/dist";
import { cli, lastLine, recordingProxy, startHub } from "./hub-process";

/**
 * Issue 5 end to end, with the real pieces: the compiled `bilan-iae` pushes the example workbooks through a
 * recording proxy to the real hub (a child process on a SQLite file); the hub's consolidation must equal
 * `bilan-iae consolidate` on the same files, key for key.
 */
jest.setTimeout(240_000);

const EXAMPLES = join(ROOT, "examples", "departement-38");
const DEPT_KEY = "cle-de-test-departement-38-xyz";
const work = mkdtempSync(join(tmpdir(), "bilan-flow-"));
const db = join(work, "hub.sqlite");
const outboxFile = join(work, "outbox.json");
const tokens = new Map<string, string>();
let deptToken = "";
let hub: Awaited<ReturnType<typeof startHub>>;
let proxy: Awaited<ReturnType<typeof recordingProxy>>;
let hubPort = 0;
const accepted = new Map<string, string>(); // siret|kind → file path currently accepted by the hub

type Consolidation = {
  reports: { siret: string; kind: string; valid: boolean; indicators: Record<string, number | null> }[];
  byKind: Record<string, unknown>;
  total: unknown;
};

async function push(file: string, extraEnv: Record<string, string> = {}) {
  const siret = (await structureOf(file)).siret;
  return cli(["push", file, "--hub", proxy.url, "--json"], {
    BILAN_IAE_TOKEN: tokens.get(siret)!,
    BILAN_IAE_DEPARTMENT_KEY: DEPT_KEY,
    BILAN_IAE_OUTBOX: outboxFile,
    BILAN_IAE_HUB_TIMEOUT_MS: "3000",
    ...extraEnv,
  });
}

async function structureOf(file: string): Promise<{ siret: string; kind: string }> {
  return (await reportsOf(file))[0];
}

/** Every report of a workbook: one per convention. */
async function reportsOf(file: string): Promise<{ siret: string; kind: string }[]> {
  const r = await cli(["indicators", file, "--json"]);
  return (JSON.parse(r.out) as { structure: { siret: string; kind: string } }[]).map(({ structure: s }) => ({
    siret: s.siret,
    kind: s.kind,
  }));
}

/** A structure holding two conventions (ACI and EI), one sheet each, in one workbook (domain §2.4.3). */
const TWO_CONVENTIONS = join(__dirname, "..", "..", "examples", "reels", "conventions-sheets.exceljs.xlsx");

async function hubGet<T>(path: string): Promise<T> {
  const res = await fetch(proxy.url + path, { headers: { authorization: `Bearer ${deptToken}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

async function fileConsolidation(): Promise<Consolidation> {
  const dir = join(work, `accepted-${Date.now()}-${Math.random()}`);
  mkdirSync(dir);
  // A workbook holding two reports is accepted under both keys: copied once.
  for (const [i, f] of [...new Set(accepted.values())].entries()) copyFileSync(f, join(dir, `${i}.xlsx`));
  const r = await cli(["consolidate", dir, "--json"]);
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as Consolidation;
}

function expectSameConsolidation(hubC: Consolidation, fileC: Consolidation) {
  expect(hubC.total).toEqual(fileC.total);
  expect(hubC.byKind).toEqual(fileC.byKind);
  const key = (r: { siret: string; kind: string }) => `${r.siret}|${r.kind}`;
  const fromFiles = new Map(fileC.reports.map((r) => [key(r), r]));
  expect(hubC.reports.map(key).sort()).toEqual([...fromFiles.keys()].sort());
  for (const r of hubC.reports) expect(r.indicators).toEqual(fromFiles.get(key(r))!.indicators);
}

async function modifiedCopy(src: string, name: string, hoursDelta: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  const ws = wb.worksheets.find((w) => /salari/i.test(w.name)) ?? wb.worksheets[wb.worksheets.length - 1];
  // Find the hours column by its header and add hours to the first person.
  let done = false;
  ws.eachRow((row, n) => {
    if (done) return;
    row.eachCell((cell, col) => {
      if (done || typeof cell.value !== "string" || !/heures travaill/i.test(cell.value)) return;
      const target = ws.getRow(n + 1).getCell(col);
      target.value = Number(target.value) + hoursDelta;
      done = true;
    });
  });
  expect(done).toBe(true);
  const out = join(work, name);
  await wb.xlsx.writeFile(out);
  return out;
}

beforeAll(async () => {
  ensureDist();
  const structures = new Map<string, Set<string>>();
  for (const f of [
    ...readdirSync(EXAMPLES)
      .filter((x) => x.endsWith(".xlsx"))
      .map((x) => join(EXAMPLES, x)),
    TWO_CONVENTIONS,
  ]) {
    for (const s of await reportsOf(f))
      structures.set(s.siret, (structures.get(s.siret) ?? new Set()).add(s.kind));
  }
  for (const [siret, kinds] of structures) {
    expect(
      (
        await cli([
          "hub",
          "structure",
          "add",
          "--siret",
          siret,
          "--name",
          `Structure ${siret}`,
          "--kind",
          [...kinds].join(","),
          "--db",
          db,
        ])
      ).code,
    ).toBe(0);
    tokens.set(siret, lastLine((await cli(["hub", "token", "create", "--siret", siret, "--db", db])).out));
  }
  deptToken = lastLine((await cli(["hub", "token", "create", "--department", "--db", db])).out);
  hub = await startHub(db);
  hubPort = Number(new URL(hub.url).port);
  proxy = await recordingProxy(() => hub.url);
}, 240_000);

afterAll(async () => {
  await proxy?.close();
  await hub?.stop();
});

describe("push → hub → consolidation", () => {
  it("pushes every example; the hub's consolidation equals bilan-iae consolidate on the accepted files", async () => {
    const files = readdirSync(EXAMPLES)
      .filter((x) => x.endsWith(".xlsx"))
      .sort();
    let refused = 0;
    for (const f of files) {
      const path = join(EXAMPLES, f);
      const r = await push(path);
      const check = await cli(["check", path, "--json"]);
      const valid = (JSON.parse(check.out) as { valid: boolean }[])[0].valid;
      if (valid) {
        expect({ f, code: r.code, err: r.err }).toEqual({ f, code: 0, err: "" });
        const out = JSON.parse(r.out) as { status: string; receipt: { version: number } };
        expect(out.status).toBe("received");
        expect(out.receipt.version).toBe(1);
        const s = await structureOf(path);
        accepted.set(`${s.siret}|${s.kind}`, path);
      } else {
        // A workbook with errors is refused before anything is sent.
        expect(r.code).toBe(1);
        refused++;
      }
    }
    expect(accepted.size).toBeGreaterThanOrEqual(10);
    expect(refused).toBeGreaterThanOrEqual(1);
    const fromFiles = await fileConsolidation();
    expectSameConsolidation(await hubGet<Consolidation>("/api/v1/consolidation?period=2025"), fromFiles);
    // The department's command line gives the same thing from the hub.
    const viaCli = await cli([
      "consolidate",
      "--hub",
      proxy.url,
      "--token",
      deptToken,
      "--period",
      "2025",
      "--json",
    ]);
    expect(viaCli.code).toBe(0);
    expectSameConsolidation(JSON.parse(viaCli.out) as Consolidation, fromFiles);
  });

  it("a workbook with two conventions: one submission and one receipt each, both followed up, the consolidation still equal", async () => {
    const r = await push(TWO_CONVENTIONS);
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: "" });
    const out = JSON.parse(r.out) as {
      kind: string;
      status: string;
      receipt: { id: string; kind: string; version: number };
    }[];
    expect(out.map((o) => [o.kind, o.status, o.receipt.kind, o.receipt.version])).toEqual([
      ["ACI", "received", "ACI", 1],
      ["EI", "received", "EI", 1],
    ]);
    expect(new Set(out.map((o) => o.receipt.id)).size).toBe(2);
    const reports = await reportsOf(TWO_CONVENTIONS);
    for (const s of reports) accepted.set(`${s.siret}|${s.kind}`, TWO_CONVENTIONS);
    const status = await hubGet<{ structures: { siret: string; kind: string; status: string }[] }>(
      "/api/v1/structures/status?period=2025",
    );
    const siret = reports[0].siret;
    expect(
      status.structures
        .filter((x) => x.siret === siret)
        .map((x) => [x.kind, x.status])
        .sort(),
    ).toEqual([
      ["ACI", "submitted"],
      ["EI", "submitted"],
    ]);
    const c = await hubGet<Consolidation & { total: { structures: number; reports: number } }>(
      "/api/v1/consolidation?period=2025",
    );
    const fromFiles = await fileConsolidation();
    expectSameConsolidation(c, fromFiles);
    // Structures count SIRETs, reports count conventions: this SIRET is one structure and two reports.
    expect(c.total.reports - c.total.structures).toBe(
      (fromFiles.total as { reports: number; structures: number }).reports -
        (fromFiles.total as { structures: number }).structures,
    );
    expect(c.reports.filter((x) => x.siret === siret)).toHaveLength(2);
  });

  it("pushing again changes nothing: already received, same rows, same consolidation", async () => {
    const before = await hubGet<{ submissions: unknown[] }>("/api/v1/submissions?period=2025&limit=1000");
    const consolidationBefore = await hubGet<Consolidation>("/api/v1/consolidation?period=2025");
    for (const path of new Set(accepted.values())) {
      const r = await push(path);
      expect(r.code).toBe(0);
      // One object per report: an array for the workbook holding two conventions.
      const out = JSON.parse(r.out) as { status: string } | { status: string }[];
      for (const o of Array.isArray(out) ? out : [out]) expect(o.status).toBe("already-received");
    }
    const after = await hubGet<{ submissions: unknown[] }>("/api/v1/submissions?period=2025&limit=1000");
    expect(after.submissions).toHaveLength(before.submissions.length);
    expect(await hubGet<Consolidation>("/api/v1/consolidation?period=2025")).toEqual(consolidationBefore);
  });

  it("a corrected file creates version 2 and the consolidation uses it", async () => {
    const [key, original] = [...accepted.entries()][0];
    const corrected = await modifiedCopy(original, "corrige.xlsx", 35);
    const r = await push(corrected);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { status: string; receipt: { version: number } };
    expect(out).toMatchObject({ status: "received", receipt: { version: 2 } });
    accepted.set(key, corrected);
    expectSameConsolidation(
      await hubGet<Consolidation>("/api/v1/consolidation?period=2025"),
      await fileConsolidation(),
    );
  });

  it("sent no name, first name, birth date, postal code or PASS number in any request body", async () => {
    expect(proxy.bodies.length).toBeGreaterThanOrEqual(accepted.size);
    const secrets = new Set<string>();
    for (const f of readdirSync(EXAMPLES).filter((x) => x.endsWith(".xlsx"))) {
      const a = analyzeOne(await readXlsxFile(join(EXAMPLES, f), { name: f }));
      for (const row of a.rows) {
        for (const v of [row.lastName, row.firstName, row.postalCode, row.passNumber])
          if (v && v.length >= 3) secrets.add(v);
        if (row.birthDate !== null) {
          const d = new Date(row.birthDate * 86400000);
          const [y, m, day] = [
            d.getUTCFullYear(),
            String(d.getUTCMonth() + 1).padStart(2, "0"),
            String(d.getUTCDate()).padStart(2, "0"),
          ];
          secrets.add(`${y}-${m}-${day}`);
          secrets.add(`${day}/${m}/${y}`);
        }
      }
    }
    expect(secrets.size).toBeGreaterThan(50);
    const all = proxy.bodies.join("\n");
    const leaked = [...secrets].filter((s) => all.includes(s));
    expect(leaked).toEqual([]);
  });
});

describe("faults", () => {
  it("hub down → queued in the outbox with a clear message; hub back → outbox send delivers exactly once", async () => {
    const [, original] = [...accepted.entries()][1];
    const changed = await modifiedCopy(original, "pendant-la-panne.xlsx", 7);
    await hub.stop();
    const r = await push(changed);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/boîte d'envoi/);
    expect(r.err).toContain(outboxFile);
    expect(existsSync(outboxFile)).toBe(true);
    const queued = JSON.parse(readFileSync(outboxFile, "utf8")) as { entries: { id: string }[] };
    expect(queued.entries).toHaveLength(1);

    hub = await startHub(db, hubPort);
    const siret = (await structureOf(changed)).siret;
    const sent = await cli(["outbox", "send", "--json"], {
      BILAN_IAE_TOKEN: tokens.get(siret)!,
      BILAN_IAE_OUTBOX: outboxFile,
    });
    expect(sent.code).toBe(0);
    expect((JSON.parse(sent.out) as { remaining: number }).remaining).toBe(0);
    // A second flush has nothing to send.
    expect(
      (await cli(["outbox", "send"], { BILAN_IAE_TOKEN: tokens.get(siret)!, BILAN_IAE_OUTBOX: outboxFile }))
        .out,
    ).toMatch(/Aucun bilan/);
    const subs = await hubGet<{ submissions: { siret: string; contentHash?: string }[] }>(
      `/api/v1/submissions?period=2025&siret=${siret}&limit=1000`,
    );
    const ids = new Set(subs.submissions.map((s) => JSON.stringify(s)));
    expect(ids.size).toBe(subs.submissions.length);
    // v1 from the first push, v2 from the outbox: the queued submission is stored once.
    expect(subs.submissions.length).toBe(2);
  });

  it("a lost 201 (the proxy drops the hub's answer) still ends with exactly one stored submission", async () => {
    const [, original] = [...accepted.entries()][2];
    const changed = await modifiedCopy(original, "reponse-perdue.xlsx", 11);
    const siret = (await structureOf(changed)).siret;
    const before = (
      await hubGet<{ submissions: unknown[] }>(`/api/v1/submissions?period=2025&siret=${siret}&limit=1000`)
    ).submissions.length;
    proxy.loseNextAnswer();
    const r = await push(changed);
    expect(r.code).toBe(0);
    // The retry with the same idempotency key is recognised: already received.
    expect((JSON.parse(r.out) as { status: string }).status).toBe("already-received");
    const after = (
      await hubGet<{ submissions: unknown[] }>(`/api/v1/submissions?period=2025&siret=${siret}&limit=1000`)
    ).submissions.length;
    expect(after).toBe(before + 1);
  });
});
