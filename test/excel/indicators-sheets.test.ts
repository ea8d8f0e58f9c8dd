import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeWorkbook, INDICATOR_LABELS, type Analysis, type SendReceiptRecord } from "../../src/core";
import { RECEIPT_SETTING, RECEIPTS_SETTING } from "../../src/excel/send-store";
import { INDICATORS_CHART } from "../../src/excel/write-indicators";
import { XlsxWorkbook } from "../../src/xlsx/xlsx-workbook";
import { FakeExcel } from "./fake-excel";
import { workbookOn } from "./helpers";

const REELS = join(__dirname, "..", "..", "examples", "reels");

/** The two reports (ACI and EI) of the real-shaped two-convention workbook, and the one report of a plain one. */
async function reportsOf(file: string): Promise<Analysis[]> {
  const data = await new XlsxWorkbook(readFileSync(join(REELS, file)), file).read();
  return analyzeWorkbook(data).reports;
}

function fakeWithSheet(name: string): FakeExcel {
  const fake = new FakeExcel();
  fake.model.addSheet(name).put(0, 0, [["Nom"]]);
  return fake;
}

const names = (fake: FakeExcel) => fake.model.sheets.map((s) => s.name);
const column = (fake: FakeExcel, sheet: string) => fake.model.sheet(sheet).values.map((r) => r[0] ?? "");
const line = (fake: FakeExcel, sheet: string, label: string) =>
  fake.model.sheet(sheet).values.find((r) => r[0] === label)?.[1];

const receiptOf = (a: Analysis, id: string): SendReceiptRecord => ({
  submissionId: id,
  version: 1,
  receivedAt: "2026-03-03T13:30:00.000Z",
  hub: "https://hub.departement.fr",
  contentHash: `sha256-${id}`,
  siret: a.structure.siret ?? "",
  period: "2025",
  alreadyReceived: false,
  ...(a.structure.kind ? { kind: a.structure.kind } : {}),
});

describe("one Indicateurs sheet per report in the open workbook (Office)", () => {
  it("two conventions: « Indicateurs ACI » and « Indicateurs EI », each with its figures and chart, in 3 syncs", async () => {
    const reports = await reportsOf("conventions-sheets.exceljs.xlsx");
    expect(reports.map((r) => r.structure.kind)).toEqual(["ACI", "EI"]);
    const fake = fakeWithSheet("Salariés");
    fake.resetCounters();
    await workbookOn(fake).writeIndicators(reports, { generatedAt: new Date(2026, 2, 3), language: "fr" });
    expect(fake.syncCount).toBe(2); // new sheets: no chart to look for
    expect(names(fake)).toEqual(["Salariés", "Indicateurs ACI", "Indicateurs EI"]);
    for (const [i, sheet] of ["Indicateurs ACI", "Indicateurs EI"].entries()) {
      expect(line(fake, sheet, "Type")).toContain(reports[i].structure.kind);
      expect(line(fake, sheet, INDICATOR_LABELS.employees.fr)).toBe(reports[i].indicators.employees);
      expect(fake.model.sheet(sheet).charts.map((c) => c.name)).toEqual([INDICATORS_CHART]);
      expect(fake.model.sheet(sheet).charts[0].source.startsWith(`'${sheet}'!`)).toBe(true);
    }
    expect(reports[0].indicators.employees).not.toBe(reports[1].indicators.employees);
    expect(fake.model.activeSheet).toBe("Indicateurs ACI");
  });

  it("rewriting keeps the sheets (a user's chart stays), removes a kind no longer present and the single sheet, and never a user's own sheet", async () => {
    const two = await reportsOf("conventions-sheets.exceljs.xlsx");
    const fake = fakeWithSheet("Salariés");
    fake.model.addSheet("Indicateurs").put(0, 0, [["ancienne feuille unique"]]);
    fake.model.addSheet("Indicateurs 2024").put(0, 0, [["les chiffres de l'an dernier, tapés à la main"]]);
    const wb = workbookOn(fake);
    await wb.writeIndicators(two, { generatedAt: new Date(2026, 2, 3), language: "fr" });
    expect(names(fake)).toEqual(["Salariés", "Indicateurs 2024", "Indicateurs ACI", "Indicateurs EI"]);
    fake.model.sheet("Indicateurs ACI").charts.push({
      name: "Graphique de l'utilisateur",
      type: "Pie",
      source: "'Indicateurs ACI'!A1:B2",
      seriesBy: "Columns",
      title: "",
      legend: null,
      valueAxisFormat: null,
      position: null,
    });

    fake.resetCounters();
    await wb.writeIndicators([two[0]], { generatedAt: new Date(2026, 2, 4), language: "fr" });
    expect(fake.syncCount).toBeLessThanOrEqual(3);
    // One report left: it takes the plain name; both per-kind sheets are ours and go.
    expect(names(fake)).toEqual(["Salariés", "Indicateurs 2024", "Indicateurs"]);

    await wb.writeIndicators(two, { generatedAt: new Date(2026, 2, 5), language: "fr" });
    fake.model.sheet("Indicateurs ACI").charts.push({
      name: "Graphique de l'utilisateur",
      type: "Pie",
      source: "'Indicateurs ACI'!A1:B2",
      seriesBy: "Columns",
      title: "",
      legend: null,
      valueAxisFormat: null,
      position: null,
    });
    fake.resetCounters();
    await wb.writeIndicators(two, { generatedAt: new Date(2026, 2, 6), language: "fr" });
    expect(fake.syncCount).toBe(3);
    expect(names(fake)).toEqual(["Salariés", "Indicateurs 2024", "Indicateurs ACI", "Indicateurs EI"]);
    expect(
      fake.model
        .sheet("Indicateurs ACI")
        .charts.map((c) => c.name)
        .sort(),
    ).toEqual([INDICATORS_CHART, "Graphique de l'utilisateur"].sort());
    expect(fake.model.sheet("Indicateurs EI").charts.map((c) => c.name)).toEqual([INDICATORS_CHART]);
    expect(column(fake, "Indicateurs 2024")).toEqual(["les chiffres de l'an dernier, tapés à la main"]);
  });

  it("each sheet shows its own report's receipt; the receipts are stored one per report, and an older single receipt still reads", async () => {
    const reports = await reportsOf("conventions-sheets.exceljs.xlsx");
    const fake = fakeWithSheet("Salariés");
    const wb = workbookOn(fake);
    const [aci, ei] = [receiptOf(reports[0], "sub_aci"), receiptOf(reports[1], "sub_ei")];
    fake.resetCounters();
    await wb.writeSendReceipts([aci, ei], reports, { generatedAt: new Date(2026, 2, 3), language: "fr" });
    expect(fake.syncCount).toBeLessThanOrEqual(3);
    expect(line(fake, "Indicateurs ACI", "Numéro d'envoi")).toBe("sub_aci");
    expect(line(fake, "Indicateurs EI", "Numéro d'envoi")).toBe("sub_ei");
    expect(JSON.parse(String(fake.model.settings.get(RECEIPTS_SETTING)))).toEqual([aci, ei]);
    expect(await wb.loadSendState()).toEqual({ receipt: ei, receipts: [aci, ei], pending: null });

    // A new EI receipt replaces EI's only.
    const ei2 = { ...receiptOf(reports[1], "sub_ei2"), version: 2 };
    await wb.writeSendReceipts([ei2], reports, { generatedAt: new Date(2026, 2, 4), language: "fr" });
    expect((await wb.loadSendState()).receipts).toEqual([aci, ei2]);
    expect(line(fake, "Indicateurs ACI", "Numéro d'envoi")).toBe("sub_aci");
    expect(line(fake, "Indicateurs EI", "Numéro d'envoi")).toBe("sub_ei2");

    // A workbook saved by the previous version: one receipt, no kind, no list.
    const old = new FakeExcel();
    old.model.addSheet("Salariés");
    const { kind: _kind, ...legacy } = aci;
    old.model.settings.set(RECEIPT_SETTING, JSON.stringify(legacy));
    expect(await workbookOn(old).loadSendState()).toEqual({
      receipt: legacy,
      receipts: [legacy],
      pending: null,
    });
  });
});
