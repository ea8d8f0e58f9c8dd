// A generated report of N rows as a real .xlsx (Structure + Salariés sheets, shared strings, date formats), written
// by ExcelJS's workbook writer, which declares each sheet's dimension as Excel does. For the pane's bench and tests.
const ExcelJS = require("exceljs");
const { rows, STRUCTURE } = require("./gen-rows");

async function writeRowsXlsx(file, n, seed = 42) {
  const wb = new ExcelJS.Workbook();
  const st = wb.addWorksheet("Structure");
  for (const r of STRUCTURE) st.addRow(r);
  const ws = wb.addWorksheet("Salariés");
  for (const c of [5, 18, 19, 23]) ws.getColumn(c).numFmt = "dd/mm/yyyy";
  ws.addRows(rows(n, seed));
  await wb.xlsx.writeFile(file);
  return file;
}

module.exports = { writeRowsXlsx };
