/** @jest-environment jsdom */
import { analyzeOne } from "../support/analyze-one";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DEFAULT_CONFIG, type Analysis, type RulesConfig, type WorkbookData } from "../../src/core";
import { analyze } from "../../src/taskpane/analyze";
import { App } from "../../src/taskpane/components/App";
import { SendEnvironmentProvider, type SendEnvironment } from "../../src/taskpane/send/send-environment";
import { json, scriptedServer } from "../client/scripted-server";
import { FakePort } from "./fixtures";
import { MemoryStorage, testSendEnvironment } from "./node-fetch";
import { dracWorkbook } from "../support/drac-workbook";

/**
 * The department's rules reach the pane through the hub: with a hub serving other annual hours per ETP
 * for ACI, the pane shows (and writes) the indicators the engine computes with those rules; an
 * unreachable hub falls back to the copy kept in localStorage, else to the defaults.
 */
const PARTITION = "partition-dept";
const TOKEN = "jeton-structure-secret-456";
const departmentRules: RulesConfig = {
  ...DEFAULT_CONFIG,
  rulesVersion: "dept-38-2026",
  annualHoursPerFte: { ...DEFAULT_CONFIG.annualHoursPerFte, ACI: 1600 },
};

/** Invented people; 3010 hours in all, so the ETP differs between 1820 h (default) and 1600 h per ETP. */
function workbook(): WorkbookData {
  return dracWorkbook([
    [
      "999992511111",
      "Lefebvre-Ancelin",
      "Maëlys",
      "F",
      "14/07/1988",
      "38100",
      "Non",
      "Oui - majoré",
      "03/02/2025",
      910,
      "",
      "",
    ],
    [
      "999992522222",
      "Ouedraogo",
      "Issouf",
      "H",
      "02/11/1979",
      "38400",
      "Non",
      "Non",
      "15/01/2024",
      1200,
      "30/06/2025",
      "CDI non aidé",
    ],
    ["999992533333", "Marchetti", "Lou", "F", "21/03/2001", "38000", "Oui", "Non", "01/09/2024", 900, "", ""],
  ]);
}

function environment(storage: MemoryStorage): SendEnvironment {
  return testSendEnvironment(PARTITION, storage);
}

function withSendSettings(hubUrl: string): MemoryStorage {
  const storage = new MemoryStorage();
  storage.setItem(
    `${PARTITION}:bilan-iae:send-settings`,
    JSON.stringify({ hubUrl, token: TOKEN, departmentKey: "cle-du-departement-de-test-38" }),
  );
  return storage;
}

function renderPane(storage: MemoryStorage, initialView = "verifier") {
  const port = new FakePort();
  port.data = workbook();
  render(
    <SendEnvironmentProvider value={environment(storage)}>
      <App language="fr" initialView={initialView} analyze={analyze} officePort={port} />
    </SendEnvironmentProvider>,
  );
  return port;
}

const rulesNote = () => screen.findByTestId("rules-in-use", {}, { timeout: 8000 });

/** The analysis the last check produced, as the pane hands it to the workbook (Indicateurs sheet). */
async function writtenIndicators(port: FakePort): Promise<Analysis> {
  const user = userEvent.setup();
  await user.click(screen.getByRole("tab", { name: "Indicateurs" }));
  await user.click(await screen.findByRole("button", { name: "Écrire dans la feuille" }, { timeout: 8000 }));
  await waitFor(() => expect(port.count("writeIndicators")).toBe(1));
  const [reports] = port.last("writeIndicators") as [Analysis[]];
  expect(reports).toHaveLength(1);
  return reports[0];
}

const ftePerRules = (rules: RulesConfig) => analyzeOne(workbook(), { config: rules }).indicators.fte;

describe("department's settings from the hub", () => {
  let server: Awaited<ReturnType<typeof scriptedServer>> | null = null;
  afterEach(async () => {
    cleanup();
    await server?.close();
    server = null;
  });

  it("fixture sanity: the two rule sets give different ETP", () => {
    expect(ftePerRules(departmentRules)).not.toBeCloseTo(ftePerRules(DEFAULT_CONFIG) as number, 3);
  });

  it("computes with the hub's rules: the indicators shown and written are the engine's with those rules, and Vérifier says so", async () => {
    server = await scriptedServer([json(200, departmentRules)]);
    const storage = withSendSettings(server.url);
    const port = renderPane(storage, "indicateurs");
    const expected = analyzeOne(workbook(), { config: departmentRules }).indicators;
    await waitFor(
      () =>
        expect(document.querySelector('[data-indicator="fte"]')?.getAttribute("data-value")).toBe(
          String(expected.fte),
        ),
      { timeout: 8000 },
    );
    const written = await writtenIndicators(port);
    expect(written.indicators).toEqual(expected);
    expect(written.rulesVersion).toBe("dept-38-2026");
    expect(server.seen[0].url).toBe("/api/v1/settings");
    expect(server.seen[0].headers.authorization).toBe(`Bearer ${TOKEN}`);

    await userEvent.setup().click(screen.getByRole("tab", { name: "Vérifier" }));
    expect((await rulesNote()).textContent).toBe("Réglages du Département (version dept-38-2026)");
    // The copy is kept per user (partition key) for the days the hub cannot be reached.
    const kept = JSON.parse(storage.getItem(`${PARTITION}:bilan-iae:department-settings`) as string) as {
      rules: RulesConfig;
    };
    expect(kept.rules.annualHoursPerFte.ACI).toBe(1600);
  });

  it("an unreachable hub falls back to the cached copy, and says so discreetly", async () => {
    server = await scriptedServer([json(200, departmentRules)]);
    const url = server.url;
    const storage = withSendSettings(url);
    renderPane(storage);
    await waitFor(
      async () =>
        expect((await rulesNote()).textContent).toBe("Réglages du Département (version dept-38-2026)"),
      { timeout: 8000 },
    );
    cleanup();
    await server.close();
    server = null;

    // Same user, hub gone (nothing listens on its port any more).
    const port = renderPane(storage);
    await waitFor(
      async () =>
        expect((await rulesNote()).textContent).toMatch(
          /^Réglages du Département \(version dept-38-2026\) — hub injoignable, dernière copie reçue le 15\/01\/2026 09:06$/,
        ),
      { timeout: 8000 },
    );
    await waitFor(() => expect(port.count("read")).toBeGreaterThan(0));
    const written = await writtenIndicators(port);
    expect(written.indicators.fte).toBe(ftePerRules(departmentRules));
  });

  it("without a cached copy an unreachable hub means the defaults, and checking still happens", async () => {
    server = await scriptedServer([json(200, departmentRules)]);
    const url = server.url;
    await server.close();
    server = null;
    const port = renderPane(withSendSettings(url));
    await waitFor(
      async () =>
        expect((await rulesNote()).textContent).toBe(
          "Réglages par défaut — les réglages du Département n'ont pas pu être obtenus du hub",
        ),
      { timeout: 8000 },
    );
    const written = await writtenIndicators(port);
    expect(written.indicators.fte).toBe(ftePerRules(DEFAULT_CONFIG));
  });

  it("a hub answering with unusable rules keeps the defaults", async () => {
    server = await scriptedServer([
      json(200, { ...departmentRules, annualHoursPerFte: { ...departmentRules.annualHoursPerFte, ACI: 0 } }),
    ]);
    const port = renderPane(withSendSettings(server.url));
    const note = await rulesNote();
    await waitFor(
      () =>
        expect(note.getAttribute("title") ?? "").toMatch(/sont inutilisables : « annualHoursPerFte\.ACI »/),
      { timeout: 8000 },
    );
    expect(note.textContent).toMatch(/^Réglages par défaut — /);
    const written = await writtenIndicators(port);
    expect(written.indicators.fte).toBe(ftePerRules(DEFAULT_CONFIG));
  });

  it("without Envoyer settings the defaults are used; saving the settings brings the department's rules and re-checks", async () => {
    server = await scriptedServer([json(200, departmentRules)]);
    const storage = new MemoryStorage();
    const port = renderPane(storage);
    expect((await rulesNote()).textContent).toBe("Réglages par défaut");
    await waitFor(() => expect(port.count("read")).toBe(1));
    expect(server.seen).toHaveLength(0);

    const user = userEvent.setup();
    await user.click(screen.getByRole("tab", { name: "Envoyer" }));
    await user.type(await screen.findByTestId("hub-url", {}, { timeout: 8000 }), server.url);
    await user.type(screen.getByTestId("hub-token"), TOKEN);
    await user.type(screen.getByTestId("department-key"), "cle-du-departement-de-test-38");
    await user.click(screen.getByRole("button", { name: "Enregistrer les réglages" }));
    // New rules: the workbook is checked again with them.
    await waitFor(() => expect(port.count("read")).toBe(2), { timeout: 8000 });
    await user.click(screen.getByRole("tab", { name: "Vérifier" }));
    expect((await rulesNote()).textContent).toBe("Réglages du Département (version dept-38-2026)");
    const written = await writtenIndicators(port);
    expect(written.indicators.fte).toBe(ftePerRules(departmentRules));
  });
});
