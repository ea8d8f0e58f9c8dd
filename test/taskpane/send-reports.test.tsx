/** @jest-environment jsdom */
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Analysis, SendReceiptRecord } from "../../src/core";
import { App } from "../../src/taskpane/components/App";
import { frenchTypography as typo } from "../../src/taskpane/i18n/format";
import { SendEnvironmentProvider } from "../../src/taskpane/send/send-environment";
import { json, scriptedServer } from "../client/scripted-server";
import { asWorkbook, cannedAnalysis, FakePort, finding } from "./fixtures";
import { MemoryStorage, testSendEnvironment } from "./node-fetch";

const DEPARTMENT_KEY = "cle-du-departement-de-test-38";
const TOKEN = "jeton-structure-secret-123";
const PARTITION = "partition-reports";

const hubReceipt = (id: string, kind: string) => ({
  id,
  siret: "12345678901234",
  kind,
  period: "2025",
  version: 1,
  receivedAt: new Date(2026, 0, 15, 9, 5).toISOString(),
  indicators: {},
  indicatorsMismatch: false,
});

/** One structure, two conventions: the ACI report and the EI report of the same workbook. */
function reports(eiErrors = false): Analysis[] {
  const aci = cannedAnalysis([
    finding("weekly-hours-low", "warning", "C2", "Heures hebdomadaires faibles", "ACI"),
  ]);
  const ei = cannedAnalysis(
    eiErrors ? [finding("value-invalid", "error", "E5", "Date d'embauche illisible.", "EI")] : [],
  );
  return [aci, { ...ei, structure: { ...ei.structure, kind: "EI" } }];
}

function renderSend(port: FakePort, list: Analysis[], storage = new MemoryStorage()) {
  render(
    <SendEnvironmentProvider value={testSendEnvironment(PARTITION, storage)}>
      <App language="fr" initialView="envoyer" analyze={() => asWorkbook(...list)} officePort={port} />
    </SendEnvironmentProvider>,
  );
  return storage;
}

async function fillSettings(hubUrl: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByTestId("hub-url", {}, { timeout: 8000 }), hubUrl);
  await user.type(screen.getByTestId("hub-token"), TOKEN);
  await user.type(screen.getByTestId("department-key"), DEPARTMENT_KEY);
  return user;
}

describe("Envoyer with several reports (one per convention)", () => {
  let server: Awaited<ReturnType<typeof scriptedServer>> | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it("refuses while any report has errors and says which", async () => {
    renderSend(new FakePort(), reports(true));
    const blocked = await screen.findByTestId("send-blocked", {}, { timeout: 8000 });
    expect(blocked.textContent).toContain(typo("Envoi impossible : 1 erreur à corriger."));
    expect(blocked.textContent).toContain(typo("EI — 1 erreur :"));
    expect(blocked.textContent).toContain("EI!E5");
    expect(blocked.textContent).not.toContain("ACI —");
    expect(screen.queryByTestId("send-button")).toBeNull();
  });

  it("sends one submission per report, shows each receipt and writes them all into the workbook", async () => {
    server = await scriptedServer([
      json(201, hubReceipt("sub-aci", "ACI")),
      json(201, hubReceipt("sub-ei", "EI")),
    ]);
    const port = new FakePort();
    const list = reports();
    renderSend(port, list);
    const previews = await screen.findAllByTestId("send-preview", {}, { timeout: 8000 });
    expect(previews.map((p) => p.getAttribute("data-kind"))).toEqual(["ACI", "EI"]);
    expect(screen.getByRole("heading", { name: "Ce qui sera envoyé — EI" })).toBeTruthy();
    const user = await fillSettings(server.url);
    await user.click(screen.getByRole("button", { name: "Envoyer les 2 bilans au Département" }));

    await waitFor(() => expect(screen.getAllByTestId("send-receipt")).toHaveLength(2), { timeout: 8000 });
    const cards = screen.getAllByTestId("send-receipt");
    expect(cards.map((c) => within(c).getByTestId("receipt-id").textContent)).toEqual(["sub-aci", "sub-ei"]);
    expect(within(cards[1]).getByText("Accusé de réception — EI")).toBeTruthy();
    expect(server.seen).toHaveLength(2);
    const keys = server.seen.map((s) => s.headers["idempotency-key"]);
    expect(new Set(keys).size).toBe(2);
    expect(
      server.seen.map((s) => (JSON.parse(s.body) as { structure: { kind: string } }).structure.kind),
    ).toEqual(["ACI", "EI"]);

    expect(port.count("writeSendReceipts")).toBe(1);
    const [records, written] = port.last("writeSendReceipts") as [SendReceiptRecord[], Analysis[]];
    expect(records.map((r) => [r.kind, r.submissionId, r.contentHash])).toEqual([
      ["ACI", "sub-aci", keys[0]],
      ["EI", "sub-ei", keys[1]],
    ]);
    expect(written).toEqual(list);
  });

  it("hub down: the outbox holds one entry per report; Renvoyer delivers both and writes both receipts", async () => {
    let down = true;
    let n = 0;
    server = await scriptedServer([
      (req, res) =>
        (down ? json(503, { detail: "maintenance" }) : json(201, hubReceipt(`sub-${++n}`, "ACI")))(req, res),
    ]);
    const port = new FakePort();
    const storage = renderSend(port, reports());
    const user = await fillSettings(server.url);
    await user.click(await screen.findByTestId("send-button"));
    const failure = await screen.findByTestId("send-failure", {}, { timeout: 8000 });
    expect(failure.getAttribute("data-kind")).toBe("queued");
    const outbox = JSON.parse(storage.getItem(`${PARTITION}:bilan-iae:outbox`)!) as {
      entries: { id: string }[];
    };
    expect(outbox.entries).toHaveLength(2);
    expect(port.sendState.pending?.contentHash).toBe(outbox.entries[0].id);
    expect(port.count("writeSendReceipts")).toBe(0);

    down = false;
    await user.click(within(failure).getByRole("button", { name: "Renvoyer" }));
    await waitFor(() => expect(screen.getAllByTestId("send-receipt")).toHaveLength(2), { timeout: 8000 });
    expect(JSON.parse(storage.getItem(`${PARTITION}:bilan-iae:outbox`)!).entries).toEqual([]);
    expect(port.sendState.receipts.map((r) => r.kind)).toEqual(["ACI", "EI"]);
    expect(port.sendState.pending).toBeNull();
  });
});
