import { analyzeOne } from "../support/analyze-one";
import { INDICATOR_LABELS, type SendReceiptRecord } from "../../src/core";
import { PENDING_SETTING, RECEIPT_SETTING } from "../../src/excel/send-store";
import { FakeExcel } from "./fake-excel";
import { workbookOn } from "./helpers";

/** A small canonical workbook with invented people. */
function fakeWorkbook(): FakeExcel {
  const fake = new FakeExcel();
  fake.model.addSheet("Structure").put(0, 0, [
    ["SIRET", "12345678900011"],
    ["Raison sociale", "Atelier du Lac"],
    ["Type de structure", "ACI"],
    ["Département", "38"],
    ["Début de période", 45658],
    ["Fin de période", 46022],
  ]);
  fake.model.addSheet("Salariés").put(0, 0, [
    [
      "N° PASS IAE",
      "Nom",
      "Prénom",
      "Sexe",
      "Date de naissance",
      "Résident QPV",
      "Bénéficiaire du RSA",
      "Date d'embauche",
      "Heures travaillées",
      "Date de sortie",
      "Motif de sortie",
    ],
    ["999990000001", "Martin", "Léa", "F", 32874, "Oui", "Non", 45300, 1200, "", ""],
    ["999990000002", "Petit", "Hugo", "H", 35000, "Non", "Non", 45400, 800, "", ""],
  ]);
  return fake;
}

const receipt: SendReceiptRecord = {
  submissionId: "sub_01HZX",
  version: 2,
  // Built from local parts so the expected "à 09:05" holds in any time zone.
  receivedAt: new Date(2026, 0, 15, 9, 5).toISOString(),
  hub: "https://hub.departement.fr",
  contentHash: "sha256-abc",
  siret: "12345678900011",
  period: "2025",
  alreadyReceived: false,
};

const rowsOf = (fake: FakeExcel) => fake.model.sheet("Indicateurs").values.map((r) => r.map((v) => v ?? ""));

describe("send state in the open workbook (Office)", () => {
  it("starts empty; a pending marker is stored in one sync and read back in one sync", async () => {
    const fake = fakeWorkbook();
    const wb = workbookOn(fake);
    expect(await wb.loadSendState()).toEqual({ receipt: null, receipts: [], pending: null });
    const pending = {
      contentHash: "sha256-abc",
      hub: "https://hub.departement.fr",
      siret: "12345678900011",
      period: "2025",
      queuedAt: "2026-01-15T08:00:00.000Z",
    };
    fake.resetCounters();
    await wb.markSendPending(pending);
    expect(fake.syncCount).toBe(1);
    fake.resetCounters();
    expect(await workbookOn(fake).loadSendState()).toEqual({ receipt: null, receipts: [], pending });
    expect(fake.syncCount).toBe(1);
    await wb.markSendPending(null);
    expect((await wb.loadSendState()).pending).toBeNull();
  });

  it("writeSendReceipts stores the receipt, clears the pending marker and draws the Envoi block below the indicators, in ≤3 syncs", async () => {
    const fake = fakeWorkbook();
    const wb = workbookOn(fake);
    const analysis = analyzeOne(await wb.read());
    await wb.markSendPending({
      contentHash: "sha256-abc",
      hub: "https://hub.departement.fr",
      siret: "12345678900011",
      period: "2025",
      queuedAt: "2026-01-15T08:00:00.000Z",
    });
    fake.resetCounters();
    await wb.writeSendReceipts([receipt], [analysis], {
      generatedAt: new Date(2026, 0, 15, 9, 6),
      language: "fr",
    });
    expect(fake.syncCount).toBeLessThanOrEqual(3);

    expect(JSON.parse(String(fake.model.settings.get(RECEIPT_SETTING)))).toEqual(receipt);
    expect(fake.model.settings.get(PENDING_SETTING)).toBe("");
    expect(await wb.loadSendState()).toEqual({ receipt, receipts: [receipt], pending: null });
    // Never a token or a key among the settings.
    expect([...fake.model.settings.values()].join(" ")).not.toMatch(/token|jeton|Bearer|cl[ée]/i);

    const rows = rowsOf(fake);
    const title = rows.findIndex((r) => r[0] === "Envoi au Département");
    const lastIndicator = rows.findIndex((r) => r[0] === INDICATOR_LABELS.averagePathMonths.fr);
    expect(title).toBeGreaterThan(0);
    const line = (label: string) => rows.slice(title).find((r) => r[0] === label)?.[1];
    expect(line("Statut")).toBe("Reçu par le Département");
    expect(line("Reçu le")).toBe("15/01/2026 09:05");
    expect(line("Numéro d'envoi")).toBe("sub_01HZX");
    expect(line("Version")).toBe("2");
    expect(line("Hub départemental")).toBe("https://hub.departement.fr");
    expect(lastIndicator).toBeGreaterThan(0);
    expect(title).toBeGreaterThan(lastIndicator);
    // The chart still points at its own data, below the block.
    const chart = fake.model.sheet("Indicateurs").charts[0];
    const first = Number(chart.source.split("!")[1].split(":")[0].slice(1)) - 1;
    expect(first).toBeGreaterThan(title);
    expect(rows[first].slice(1, 3)).toEqual(["Réalisé", "Objectif"]);
  });

  it("writeIndicators re-draws the block from the stored receipt, still in ≤3 syncs; without a receipt there is none", async () => {
    const fake = fakeWorkbook();
    const wb = workbookOn(fake);
    const analysis = analyzeOne(await wb.read());
    await wb.writeIndicators([analysis], { generatedAt: new Date(2026, 0, 15), language: "fr" });
    expect(rowsOf(fake).some((r) => r[0] === "Envoi au Département")).toBe(false);

    fake.model.settings.set(RECEIPT_SETTING, JSON.stringify({ ...receipt, alreadyReceived: true }));
    fake.resetCounters();
    await wb.writeIndicators([analysis], { generatedAt: new Date(2026, 0, 16), language: "fr" });
    expect(fake.syncCount).toBeLessThanOrEqual(3);
    const rows = rowsOf(fake);
    const title = rows.findIndex((r) => r[0] === "Envoi au Département");
    expect(title).toBeGreaterThan(0);
    expect(rows.slice(title).find((r) => r[0] === "Statut")?.[1]).toBe(
      "Déjà reçu par le Département (contenu identique à l'envoi précédent)",
    );
  });

  it("a damaged setting is ignored rather than breaking the pane", async () => {
    const fake = fakeWorkbook();
    fake.model.settings.set(RECEIPT_SETTING, "{pas du json");
    fake.model.settings.set(PENDING_SETTING, JSON.stringify({ hub: 3 }));
    expect(await workbookOn(fake).loadSendState()).toEqual({ receipt: null, receipts: [], pending: null });
  });
});
