/** @jest-environment jsdom */
import { analyzeOne } from "../support/analyze-one";
import { render, screen, waitFor, within } from "@testing-library/react";
import { frenchTypography as typo } from "../../src/taskpane/i18n/format";
import userEvent from "@testing-library/user-event";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "node:util";
import {
  consolidate,
  consolidationInputFromAnalysis,
  formatIndicator,
  formatNumber,
  resolveConfig,
  type ConsolidationSheetsPort,
  type ReportSheet,
} from "../../src/core";
import { App } from "../../src/taskpane/components/App";
import { readXlsxBytes } from "../../src/xlsx/read-buffer";
import { cannedAnalysis, FakePort, asWorkbook } from "./fixtures";

/** Where the Consolider view keeps the hub settings (no Office partition key in these tests). */
const HUB_SETTINGS_KEY = "bilan-iae:consolidate-hub";

// jsdom lacks the TextDecoder/TextEncoder the .xlsx reader and the client use (browsers have them).
if (typeof globalThis.TextDecoder === "undefined")
  (globalThis as { TextDecoder: unknown }).TextDecoder = NodeTextDecoder;
if (typeof globalThis.TextEncoder === "undefined")
  (globalThis as { TextEncoder: unknown }).TextEncoder = NodeTextEncoder;

const DEPT = join(__dirname, "..", "..", "examples", "departement-38");
const NAMES = ["01-aci-chantier-nature-chartreuse.xlsx", "06-ai-services-plus-matheysine.xlsx"];

/** A File whose arrayBuffer works whatever jsdom's Blob offers. */
function fileOf(name: string, bytes: Uint8Array): File {
  const f = new File([bytes as Uint8Array<ArrayBuffer>], name);
  Object.defineProperty(f, "arrayBuffer", {
    value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  });
  return f;
}

beforeEach(() => localStorage.clear());

describe("Consolider view, file mode (no workbook open)", () => {
  it("consolidates several returned files with a progress bar each; a corrupt one shows its error, the others count", async () => {
    const user = userEvent.setup();
    const created: Blob[] = [];
    URL.createObjectURL = jest.fn((b: Blob) => {
      created.push(b);
      return "blob:consolidation";
    });
    URL.revokeObjectURL = jest.fn();
    // jsdom cannot navigate: record the download instead of following the link.
    const downloads: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    render(
      <App
        language="fr"
        initialView="consolider"
        analyze={() => asWorkbook(cannedAnalysis([]))}
        openFile={async () => Promise.reject(new Error("unused"))}
      />,
    );
    expect(await screen.findByRole("heading", { name: "Consolider les bilans" })).toBeTruthy();
    // No workbook: no tabs, and the single-file opener of the Vérifier view is hidden.
    expect(screen.queryByRole("tablist")).toBeNull();
    expect(screen.queryByRole("button", { name: "Ouvrir un classeur .xlsx" })).toBeNull();

    const files = [
      ...NAMES.map((n) => fileOf(n, new Uint8Array(readFileSync(join(DEPT, n))))),
      fileOf("abime.xlsx", new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3])),
    ];
    await user.upload(screen.getByTestId("consolidate-file-input") as HTMLInputElement, files);
    expect(
      await screen.findByText("2 fichiers consolidés, 1 illisible.", undefined, { timeout: 20_000 }),
    ).toBeTruthy();

    const rows = screen.getAllByTestId("returned-file");
    expect(rows.map((r) => r.getAttribute("data-status"))).toEqual(["done", "done", "failed"]);
    expect(rows.map((r) => within(r).getByRole("progressbar").getAttribute("aria-valuenow"))).toEqual([
      "1",
      "1",
      "1",
    ]);
    expect(within(rows[2]).getByRole("alert").textContent).toMatch(/abime\.xlsx/);

    // Expected figures from the two readable files, through the engine directly.
    const inputs = [];
    for (const n of NAMES)
      inputs.push(
        consolidationInputFromAnalysis(
          analyzeOne(await readXlsxBytes(readFileSync(join(DEPT, n)), { name: n })),
          n,
        ),
      );
    const c = consolidate(inputs);
    expect(screen.getByTestId("total-reports").textContent).toBe("2");
    expect(screen.getByTestId("total-structures").textContent).toBe(formatNumber(c.total.structures));
    expect(screen.getByTestId("total-persons").textContent).toBe(formatNumber(c.total.distinctPersons));
    expect(
      within(screen.getByTestId("kind-ACI")).getByText(formatNumber(c.byKind.ACI!.indicators.employees)),
    );

    await user.click(screen.getByRole("button", { name: "Télécharger la consolidation (.xlsx)" }));
    expect(
      await screen.findByText("Consolidation téléchargée : consolidation.xlsx", undefined, {
        timeout: 20_000,
      }),
    ).toBeTruthy();
    expect(created).toHaveLength(1);
    expect(downloads).toEqual(["consolidation.xlsx"]);
    expect(created[0].size).toBeGreaterThan(1000);
  });

  it("in English, a file that cannot be read and a file that is not .xlsx are worded in English", async () => {
    // A dropped file escapes the picker's filter: the .ods is offered as a drop would.
    const user = userEvent.setup({ applyAccept: false });
    render(
      <App
        language="en"
        initialView="consolider"
        analyze={() => asWorkbook(cannedAnalysis([]))}
        openFile={async () => Promise.reject(new Error("unused"))}
      />,
    );
    const input = (await screen.findByTestId("consolidate-file-input")) as HTMLInputElement;
    await user.upload(input, [
      fileOf(NAMES[0], new Uint8Array(readFileSync(join(DEPT, NAMES[0])))),
      fileOf("abime.xlsx", new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3])),
      fileOf("bilan.ods", new Uint8Array([1, 2, 3])),
    ]);
    await waitFor(
      () =>
        expect(screen.getAllByTestId("returned-file").map((r) => r.getAttribute("data-status"))).toEqual([
          "done",
          "failed",
          "failed",
        ]),
      { timeout: 20_000 },
    );
    const [, damaged, ods] = screen.getAllByTestId("returned-file");
    expect(within(damaged).getByRole("alert").textContent).toMatch(/“abime\.xlsx” is incomplete or damaged/);
    expect(within(ods).getByRole("alert").textContent).toMatch(
      /“bilan\.ods” is not an \.xlsx workbook: it is left out\./,
    );
    for (const row of [damaged, ods]) expect(row.textContent).not.toMatch(/fichier|classeur|écarté/);
  });

  it("a returned file with blocking errors opens in Vérifier to show them", async () => {
    const user = userEvent.setup();
    const port = new FakePort();
    const openFile = jest.fn(async (f: File) => ({
      name: f.name,
      port,
      annotated: async () => ({ bytes: new Uint8Array(), notKept: { charts: 0, pivotTables: 0, shapes: 0 } }),
    }));
    render(
      <App
        language="fr"
        initialView="consolider"
        analyze={() => asWorkbook(cannedAnalysis([]))}
        openFile={openFile}
      />,
    );
    const bytes = new Uint8Array(readFileSync(join(__dirname, "..", "..", "examples", "ei-erreurs.xlsx")));
    const file = fileOf("ei-erreurs.xlsx", bytes);
    await user.upload(await screen.findByTestId("consolidate-file-input"), [file]);
    const row = await screen.findByTestId("returned-file", undefined, { timeout: 20_000 });
    await waitFor(() => expect(row.getAttribute("data-status")).toBe("done"), { timeout: 20_000 });
    expect(within(row).getByText(/^Lu, \d+ erreurs bloquantes$/)).toBeTruthy();
    await user.click(
      within(row).getByRole("button", {
        name: typo("Voir les erreurs de « ei-erreurs.xlsx » dans Vérifier"),
      }),
    );
    await waitFor(() => expect(openFile).toHaveBeenCalledWith(file));
    expect(await screen.findByRole("tab", { name: "Vérifier", selected: true })).toBeTruthy();
  });

  it("applies the department's settings file to the files, says so, refuses a bad one, and remembers the choice", async () => {
    const user = userEvent.setup();
    const view = () =>
      render(
        <App
          language="fr"
          initialView="consolider"
          analyze={() => asWorkbook(cannedAnalysis([]))}
          openFile={async () => Promise.reject(new Error("unused"))}
        />,
      );
    const { unmount } = view();
    expect((await screen.findByTestId("department-config")).textContent).toBe("Réglages par défaut");
    const input = () => screen.getByTestId("department-config-input") as HTMLInputElement;

    await user.upload(
      input(),
      new File(["{ annualHoursPerFte: "], "reglages-isere.json", { type: "application/json" }),
    );
    expect((await screen.findByTestId("consolidate-error")).textContent).toMatch(
      /^Configuration invalide \(reglages-isere\.json\)\s: ce n'est pas du JSON valide/,
    );
    await user.upload(
      input(),
      new File([JSON.stringify({ maxHoursPerWeek: -1 })], "faux.json", { type: "application/json" }),
    );
    expect((await screen.findByTestId("consolidate-error")).textContent).toContain(
      "Configuration invalide (faux.json)",
    );
    expect(screen.getByTestId("department-config").textContent).toBe("Réglages par défaut");

    const override = { annualHoursPerFte: { ACI: 1000 } };
    await user.upload(
      input(),
      new File([JSON.stringify(override)], "reglages-isere.json", { type: "application/json" }),
    );
    expect((await screen.findByTestId("department-config")).textContent).toBe(
      typo("Réglages appliqués : reglages-isere.json"),
    );
    expect(screen.queryByTestId("consolidate-error")).toBeNull();

    const name = NAMES[0];
    const bytes = new Uint8Array(readFileSync(join(DEPT, name)));
    await user.upload(screen.getByTestId("consolidate-file-input") as HTMLInputElement, [
      fileOf(name, bytes),
    ]);
    await screen.findByText("1 fichier consolidé, 0 illisible.", undefined, { timeout: 20_000 });
    // Expected: the engine with the same override, and it differs from the defaults (the test can fail).
    const data = await readXlsxBytes(readFileSync(join(DEPT, name)), { name });
    const withOverride = analyzeOne(data, { config: resolveConfig(override) }).indicators.fte;
    const withDefaults = analyzeOne(data).indicators.fte;
    expect(withOverride).not.toBeCloseTo(withDefaults ?? 0, 2);
    const fteCell = screen.getByTestId("kind-ACI").querySelector('[data-key="fte"]');
    expect(fteCell?.textContent).toBe(formatIndicator("fte", withOverride));

    // Reopened later: the choice is still there; going back to the defaults asks for the files again.
    unmount();
    view();
    expect((await screen.findByTestId("department-config")).textContent).toBe(
      typo("Réglages appliqués : reglages-isere.json"),
    );
    await user.upload(screen.getByTestId("consolidate-file-input") as HTMLInputElement, [
      fileOf(name, bytes),
    ]);
    await screen.findByText("1 fichier consolidé, 0 illisible.", undefined, { timeout: 20_000 });
    await user.click(screen.getByRole("button", { name: "Revenir aux réglages par défaut" }));
    expect(screen.getByTestId("department-config").textContent).toBe("Réglages par défaut");
    expect(screen.getByTestId("consolidate-notice").textContent).toContain("déposez à nouveau les fichiers");
    expect(screen.queryAllByTestId("returned-file")).toHaveLength(0);
  });

  it("is reached from the file-mode start page and leads back to it", async () => {
    const user = userEvent.setup();
    render(
      <App
        language="fr"
        initialView="verifier"
        analyze={() => asWorkbook(cannedAnalysis([]))}
        openFile={async () => Promise.reject(new Error("unused"))}
      />,
    );
    await user.click(screen.getByRole("button", { name: typo("Département : Consolider les bilans reçus") }));
    expect(await screen.findByRole("heading", { name: "Consolider les bilans" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Vérifier un classeur" }));
    expect(screen.getByRole("button", { name: "Ouvrir un classeur .xlsx" })).toBeTruthy();
  });
});

class ExcelPort extends FakePort implements ConsolidationSheetsPort {
  written: ReportSheet[][] = [];
  async writeConsolidation(sheets: readonly ReportSheet[]) {
    this.written.push([...sheets]);
  }
}

/** The part of a fetch Response the client reads (jsdom has no Response). */
function json(status: number, body: unknown): Response {
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: { get: (h: string) => (h.toLowerCase() === "content-type" ? "application/json" : null) },
    json: async () => body,
    arrayBuffer: async () => new ArrayBuffer(0),
  } as unknown as Response;
}

describe("Consolider view, hub mode in Excel", () => {
  it("opened on Consolider in Excel, the pane does not check the department's workbook as a report", async () => {
    const port = new ExcelPort();
    render(
      <App
        language="fr"
        initialView="consolider"
        analyze={() => asWorkbook(cannedAnalysis([]))}
        officePort={port}
      />,
    );
    expect(await screen.findByRole("heading", { name: "Consolider les bilans" })).toBeTruthy();
    await new Promise((r) => setTimeout(r, 50));
    expect(port.count("read")).toBe(0);
  });

  const consolidation = consolidate([]);
  const status = {
    period: "2025",
    summary: { expected: 2, submitted: 0, missing: 2 },
    structures: [
      { siret: "11111111111111", name: "Chantier Nature", kind: "ACI", status: "missing", submission: null },
      { siret: "22222222222222", name: "Services Plus", kind: "AI", status: "missing", submission: null },
    ],
  };
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  async function fill(user: ReturnType<typeof userEvent.setup>, token: string) {
    await user.click(await screen.findByRole("radio", { name: "Hub départemental" }));
    await user.type(screen.getByRole("textbox", { name: /Adresse du hub/ }), "http://127.0.0.1:9/");
    await user.type(screen.getByLabelText(/Jeton du Département/), token);
    const period = screen.getByRole("textbox", { name: /Période/ });
    await user.clear(period);
    await user.type(period, "2025");
  }

  it("a refused token gives a French message and nothing is stored", async () => {
    const user = userEvent.setup();
    globalThis.fetch = jest.fn(async () => json(401, { detail: "" })) as typeof fetch;
    render(
      <App
        language="fr"
        initialView="consolider"
        analyze={() => asWorkbook(cannedAnalysis([]))}
        officePort={new ExcelPort()}
        autoCheck={false}
      />,
    );
    await fill(user, "mauvais");
    await user.click(screen.getByRole("button", { name: "Récupérer la consolidation" }));
    expect((await screen.findByTestId("consolidate-error")).textContent).toMatch(
      /Jeton refusé par le hub \(401\)/,
    );
    expect(localStorage.getItem(HUB_SETTINGS_KEY)).toBeNull();
  });

  it("pulls consolidation and status with the token, remembers the settings per user, writes the three sheets", async () => {
    const user = userEvent.setup();
    const seen: { url: string; auth: string | null }[] = [];
    globalThis.fetch = jest.fn(async (url: string | URL | Request, init?: RequestInit) => {
      const u = String(url);
      seen.push({
        url: u,
        auth: (init?.headers as Record<string, string> | undefined)?.authorization ?? null,
      });
      return u.includes("/structures/status") ? json(200, status) : json(200, consolidation);
    }) as typeof fetch;
    const port = new ExcelPort();
    render(
      <App
        language="fr"
        initialView="consolider"
        analyze={() => asWorkbook(cannedAnalysis([]))}
        officePort={port}
        autoCheck={false}
      />,
    );
    await fill(user, "jeton-dept");
    await user.click(screen.getByRole("button", { name: "Récupérer la consolidation" }));
    expect((await screen.findByTestId("follow-up")).textContent).toBe(
      typo("Suivi des envois : 0 reçu sur 2 attendus, 2 manquants."),
    );
    // The structures' names are the workbooks' words: marked French for a screen reader in any pane language.
    const name = screen.getByText("Chantier Nature");
    expect(name.getAttribute("lang")).toBe("fr");
    expect(name.parentElement!.textContent!.replace(/\s+/g, " ")).toBe(
      "Manquants : Chantier Nature (ACI), Services Plus (AI).",
    );
    expect(seen.map((s) => s.url).sort()).toEqual([
      "http://127.0.0.1:9/api/v1/consolidation?period=2025",
      "http://127.0.0.1:9/api/v1/structures/status?period=2025",
    ]);
    expect(seen.every((s) => s.auth === "Bearer jeton-dept")).toBe(true);
    expect(JSON.parse(localStorage.getItem(HUB_SETTINGS_KEY)!)).toEqual({
      url: "http://127.0.0.1:9/",
      token: "jeton-dept",
      period: "2025",
    });

    await user.click(screen.getByRole("button", { name: "Écrire les feuilles dans le classeur" }));
    await waitFor(() => expect(port.written).toHaveLength(1));
    expect(port.written[0].map((s) => s.name)).toEqual(["Consolidation", "Par type", "Suivi des envois"]);
    // The token never reaches the workbook.
    expect(JSON.stringify(port.written)).not.toContain("jeton-dept");
    expect(port.calls.filter((c) => c.method === "saveMapping")).toHaveLength(0);
    expect(
      await screen.findByText(/Feuilles « Consolidation », « Par type » et « Suivi des envois » écrites/),
    ).toBeTruthy();
  });
});
