/**
 * Writes the corpus of real-shaped workbooks, examples/reels/ (one case per situation of domain §2.4,
 * each saved by ExcelJS, LibreOffice and an inline writer), and its truth, examples/truth/reels/,
 * from what the generator put in the cells (never from the engine).
 * Run: npm run corpus  (add --force-libreoffice to reconvert every LibreOffice file)
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CASES } from "./cases";
import type { Claim, CorpusFile, CorpusTruth } from "./corpus-truth";
import { frenchSpaces } from "./french";
import { isFormula, type WorkbookModel } from "./model";
import { writeExcelJs } from "./write-exceljs";
import { writeInline } from "./write-inline";
import { convertWithLibreOffice, sofficeAvailable, type Conversion } from "./write-libreoffice";

const ROOT = join(__dirname, "..", "..");
const FILES = join(ROOT, "examples", "reels");
const TRUTH = join(ROOT, "examples", "truth", "reels");

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const hasFormula = (m: WorkbookModel) =>
  m.sheets.some((s) => [...s.rows.values()].some((r) => [...r.values()].some(isFormula)));

/** What each writer's file holds by construction; the corpus test checks every claim in the bytes. */
function claims(m: WorkbookModel, own: Claim[], formulas: Claim): Claim[] {
  const out = [...own];
  if (hasFormula(m)) out.push(formulas);
  if (m.sheets.some((s) => s.table?.totalsRow)) out.push("table-totals-row");
  if (m.sheets.some((s) => s.merges.length > 0)) out.push("merged-cells");
  return out;
}

function previousTruth(name: string): CorpusTruth | null {
  const p = join(TRUTH, `${name}.json`);
  return existsSync(p) ? (JSON.parse(readFileSync(p, "utf8")) as CorpusTruth) : null;
}

async function main(): Promise<void> {
  mkdirSync(FILES, { recursive: true });
  mkdirSync(TRUTH, { recursive: true });
  const force = process.argv.includes("--force-libreoffice");
  const soffice = sofficeAvailable();
  if (!soffice)
    console.warn(
      frenchSpaces(
        "LibreOffice (soffice) est absent : les fichiers *.libreoffice.xlsx déjà présents sont gardés tels quels. Pour les refaire : apt-get install -y libreoffice-calc-nogui, puis npm run corpus.",
      ),
    );
  const conversions: Conversion[] = [];
  const truths: CorpusTruth[] = [];
  for (const make of CASES) {
    const c = make();
    const excel = await writeExcelJs(c.model);
    const inline = await writeInline(c.model);
    const excelPath = `${c.name}.exceljs.xlsx`;
    const inlinePath = `${c.name}.inline.xlsx`;
    const loPath = `${c.name}.libreoffice.xlsx`;
    writeFileSync(join(FILES, excelPath), excel);
    writeFileSync(join(FILES, inlinePath), inline);
    const sourceSha256 = sha256(excel);
    const before = previousTruth(c.name)?.files.find((f) => f.writer === "libreoffice");
    const loExists = existsSync(join(FILES, loPath));
    const stale = !loExists || before?.sourceSha256 !== sourceSha256;
    if (soffice && (stale || force))
      conversions.push({ source: join(FILES, excelPath), target: join(FILES, loPath) });
    else if (!soffice && loExists && stale)
      console.warn(
        frenchSpaces(
          `${loPath} : le fichier ExcelJS a changé depuis sa conversion ; refaites-la avec LibreOffice.`,
        ),
      );
    const files: CorpusFile[] = [
      {
        path: `reels/${excelPath}`,
        writer: "exceljs",
        claims: claims(c.model, ["shared-strings"], "formula-cached"),
      },
      {
        path: `reels/${loPath}`,
        writer: "libreoffice",
        claims: claims(c.model, ["shared-strings", "libreoffice-app"], "formula-cached"),
        source: `reels/${excelPath}`,
        sourceSha256: stale && !soffice ? (before?.sourceSha256 ?? "") : sourceSha256,
      },
      {
        path: `reels/${inlinePath}`,
        writer: "inline",
        claims: claims(c.model, ["inline-strings"], "formula-no-value"),
      },
    ];
    const skipped = [...(c.skipped ?? [])];
    if (!soffice && !loExists) {
      files.splice(1, 1);
      skipped.push({
        writer: "libreoffice",
        why: "LibreOffice absent lors de la génération, aucun fichier déjà converti",
      });
    }
    truths.push({
      case: c.name,
      point: c.point,
      description: frenchSpaces(c.description),
      files,
      skipped: skipped.map((x) => ({ ...x, why: frenchSpaces(x.why) })),
      layouts: c.layouts,
      reports: c.reports,
      findings: c.findings.map((x) => ({ ...x, why: frenchSpaces(x.why) })),
      absentCodes: c.absentCodes,
      writerDifferences: c.writerDifferences ?? [],
    });
  }
  convertWithLibreOffice(conversions);
  for (const t of truths) writeFileSync(join(TRUTH, `${t.case}.json`), JSON.stringify(t, null, 1) + "\n");
  console.log(
    frenchSpaces(
      `Corpus écrit : ${truths.length} cas dans ${FILES} (${conversions.length} conversion${conversions.length > 1 ? "s" : ""} LibreOffice), vérité dans ${TRUTH}`,
    ),
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
