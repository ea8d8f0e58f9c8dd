/**
 * Writes the example workbooks of examples/ and their ground truth (examples/truth/*.json).
 * Deterministic (seeded PRNG, fixed timestamps): `npm run examples` regenerates the same bytes.
 * Names are invented. Run: node -r ./scripts/register-ts.js scripts/generate-examples.ts
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Prng } from "./examples/prng";
import { day, iso, luhnOk, makePass, makePerson, makeSiret, MOTIFS } from "./examples/people";
import type { TruthFinding, TruthKind, TruthPerson, TruthWorkbook } from "./examples/truth";
import { canonicalWorkbook, departmentLayoutWorkbook, type Overrides } from "./examples/write-workbooks";

const ROOT = join(__dirname, "..", "examples");
const TRUTH = join(ROOT, "truth");
const PERIOD = { periodStart: "2025-01-01", periodEnd: "2025-12-31" };
const CANONICAL_COLUMNS = [
  "passNumber",
  "lastName",
  "firstName",
  "sex",
  "birthDate",
  "postalCode",
  "commune",
  "qpv",
  "qpvCode",
  "zrr",
  "rsa",
  "ass",
  "aah",
  "rqth",
  "ftDuration",
  "educationLevel",
  "prescriber",
  "hireDate",
  "contractEndDate",
  "weeklyHours",
  "hoursWorked",
  "hoursSinceHire",
  "exitDate",
  "exitReason",
  "derogation",
];

const usedPasses = new Set<string>();
function uniquePass(n: number, salt: number): string {
  let k = n;
  let p = makePass(k, salt);
  while (usedPasses.has(p)) p = makePass(++k + 5000, salt);
  usedPasses.add(p);
  return p;
}

function people(
  rng: Prng,
  kind: TruthKind,
  count: number,
  salt: number,
  extra: { shortExitShare?: number; withdrawnShare?: number; exitShare?: number } = {},
): TruthPerson[] {
  const out: TruthPerson[] = [];
  for (let i = 0; i < count; i++) {
    out.push(
      makePerson(rng, {
        kind,
        ...PERIOD,
        row: i + 2,
        pass: uniquePass(i, salt),
        exitShare: extra.exitShare ?? 0.35,
        ...extra,
      }),
    );
  }
  return out;
}

/** Findings a clean workbook produces by construction: info on the short and withdrawn exits it holds on purpose. */
function infoFindings(t: TruthWorkbook): TruthFinding[] {
  const out: TruthFinding[] = [];
  for (const p of t.persons) {
    if (!p.exit || p.exit < t.periodStart || p.exit > t.periodEnd) continue;
    if (p.category === "withdrawn")
      out.push({
        code: "exit-withdrawn",
        severity: "info",
        row: p.row,
        why: "motif de la catégorie retrait",
      });
    else if (isTooShort(t.kind, p))
      out.push({ code: "exit-too-short", severity: "info", row: p.row, why: "parcours trop court" });
  }
  return out;
}

export function isTooShort(kind: TruthKind, p: TruthPerson): boolean {
  if (!p.exit || !p.hire) return false;
  if (kind === "ACI" || kind === "EI") {
    const h = new Date(`${p.hire}T00:00:00Z`);
    const threshold = new Date(Date.UTC(h.getUTCFullYear(), h.getUTCMonth() + 3, 1));
    const last = new Date(Date.UTC(threshold.getUTCFullYear(), threshold.getUTCMonth() + 1, 0)).getUTCDate();
    threshold.setUTCDate(Math.min(h.getUTCDate(), last));
    return p.exit < threshold.toISOString().slice(0, 10);
  }
  if (kind === "AI" || kind === "ETTI") return (p.hoursSinceHire ?? p.hours ?? 0) < 150;
  return false;
}

function truth(
  file: string,
  kind: TruthKind,
  name: string,
  siret: string,
  persons: TruthPerson[],
  fte: number | null,
  columns = CANONICAL_COLUMNS,
): TruthWorkbook {
  const t: TruthWorkbook = {
    file,
    kind,
    siret,
    name,
    department: "38",
    ...PERIOD,
    fteConventioned: fte,
    columns,
    persons,
    findings: [],
  };
  t.findings = infoFindings(t);
  return t;
}

function save(t: TruthWorkbook, bytes: Buffer, sub = ""): void {
  writeFileSync(join(ROOT, sub, t.file), bytes);
  mkdirSync(join(TRUTH, sub), { recursive: true });
  writeFileSync(join(TRUTH, sub, t.file.replace(/\.xlsx$/, ".json")), JSON.stringify(t, null, 1) + "\n");
}

async function aciCanonical(): Promise<void> {
  const rng = new Prng(20250101);
  const t = truth(
    "aci-canonique.xlsx",
    "ACI",
    "Les Jardins du Vercors",
    makeSiret(rng, "4"),
    people(rng, "ACI", 40, 1),
    22.5,
  );
  await save(t, await canonicalWorkbook(t));
}

async function aiDepartmentLayout(): Promise<void> {
  const rng = new Prng(3838);
  const headerRow = 12;
  const persons = people(rng, "AI", 30, 2, { shortExitShare: 0.1 }).map((p, i) => ({
    ...p,
    row: headerRow + 1 + i,
    // What this layout can say: X or nothing, RSA yes/no only, no other criteria. A column of X and
    // blanks is a check-box column: a blank there is "no" (domain §2.4.7).
    qpv: p.qpv === true,
    rqth: p.rqth === true,
    rsa: p.rsa === "NON" ? ("NON" as const) : ("OUI" as const),
    zrr: null,
    ass: null,
    aah: null,
    ft: null,
    edu: null,
    contractEnd: null,
    weekly: null,
    hoursSinceHire: null,
  }));
  const t = truth(
    "ai-format-departement.xlsx",
    "AI",
    "Coup de Main Services",
    makeSiret(rng, "7"),
    persons,
    null,
    [
      "passNumber",
      "lastName",
      "firstName",
      "sex",
      "birthDate",
      "qpv",
      "rsa",
      "rqth",
      "hireDate",
      "exitDate",
      "exitReason",
      "hoursWorked",
    ],
  );
  // Both X columns hold a blank somewhere: each is read as check boxes, said once on its header.
  for (const field of ["qpv", "rqth"] as const) {
    if (t.persons.some((p) => p[field] === false))
      t.findings.push({
        code: "checkbox-column",
        severity: "info",
        row: headerRow,
        why: `colonne ${field} : X ou vide`,
      });
  }
  await save(t, await departmentLayoutWorkbook(t, headerRow));
}

async function eiErrors(): Promise<void> {
  const rng = new Prng(4242);
  const persons = people(rng, "EI", 24, 3, { exitShare: 0.5 });
  // Bad SIRET checksum: a valid one with its last digit changed.
  const good = makeSiret(rng, "5");
  const siret = good.slice(0, 13) + String((Number(good[13]) + 1) % 10);
  if (luhnOk(siret)) throw new Error("checksum should fail");
  const t = truth("ei-erreurs.xlsx", "EI", "Recyclerie du Grésivaudan", siret, persons, 8);
  const o: Overrides = new Map();
  const f: TruthFinding[] = [
    { code: "siret-format", severity: "warning", row: 2, why: "clé de contrôle du SIRET fausse" },
  ];
  const person = (row: number) => t.persons.find((p) => p.row === row) as TruthPerson;
  const set = (
    row: number,
    cells: Record<string, string | number>,
    finding: Omit<TruthFinding, "row">,
    patch: Partial<TruthPerson>,
  ) => {
    o.set(row, { ...o.get(row), ...cells });
    f.push({ ...finding, row });
    Object.assign(person(row), patch);
  };
  // Every mistake is on a person whose clean values had no exit finding of their own.
  const noExit = t.persons.filter((p) => p.exit === null).map((p) => p.row);
  const withExit = t.persons.filter((p) => p.exit !== null).map((p) => p.row);
  if (noExit.length < 9 || withExit.length < 8)
    throw new Error(`EI draw: ${noExit.length} present, ${withExit.length} exits`);
  const [a, b, c, d, e, g, h, i, j] = noExit;
  set(
    a,
    { hireDate: "31/02/2025" },
    { code: "value-invalid", severity: "error", why: "date d'embauche impossible (31 février)" },
    { hire: null },
  );
  set(b, { rsa: "" }, { code: "value-required", severity: "error", why: "RSA non renseigné" }, { rsa: null });
  set(
    c,
    { passNumber: person(b).pass as string },
    { code: "duplicate-person", severity: "error", why: "même PASS IAE que la ligne " + b },
    { pass: person(b).pass },
  );
  set(
    d,
    { hoursWorked: -12 },
    { code: "hours-negative", severity: "error", why: "heures négatives" },
    { hours: -12 },
  );
  set(
    e,
    { weeklyHours: 60 },
    { code: "weekly-hours-max", severity: "error", why: "60 h par semaine" },
    { weekly: 60 },
  );
  set(
    g,
    { passNumber: "12AB" },
    { code: "pass-format", severity: "error", why: "PASS IAE de 4 caractères" },
    { pass: "12AB" },
  );
  set(
    h,
    { birthDate: "#N/A" },
    { code: "cell-error", severity: "error", why: "valeur d'erreur Excel" },
    { birth: null },
  );
  set(i, { sex: "Z" }, { code: "value-invalid", severity: "error", why: "sexe inconnu" }, { sex: null });
  set(
    j,
    { birthDate: "12/13/1985" },
    { code: "value-invalid", severity: "error", why: "date de naissance au format américain (mois 13)" },
    { birth: null },
  );
  const [x, y] = withExit;
  set(
    x,
    { exitReason: "" },
    { code: "exit-reason-missing", severity: "error", why: "sortie sans motif" },
    { motifCode: null, category: null },
  );
  set(
    y,
    { exitReason: "Parti en vacances" },
    { code: "exit-reason-unknown", severity: "error", why: "motif inconnu" },
    { motifCode: null, category: null },
  );
  t.findings.push(...f);
  t.findings = t.findings.filter((fi) => !(fi.severity === "info" && (fi.row === x || fi.row === y)));
  await save(t, await canonicalWorkbook(t, { overrides: o }));
}

/** A dozen returned workbooks of one department (Isère, 38). */
async function department(): Promise<void> {
  const rng = new Prng(380038);
  const sub = "departement-38";
  mkdirSync(join(ROOT, sub), { recursive: true });
  const plan: { kind: TruthKind; name: string; n: number; fte: number | null }[] = [
    { kind: "ACI", name: "Chantier Nature Chartreuse", n: 18, fte: 10 },
    { kind: "ACI", name: "Atelier Couture Solidaire", n: 14, fte: 8 },
    { kind: "ACI", name: "Les Potagers de l'Oisans", n: 22, fte: 12 },
    { kind: "ACI", name: "Ressourcerie du Trièves", n: 16, fte: 9 },
    { kind: "ACI", name: "Bâtiment Insertion Voironnais", n: 12, fte: 7 },
    { kind: "AI", name: "Services Plus Matheysine", n: 25, fte: null },
    { kind: "AI", name: "Entraide Emploi Bièvre", n: 20, fte: null },
    { kind: "EI", name: "Propreté Alpes Insertion", n: 15, fte: 9 },
    { kind: "ETTI", name: "Propreté Alpes Intérim", n: 17, fte: 6 },
    { kind: "EI", name: "Menuiserie du Vercors", n: 10, fte: 6 },
    { kind: "ETTI", name: "Intérim Solidaire Nord-Isère", n: 19, fte: 7 },
    { kind: "EITI", name: "Coopérative Indépendants 38", n: 8, fte: null },
  ];
  const truths: TruthWorkbook[] = [];
  let sharedSiret = "";
  plan.forEach((s, k) => {
    // The EI and the ETTI of "Propreté Alpes" are two conventions of one SIRET.
    const siret = s.name === "Propreté Alpes Intérim" ? sharedSiret : makeSiret(rng, String((k % 9) + 1));
    if (s.name === "Propreté Alpes Insertion") sharedSiret = siret;
    const persons = people(rng, s.kind, s.n, 10 + k, { shortExitShare: 0.05 });
    const file = `${String(k + 1).padStart(2, "0")}-${s.kind.toLowerCase()}-${s.name
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")}.xlsx`;
    truths.push(truth(file, s.kind, s.name, siret, persons, s.fte));
  });
  // A few people worked in two structures during the year: same PASS, name and birth date.
  const moves: [number, number, number, number][] = [
    [0, 0, 5, 3],
    [1, 2, 3, 4],
    [6, 1, 9, 2],
  ];
  for (const [fromFile, fromIdx, toFile, toIdx] of moves) {
    const src = truths[fromFile].persons[fromIdx];
    const dst = truths[toFile].persons[toIdx];
    usedPasses.delete(dst.pass as string);
    Object.assign(dst, {
      pass: src.pass,
      lastName: src.lastName,
      firstName: src.firstName,
      sex: src.sex,
      birth: src.birth,
    });
  }
  // One returned file with mistakes: a missing RSA and an exit without a motif.
  const bad = truths[3];
  const o: Overrides = new Map();
  const p1 = bad.persons.find((p) => p.exit === null) as TruthPerson;
  const p2 = bad.persons.find(
    (p) => p.exit !== null && p.category !== "withdrawn" && !isTooShort(bad.kind, p),
  ) as TruthPerson;
  o.set(p1.row, { rsa: "" });
  p1.rsa = null;
  o.set(p2.row, { exitReason: "" });
  Object.assign(p2, { motifCode: null, category: null });
  bad.findings = infoFindings(bad);
  bad.findings.push(
    { code: "value-required", severity: "error", row: p1.row, why: "RSA non renseigné" },
    { code: "exit-reason-missing", severity: "error", row: p2.row, why: "sortie sans motif" },
  );
  for (const t of truths) await save(t, await canonicalWorkbook(t, t === bad ? { overrides: o } : {}), sub);
}

async function main(): Promise<void> {
  // truth/reels belongs to the corpus (npm run corpus): left as it is.
  if (existsSync(TRUTH))
    for (const n of readdirSync(TRUTH))
      if (n !== "reels") rmSync(join(TRUTH, n), { recursive: true, force: true });
  rmSync(join(ROOT, "departement-38"), { recursive: true, force: true });
  mkdirSync(TRUTH, { recursive: true });
  await aciCanonical();
  await aiDepartmentLayout();
  await eiErrors();
  await department();
  void day;
  void iso;
  void MOTIFS;
  console.log(`Exemples écrits dans ${ROOT}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
