import { analyzeOne } from "../support/analyze-one";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { INDICATOR_LABELS, type SendReceiptRecord } from "../../src/core";
import { annotateWorkbook, XlsxWorkbook } from "../../src/xlsx/xlsx-workbook";

const EXAMPLE = join(__dirname, "..", "..", "examples", "aci-canonique.xlsx");

const receipt: SendReceiptRecord = {
  submissionId: "sub_42",
  version: 1,
  receivedAt: new Date(2026, 2, 3, 14, 30).toISOString(),
  hub: "http://127.0.0.1:8080",
  contentHash: "sha256-0123",
  // The example's SIRET: a receipt is drawn on the sheet of its own report (SIRET + kind).
  siret: "48031712895944",
  period: "2025",
  alreadyReceived: false,
};

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Column A/B of a sheet, as plain values. */
function columns(ws: ExcelJS.Worksheet): [unknown, unknown][] {
  const out: [unknown, unknown][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => out.push([row.getCell(1).value, row.getCell(2).value]));
  return out;
}

describe("send state in an .xlsx file (file mode, CLI)", () => {
  it("round-trips the receipt through a very hidden sheet that is not read as data, and draws the Envoi block", async () => {
    const book = new XlsxWorkbook(readFileSync(EXAMPLE), "aci-canonique.xlsx");
    expect(await book.loadSendState()).toEqual({ receipt: null, receipts: [], pending: null });
    const sheetsBefore = (await book.read()).sheets.map((s) => s.name);
    const analysis = analyzeOne(await book.read());
    await book.markSendPending({
      contentHash: "sha256-0123",
      hub: "http://127.0.0.1:8080",
      siret: "13129594833065",
      period: "2025",
      queuedAt: "2026-03-03T13:00:00.000Z",
    });
    expect((await book.loadSendState()).pending?.contentHash).toBe("sha256-0123");
    await book.writeSendReceipts([receipt], [analysis], {
      generatedAt: new Date(2026, 2, 3, 14, 31),
      language: "fr",
    });

    const bytes = await book.toBuffer();
    const reopened = new XlsxWorkbook(bytes, "aci-canonique.xlsx");
    expect(await reopened.loadSendState()).toEqual({ receipt, receipts: [receipt], pending: null });
    // The state sheet is not data: the reader sees the same sheets plus Indicateurs.
    expect((await reopened.read()).sheets.map((s) => s.name)).toEqual([...sheetsBefore, "Indicateurs"]);

    const wb = await load(bytes);
    expect(wb.getWorksheet("BilanIAE_envoi")!.state).toBe("veryHidden");
    const rows = columns(wb.getWorksheet("Indicateurs")!);
    const title = rows.findIndex(([a]) => a === "Envoi au Département");
    const last = rows.findIndex(([a]) => a === INDICATOR_LABELS.averagePathMonths.fr);
    expect(last).toBeGreaterThan(0);
    expect(title).toBeGreaterThan(last);
    const line = (label: string) => rows.slice(title).find(([a]) => a === label)?.[1];
    expect(line("Reçu le")).toBe("03/03/2026 14:30");
    expect(line("Numéro d'envoi")).toBe("sub_42");
    expect(line("Version")).toBe("1");
    expect(line("Statut")).toBe("Reçu par le Département");
  });

  it("the annotated copy (file mode's download) re-draws the block from the stored receipt", async () => {
    const book = new XlsxWorkbook(readFileSync(EXAMPLE), "aci-canonique.xlsx");
    const analysis = analyzeOne(await book.read());
    await book.writeSendReceipts([{ ...receipt, alreadyReceived: true }], [analysis], {
      generatedAt: new Date(2026, 2, 3),
      language: "fr",
    });
    const annotated = await annotateWorkbook(await book.toBuffer(), [analysis], {
      generatedAt: new Date(2026, 2, 4),
      language: "en",
    });
    const rows = columns((await load(annotated)).getWorksheet("Indicateurs")!);
    const title = rows.findIndex(([a]) => a === "Sent to the department");
    expect(title).toBeGreaterThan(0);
    expect(rows.slice(title).find(([a]) => a === "Status")?.[1]).toBe(
      "Already received by the department (same content as the previous send)",
    );
    expect(rows.slice(title).find(([a]) => a === "Received on")?.[1]).toBe("03/03/2026 14:30");
  });

  it("a workbook without the sheet, or with a damaged one, has no state", async () => {
    const wb = await load(readFileSync(EXAMPLE));
    const ws = wb.addWorksheet("BilanIAE_envoi", { state: "veryHidden" });
    ws.getCell("A1").value = "bilan-iae-envoi-v1";
    ws.getCell("A2").value = "{abîmé";
    const book = new XlsxWorkbook(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(await book.loadSendState()).toEqual({ receipt: null, receipts: [], pending: null });
  });
});
