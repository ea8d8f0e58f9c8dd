/** @jest-environment jsdom */
import { render, screen, waitFor, within } from "@testing-library/react";
import { frenchTypography as typo } from "../../src/taskpane/i18n/format";
import userEvent from "@testing-library/user-event";
import type { Analysis, SendReceiptRecord } from "../../src/core";
import { App } from "../../src/taskpane/components/App";
import { SendEnvironmentProvider, type SendEnvironment } from "../../src/taskpane/send/send-environment";
import { json, scriptedServer, type Step } from "../client/scripted-server";
import { cannedAnalysis, FakePort, finding, asWorkbook } from "./fixtures";
import { MemoryStorage, testSendEnvironment } from "./node-fetch";

const DEPARTMENT_KEY = "cle-du-departement-de-test-38";
const TOKEN = "jeton-structure-secret-123";
const PARTITION = "partition-xyz";

const hubReceipt = {
  id: "0b8f3c1e-7a52-4f7e-9d4a-2f1c5e6a7b80",
  siret: "12345678901234",
  kind: "ACI",
  period: "2025",
  version: 1,
  receivedAt: new Date(2026, 0, 15, 9, 5).toISOString(),
  indicators: {},
  indicatorsMismatch: false,
};

function environment(storage = new MemoryStorage()): SendEnvironment {
  return testSendEnvironment(PARTITION, storage);
}

function renderSend(port: FakePort, analysis: Analysis, env: SendEnvironment) {
  return render(
    <SendEnvironmentProvider value={env}>
      <App language="fr" initialView="envoyer" analyze={() => asWorkbook(analysis)} officePort={port} />
    </SendEnvironmentProvider>,
  );
}

async function fillSettings(hubUrl: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByTestId("hub-url", {}, { timeout: 8000 }), hubUrl);
  await user.type(screen.getByTestId("hub-token"), TOKEN);
  await user.type(screen.getByTestId("department-key"), DEPARTMENT_KEY);
  return user;
}

const valid = () =>
  cannedAnalysis([finding("weekly-hours-low", "warning", "C2", "Heures hebdomadaires faibles")]);

describe("Envoyer view", () => {
  let server: Awaited<ReturnType<typeof scriptedServer>> | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it("refuses to send while errors remain, lists them and leads back to Vérifier", async () => {
    const analysis = cannedAnalysis([
      finding("value-invalid", "error", "E5", "Date de naissance illisible : « 31/02/1990 »."),
      finding("weekly-hours-low", "warning", "F6", "Avertissement seulement"),
    ]);
    renderSend(new FakePort(), analysis, environment());
    const blocked = await screen.findByTestId("send-blocked", {}, { timeout: 8000 });
    expect(blocked.textContent).toContain(typo("Envoi impossible : 1 erreur à corriger."));
    expect(blocked.textContent).toContain(
      typo("Salariés!E5 : Date de naissance illisible : « 31/02/1990 »."),
    );
    expect(blocked.textContent).not.toContain("Avertissement seulement");
    expect(screen.queryByTestId("send-button")).toBeNull();
    await userEvent.setup().click(within(blocked).getByText("Retour à Vérifier"));
    expect(screen.getByRole("tab", { name: "Vérifier", selected: true })).toBeTruthy();
  });

  it("keeps the settings per user in localStorage (partition key), the token in a password field, and forgets them", async () => {
    const storage = new MemoryStorage();
    renderSend(new FakePort(), valid(), environment(storage));
    // Loopback with nothing listening: saving asks the hub for the department's settings, in vain.
    const user = await fillSettings("http://127.0.0.1:9");
    expect(screen.getByTestId("hub-token").getAttribute("type")).toBe("password");
    await user.click(screen.getByRole("button", { name: "Enregistrer les réglages" }));
    expect(JSON.parse(storage.getItem(`${PARTITION}:bilan-iae:send-settings`)!)).toEqual({
      hubUrl: "http://127.0.0.1:9",
      token: TOKEN,
      departmentKey: DEPARTMENT_KEY,
    });
    await user.click(screen.getByRole("button", { name: "Oublier les réglages" }));
    expect(storage.length).toBe(0);
    expect((screen.getByTestId("hub-token") as HTMLInputElement).value).toBe("");
  });

  it("says so when the browser refuses to keep the settings (full storage), and keeps them for the session", async () => {
    class FullStorage extends MemoryStorage {
      override setItem(): void {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      }
    }
    renderSend(new FakePort(), valid(), environment(new FullStorage()));
    const user = await fillSettings("http://127.0.0.1:9");
    await user.click(screen.getByRole("button", { name: "Enregistrer les réglages" }));
    expect((await screen.findByTestId("settings-note")).textContent).toBe(
      typo(
        "Impossible d'enregistrer les réglages d'envoi : le stockage du navigateur est plein ou désactivé (ils servent pour cette session).",
      ),
    );
    expect((screen.getByTestId("hub-token") as HTMLInputElement).value).toBe(TOKEN);
  });

  it("refuses a department key shorter than 16 characters when saved, with a message on the field", async () => {
    const storage = new MemoryStorage();
    renderSend(new FakePort(), valid(), environment(storage));
    const user = userEvent.setup();
    await user.type(await screen.findByTestId("hub-url", {}, { timeout: 8000 }), "http://127.0.0.1:9");
    await user.type(screen.getByTestId("hub-token"), TOKEN);
    await user.type(screen.getByTestId("department-key"), "trop-courte");
    await user.click(screen.getByRole("button", { name: "Enregistrer les réglages" }));
    expect(storage.length).toBe(0);
    const key = screen.getByTestId("department-key");
    expect(key.getAttribute("aria-invalid")).toBe("true");
    expect(
      screen.getByText(/La clé du Département fait au moins 16 caractères ; celle saisie n'en a que 11/),
    ).toBeTruthy();
  });

  it("shows what will be sent, sends, shows and writes the receipt; the same content again is 'déjà reçu'", async () => {
    server = await scriptedServer([json(201, hubReceipt), json(200, hubReceipt)]);
    const port = new FakePort();
    const analysis = valid();
    renderSend(port, analysis, environment());
    const preview = await screen.findByTestId("send-preview", {}, { timeout: 8000 });
    expect(within(preview).getByTestId("preview-siret").textContent).toBe("12345678901234");
    expect(within(preview).getByTestId("preview-kind").textContent).toBe(
      "ACI — Atelier et chantier d'insertion",
    );
    expect(within(preview).getByTestId("preview-period").textContent).toBe("01/01/2025 – 31/12/2025 (2025)");
    expect(within(preview).getByTestId("preview-records").textContent).toMatch(/^0 \(clé chiffrée/);
    const user = await fillSettings(server.url);
    await user.click(screen.getByTestId("send-button"));

    const receipt = await screen.findByTestId("send-receipt", {}, { timeout: 8000 });
    expect(within(receipt).getByTestId("receipt-outcome").textContent).toBe("Bilan reçu par le Département.");
    expect(within(receipt).getByTestId("receipt-id").textContent).toBe(hubReceipt.id);
    expect(within(receipt).getByTestId("receipt-version").textContent).toBe("1");
    expect(within(receipt).getByTestId("receipt-at").textContent).toBe("15/01/2026 09:05");

    const sent = server.seen[0];
    expect(sent.method).toBe("POST");
    expect(sent.url).toBe("/api/v1/submissions");
    expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(sent.headers["idempotency-key"]).toMatch(/^sha256-[0-9a-f]{64}$/);
    expect(sent.body).not.toContain(TOKEN);
    expect(sent.body).not.toContain(DEPARTMENT_KEY);

    const [records, writtenReports] = port.last("writeSendReceipts") as [SendReceiptRecord[], Analysis[]];
    expect(records).toHaveLength(1);
    expect(records[0]).toEqual({
      submissionId: hubReceipt.id,
      version: 1,
      receivedAt: hubReceipt.receivedAt,
      hub: server.url,
      contentHash: sent.headers["idempotency-key"],
      siret: "12345678901234",
      period: "2025",
      alreadyReceived: false,
      kind: "ACI",
    });
    expect(writtenReports).toEqual([analysis]);
    expect(JSON.stringify(port.calls)).not.toContain(TOKEN);

    await user.click(screen.getByTestId("send-button"));
    await waitFor(() => expect(screen.getByTestId("receipt-outcome").textContent).toContain("Déjà reçu"));
    expect(server.seen[1].headers["idempotency-key"]).toBe(sent.headers["idempotency-key"]);
    expect((port.last("writeSendReceipts") as [SendReceiptRecord[]])[0][0].alreadyReceived).toBe(true);
  });

  it.each<[string, Step, RegExp, string[]]>([
    ["401", json(401, { detail: "Jeton inconnu." }), /Jeton refusé par le hub/, []],
    [
      "403",
      json(403, { detail: "SIRET différent." }),
      /Le SIRET du classeur \(12345678901234\) n'est pas celui de la structure de ce jeton/,
      [],
    ],
    ["413", json(413, { detail: "Trop gros." }), /trop volumineux/, []],
    [
      "422",
      json(422, {
        detail: "Non conforme.",
        errors: [{ pointer: "/records/3/hours", detail: "nombre attendu" }],
      }),
      /refusé le contenu du bilan/,
      ["/records/3/hours\u00a0: nombre attendu"],
    ],
  ])("a %s answer says what to do, and nothing is queued", async (_status, step, message, problems) => {
    server = await scriptedServer([step]);
    const storage = new MemoryStorage();
    const port = new FakePort();
    renderSend(port, valid(), environment(storage));
    const user = await fillSettings(server.url);
    await user.click(await screen.findByTestId("send-button"));
    const failure = await screen.findByTestId("send-failure", {}, { timeout: 8000 });
    expect(failure.textContent).toMatch(message);
    const listed = within(failure)
      .queryAllByRole("listitem")
      .map((li) => li.textContent);
    expect(listed).toEqual(problems);
    expect(storage.getItem(`${PARTITION}:bilan-iae:outbox`)).toBeNull();
    expect(port.count("writeSendReceipts")).toBe(0);
    expect(port.count("markSendPending")).toBe(0);
  });

  it("hub down: queued in the outbox, marked pending in the workbook; Renvoyer delivers it and writes the receipt", async () => {
    let down = true;
    server = await scriptedServer([
      (req, res) => (down ? json(503, { detail: "maintenance" }) : json(201, hubReceipt))(req, res),
    ]);
    const storage = new MemoryStorage();
    const port = new FakePort();
    const analysis = valid();
    renderSend(port, analysis, environment(storage));
    const user = await fillSettings(server.url);
    await user.click(await screen.findByTestId("send-button"));
    const failure = await screen.findByTestId("send-failure", {}, { timeout: 8000 });
    expect(failure.getAttribute("data-kind")).toBe("queued");
    expect(failure.textContent).toContain(
      typo("Le hub départemental est injoignable : le bilan est gardé dans ce navigateur"),
    );
    const outbox = JSON.parse(storage.getItem(`${PARTITION}:bilan-iae:outbox`)!) as {
      entries: { id: string; state: string }[];
    };
    expect(outbox.entries).toHaveLength(1);
    expect(JSON.stringify(outbox)).not.toContain(TOKEN);
    const pending = port.sendState.pending!;
    expect(pending.contentHash).toBe(outbox.entries[0].id);
    expect(port.count("writeSendReceipts")).toBe(0);

    // The hub is back.
    down = false;
    const before = server.seen.length;
    await user.click(within(failure).getByRole("button", { name: "Renvoyer" }));
    await screen.findByTestId("send-receipt", {}, { timeout: 8000 });
    expect(server.seen).toHaveLength(before + 1);
    expect(server.seen[before].headers["idempotency-key"]).toBe(pending.contentHash);
    expect(JSON.parse(storage.getItem(`${PARTITION}:bilan-iae:outbox`)!).entries).toEqual([]);
    expect(port.sendState).toEqual({
      receipt: expect.objectContaining({ submissionId: hubReceipt.id }),
      receipts: [expect.objectContaining({ submissionId: hubReceipt.id })],
      pending: null,
    });
  });

  it("reopening the pane on a workbook marked pending says a send is waiting; a stored receipt is recalled", async () => {
    const port = new FakePort();
    port.sendState = {
      receipt: {
        submissionId: "abc",
        version: 3,
        receivedAt: new Date(2026, 0, 2, 8, 0).toISOString(),
        hub: "https://h",
        contentHash: "sha256-x",
        siret: "1",
        period: "2025",
        alreadyReceived: false,
      },
      receipts: [],
      pending: {
        contentHash: "sha256-y",
        hub: "https://h",
        siret: "1",
        period: "2025",
        queuedAt: new Date(2026, 0, 3, 10, 30).toISOString(),
      },
    };
    port.sendState.receipts = [port.sendState.receipt!];
    renderSend(port, valid(), environment());
    const pending = await screen.findByTestId("send-pending", {}, { timeout: 8000 });
    expect(pending.textContent).toContain("Un envoi est en attente");
    expect(pending.textContent).toContain("en attente depuis le 03/01/2026 10:30");
    expect(screen.getByTestId("last-sent").textContent).toBe(
      typo("Dernier envoi noté dans le classeur : n° abc, version 3, reçu le 02/01/2026 08:00."),
    );
  });
});
