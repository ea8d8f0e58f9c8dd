import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { INDICATOR_KEYS } from "../../src/core";
import { ensureDist } from "../support/dist";

/**
 * Contract of `bilan-iae` (issue 2), on the compiled CLI run as a child process: flags, JSON shapes,
 * exit codes 0/1/2, French messages, never a stack trace.
 */
const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "bilan-iae.js");
const EX = join(ROOT, "examples");
const dir = mkdtempSync(join(tmpdir(), "bilan-cli-"));

beforeAll(() => ensureDist(), 180_000);

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, BILAN_IAE_DEBUG: "", ...env },
  });
  // Never a stack trace to the user.
  expect(r.stderr).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
  expect(r.stdout).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const json = (s: string) => JSON.parse(s) as Record<string, unknown>[];

async function xlsxWith(name: string, rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Feuil1");
  rows.forEach((r) => ws.addRow(r));
  const p = join(dir, name);
  await wb.xlsx.writeFile(p);
  return p;
}

describe("general", () => {
  it("--help in French, exit 0; no command → help and exit 2", () => {
    const h = run(["--help"]);
    expect(h.code).toBe(0);
    expect(h.out).toContain("Commandes :");
    expect(h.out).toMatch(/check\s+vérifie/);
    expect(run([]).code).toBe(2);
    const c = run(["check", "--help"]);
    expect(c.code).toBe(0);
    expect(c.out).toContain("Code de sortie");
  });
  it("unknown command or flag → French message, exit 2", () => {
    const u = run(["verifier"]);
    expect(u.code).toBe(2);
    expect(u.err).toContain("Commande inconnue « verifier »");
    const f = run(["check", "--jsn", join(EX, "aci-canonique.xlsx")]);
    expect(f.code).toBe(2);
    expect(f.err).toContain("Option inconnue « --jsn »");
    const m = run(["check"]);
    expect(m.code).toBe(2);
    expect(m.err).toContain("Indiquez au moins un fichier");
  });
});

describe("check", () => {
  it("--json: one object per report with the contract keys and its kind; exit 0 on a clean file", () => {
    const r = run(["check", "--json", join(EX, "aci-canonique.xlsx")]);
    expect(r.code).toBe(0);
    const [o] = json(r.out);
    expect(Object.keys(o)).toEqual(["file", "kind", "valid", "structure", "rows", "counts", "issues"]);
    expect(o.kind).toBe("ACI");
    expect(o.valid).toBe(true);
    expect(o.rows).toBe(40);
    expect(o.counts).toEqual({ error: 0, warning: 0, info: 0 });
    expect(Object.keys(o.structure as object)).toEqual(
      expect.arrayContaining(["siret", "name", "kind", "department", "periodStart", "periodEnd"]),
    );
  });

  it("exit 1 when a file has an error; issues carry code, severity, sheet, cell, row, column, field, value, message", () => {
    const r = run(["check", "--json", join(EX, "ei-erreurs.xlsx")]);
    expect(r.code).toBe(1);
    const [o] = json(r.out);
    expect(o.valid).toBe(false);
    const issues = o.issues as Record<string, unknown>[];
    expect(issues.length).toBeGreaterThan(5);
    for (const i of issues)
      expect(Object.keys(i)).toEqual([
        "code",
        "severity",
        "sheet",
        "cell",
        "row",
        "column",
        "field",
        "value",
        "message",
      ]);
    const neg = issues.find((i) => i.code === "hours-negative")!;
    expect(neg).toMatchObject({ severity: "error", sheet: "Salariés", field: "hoursWorked", value: "-12" });
    expect(neg.cell).toMatch(/^U\d+$/);
  });

  it("text mode: French report grouped by rule with cells", () => {
    const r = run(["check", join(EX, "ei-erreurs.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("SIRET invalide [siret-format]");
    expect(r.out).toMatch(/Salariés!U\d+ : Les heures travaillées \(-12\)/);
    expect(r.out).toContain("1 fichier vérifié, 1 à corriger.");
  });

  it("bad inputs: French message per file, exit 2, the other files still checked", async () => {
    const csv = join(dir, "export.xlsx");
    writeFileSync(csv, "Nom;Sexe\nDurand;F\n");
    const cfb = join(dir, "protege.xlsx");
    const b = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
    writeFileSync(cfb, b);
    const full = readFileSync(join(EX, "aci-canonique.xlsx"));
    const cut = join(dir, "coupe.xlsx");
    writeFileSync(cut, full.subarray(0, Math.floor(full.length * 0.6)));
    const emptyWb = new ExcelJS.Workbook();
    emptyWb.addWorksheet("Feuil1");
    const empty = join(dir, "vide.xlsx");
    await emptyWb.xlsx.writeFile(empty);
    const files = [join(EX, "aci-canonique.xlsx"), csv, cfb, cut, empty, join(dir, "absent.xlsx")];
    const r = run(["check", "--json", ...files]);
    expect(r.code).toBe(2);
    const out = json(r.out);
    expect(out.map((o) => (o.error as { reason: string } | undefined)?.reason ?? "ok")).toEqual([
      "ok",
      "not-zip",
      "protected-or-xls",
      "truncated",
      "no-cells",
      "io",
    ]);
    expect(out[0].valid).toBe(true);
    expect((out[2].error as { message: string }).message).toContain(
      "protégé par mot de passe ou ancien format .xls",
    );
    const text = run(["check", ...files]);
    expect(text.code).toBe(2);
    expect(text.out).toContain("« export.xlsx »".replace("export.xlsx", csv));
    expect(text.out).toContain("✓ Aucune anomalie.");
  });

  it("a sheet without a recognisable header → header-not-found, exit 1", async () => {
    const p = await xlsxWith("sans-entete.xlsx", [["Liste des courses"], ["pommes", 3], ["poires", 2]]);
    const r = run(["check", "--json", p]);
    expect(r.code).toBe(1);
    expect((json(r.out)[0].issues as { code: string }[]).map((i) => i.code)).toContain("header-not-found");
  });

  it("a sheet over the row limit stops early with a French message, exit 2", () => {
    const r = run(["check", "--max-rows", "20", join(EX, "aci-canonique.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/trop grand.*dépasse 20 lignes/);
    const env = run(["check", join(EX, "aci-canonique.xlsx")], { BILAN_IAE_MAX_ROWS: "30" });
    expect(env.code).toBe(2);
  });

  it("--config: a department override applies; a bad one is a clear error with exit 2", () => {
    const good = join(dir, "cd38.json");
    writeFileSync(good, JSON.stringify({ annualHoursPerFte: { ACI: 1000 } }));
    const base = json(run(["indicators", "--json", join(EX, "aci-canonique.xlsx")]).out)[0]
      .indicators as Record<string, number>;
    const over = json(run(["indicators", "--json", "--config", good, join(EX, "aci-canonique.xlsx")]).out)[0]
      .indicators as Record<string, number>;
    expect(over.fte).toBeCloseTo(base.hoursWorked / 1000, 9);
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{ annualHours: ");
    const r1 = run(["check", "--config", bad, join(EX, "aci-canonique.xlsx")]);
    expect(r1.code).toBe(2);
    expect(r1.err).toContain("n'est pas du JSON valide");
    const wrong = join(dir, "wrong.json");
    writeFileSync(wrong, JSON.stringify({ seuilInconnu: 3, maxHoursPerWeek: -1 }));
    const r2 = run(["check", "--config", wrong, join(EX, "aci-canonique.xlsx")]);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain("Configuration invalide");
    expect(r2.err).toContain("seuilInconnu");
    expect(run(["check", "--config", join(dir, "nope.json"), join(EX, "aci-canonique.xlsx")]).err).toContain(
      "introuvable",
    );
  });
});

describe("indicators", () => {
  it("--json: {file, kind, valid, structure, indicators} per report, with every key of domain §4.1", () => {
    const r = run([
      "indicators",
      "--json",
      join(EX, "aci-canonique.xlsx"),
      join(EX, "ai-format-departement.xlsx"),
    ]);
    expect(r.code).toBe(0);
    const out = json(r.out);
    expect(out).toHaveLength(2);
    for (const o of out) {
      expect(Object.keys(o)).toEqual(["file", "kind", "valid", "structure", "indicators"]);
      expect(Object.keys(o.indicators as object)).toEqual([...INDICATOR_KEYS]);
    }
    // A column absent from the AI layout gives null, not 0.
    expect((out[1].indicators as Record<string, unknown>).zrr).toBeNull();
  });
  it("text mode prints a French table", () => {
    const r = run(["indicators", join(EX, "aci-canonique.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Salariés\s+40/);
    // Percentages as French text: decimal comma, (narrow) no-break space before %.
    expect(r.out).toMatch(/Part de femmes\s+\d+,\d[\u202f\u00a0 ]%/);
  });
});

describe("consolidate", () => {
  it("folder → {reports, byKind, total}, CSV and xlsx outputs, progress on stderr only", async () => {
    const csv = join(dir, "conso.csv");
    const xlsx = join(dir, "conso.xlsx");
    const r = run(["consolidate", "--json", "--csv", csv, "--xlsx", xlsx, join(EX, "departement-38")]);
    // One returned file has errors.
    expect(r.code).toBe(1);
    const o = JSON.parse(r.out) as {
      reports: Record<string, unknown>[];
      byKind: Record<string, Record<string, unknown>>;
      total: Record<string, unknown>;
    };
    expect(Object.keys(o)).toEqual(["reports", "byKind", "total"]);
    expect(o.reports).toHaveLength(12);
    expect(Object.keys(o.reports[0])).toEqual([
      "file",
      "siret",
      "name",
      "kind",
      "valid",
      "counts",
      "indicators",
    ]);
    expect(Object.keys(o.byKind.ACI)).toEqual(["structures", "reports", "indicators"]);
    expect(o.total).toMatchObject({ structures: 11, reports: 12 });
    expect(Object.keys(o.total)).toEqual(
      expect.arrayContaining(["structures", "reports", "distinctPersons", "indicators"]),
    );
    expect(r.err).toContain("Lecture 1/12 : ");
    const text = readFileSync(csv, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split("\r\n");
    expect(lines[0].startsWith("Niveau;Fichier;SIRET;Raison sociale;Type")).toBe(true);
    expect(lines).toHaveLength(12 + 5 + 1 + 1 + 1);
    expect(lines[1]).toMatch(/;\d+,\d %/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Consolidation",
      "Par type",
      "Suivi des envois",
      "Définitions",
    ]);
  });
  it("an unreadable file is left out with a French message, the others consolidated, exit 1", () => {
    const bad = join(dir, "pas-un-classeur.xlsx");
    writeFileSync(bad, "%PDF-1.4\n");
    const r = run(["consolidate", "--json", join(EX, "aci-canonique.xlsx"), bad]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).reports).toHaveLength(1);
    expect(r.err).toContain("PDF");
  });
});

describe("template", () => {
  it("-o writes the canonical workbook; a bad kind or no -o is a French error", async () => {
    const out = join(dir, "modele.xlsx");
    const r = run(["template", "--kind", "ei", "-o", out]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("Structure")!.getCell("B4").value).toBe("EI");
    expect(run(["template", "--kind", "SCOP", "-o", out]).err).toContain(
      "Type de structure « SCOP » inconnu",
    );
    expect(run(["template"]).code).toBe(2);
  });
});

it("bin prints a clear message when dist is missing", () => {
  // Run a copy of the bin from a folder without dist/.
  const fake = mkdtempSync(join(tmpdir(), "bilan-bin-"));
  execFileSync("mkdir", ["-p", join(fake, "bin")]);
  writeFileSync(join(fake, "bin", "bilan-iae.js"), readFileSync(BIN));
  const r = spawnSync(process.execPath, [join(fake, "bin", "bilan-iae.js"), "check", "x.xlsx"], {
    encoding: "utf8",
  });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("lancez npm ci ou npm run build:node");
});
