// The 100 000-row workbook of the end-to-end bench, as three writers save it (issue 17: "from any writer"):
// ExcelJS with shared strings, an inline-string writer (openpyxl, POI's SXSSF), and LibreOffice. Written
// once into the OS temp folder, in a directory named for a hash of the generators, so re-runs are fast and
// a changed generator makes new files.
const crypto = require("node:crypto");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { performance } = require("node:perf_hooks");
const ExcelJS = require("exceljs");
const { rows, STRUCTURE } = require("./gen-rows");

const root = path.join(__dirname, "..");
const corpus = path.join(root, "scripts", "corpus");
const GENERATORS = [
  __filename,
  path.join(__dirname, "gen-rows.js"),
  path.join(corpus, "write-inline.ts"),
  path.join(corpus, "model.ts"),
  path.join(corpus, "write-libreoffice.ts"),
];
const DATE_COLUMNS = [5, 18, 19, 23];

function generatorVersion() {
  const h = crypto.createHash("sha256");
  for (const f of GENERATORS) h.update(fs.readFileSync(f));
  return h.digest("hex").slice(0, 12);
}

async function writeExcelJs(file, n) {
  // Streaming writer: the bench's own input must not need the memory it measures.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
  });
  const st = wb.addWorksheet("Structure");
  for (const r of STRUCTURE) st.addRow(r).commit();
  await st.commit();
  const ws = wb.addWorksheet("Salariés");
  for (const c of DATE_COLUMNS) ws.getColumn(c).numFmt = "dd/mm/yyyy";
  for (const r of rows(n)) ws.addRow(r).commit();
  await ws.commit();
  await wb.commit();
}

async function writeInlineFile(file, n) {
  // The corpus's inline writer, fed the same cells (its model drops empty strings, as such writers do).
  require(path.join(root, "scripts", "register-ts.js"));
  const { WorkbookModel } = require(path.join(corpus, "model.ts"));
  const { writeInline } = require(path.join(corpus, "write-inline.ts"));
  const model = new WorkbookModel();
  const fill = (sheet, table) => table.forEach((r, i) => r.forEach((v, j) => sheet.set(i + 1, j + 1, v)));
  fill(model.addSheet("Structure"), STRUCTURE);
  fill(model.addSheet("Salariés"), rows(n));
  fs.writeFileSync(file, await writeInline(model));
}

function writeLibreOffice(file, source) {
  require(path.join(root, "scripts", "register-ts.js"));
  const { convertWithLibreOffice } = require(path.join(corpus, "write-libreoffice.ts"));
  convertWithLibreOffice([{ source, target: file }]);
}

function sofficeAvailable() {
  require(path.join(root, "scripts", "register-ts.js"));
  return require(path.join(corpus, "write-libreoffice.ts")).sofficeAvailable();
}

async function made(file, label, write) {
  if (fs.existsSync(file)) return;
  const t0 = performance.now();
  const partial = `${file}.part`;
  await write(partial);
  fs.renameSync(partial, file);
  const mb = (fs.statSync(file).size / 1e6).toFixed(1).replace(".", ",");
  console.log(
    `Fichier ${label} écrit : ${file} (${mb} Mo, ${((performance.now() - t0) / 1000).toFixed(0)} s)`,
  );
}

/**
 * The three files for n rows: [{ writer, label, file }], or { writer, label, missing } when the file cannot
 * be made here (LibreOffice absent), with what to install.
 */
async function bigFiles(n) {
  const dir = path.join(os.tmpdir(), `bilan-iae-bench-${generatorVersion()}`);
  fs.mkdirSync(dir, { recursive: true });
  const exceljs = path.join(dir, `exceljs-${n}.xlsx`);
  const inline = path.join(dir, `inline-${n}.xlsx`);
  const lo = path.join(dir, `libreoffice-${n}.xlsx`);
  await made(exceljs, "ExcelJS", (f) => writeExcelJs(f, n));
  await made(inline, "chaînes en ligne", (f) => writeInlineFile(f, n));
  const out = [
    { writer: "exceljs", label: "ExcelJS, chaînes partagées", file: exceljs },
    { writer: "inline", label: "chaînes en ligne (openpyxl, POI)", file: inline },
  ];
  const loLabel = "enregistré par LibreOffice";
  if (fs.existsSync(lo) || sofficeAvailable()) {
    await made(lo, "LibreOffice", (f) => writeLibreOffice(f, exceljs));
    out.push({ writer: "libreoffice", label: loLabel, file: lo });
  } else {
    out.push({
      writer: "libreoffice",
      label: loLabel,
      missing: "LibreOffice (soffice) est absent : apt-get install -y libreoffice-calc-nogui",
    });
  }
  return out;
}

module.exports = { bigFiles };
