/** @jest-environment jsdom */
import { getDefaultNormalizer, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { INDICATOR_KEYS, type Analysis } from "../../src/core";
import { cannedAnalysis, FakePort, finding, renderPane } from "./fixtures";

function withIndicators(): Analysis {
  const a = cannedAnalysis([]);
  return {
    ...a,
    indicators: {
      ...a.indicators,
      employees: 42,
      women: 19,
      shareWomen: 19 / 42,
      hoursWorked: 26035.5,
      fte: 14.305,
      exitsExamined: 10,
      rateDynamic: 0.7,
      rateDurable: 0.2,
      averagePathMonths: 10.97,
    },
  };
}

async function openIndicators(props = {}) {
  const port = new FakePort();
  renderPane(port, withIndicators(), { initialView: "indicateurs", ...props });
  await screen.findByRole("button", { name: /Écrire dans la feuille|Write to the sheet/ }, { timeout: 8000 });
  return port;
}

const cell = (key: string) => document.querySelector(`[data-indicator="${key}"]`) as HTMLElement;

describe("Indicateurs view", () => {
  it("shows the key figures in French formats, and 'non calculable' for null", async () => {
    await openIndicators();
    // Expected texts written by hand (French typography: narrow no-break spaces, decimal comma).
    expect(cell("employees").textContent).toBe("42");
    expect(cell("shareWomen").textContent).toBe("45,2\u202f%");
    expect(cell("hoursWorked").textContent).toBe("26\u202f035,5\u202fh");
    expect(cell("fte").textContent).toBe("14,31");
    expect(cell("averagePathMonths").textContent).toBe("11,0\u202fmois");
    expect(cell("shareRsa").textContent).toBe("non calculable");
    expect(cell("employees").getAttribute("data-value")).toBe("42");
    const name = screen.getByText("Jardins de la Vallée");
    // The structure's name is the workbook's words: marked French for screen readers in either language.
    expect(name.getAttribute("lang")).toBe("fr");
    expect(name.closest("p")!.textContent).toBe("Jardins de la Vallée — période du 01/01/2025 au 31/12/2025");
  });

  it("each figure has its definition on demand (InfoLabel), reachable with the keyboard", async () => {
    const user = userEvent.setup();
    await openIndicators();
    const row = cell("employees").closest("tr") as HTMLElement;
    const info = within(row).getByRole("button");
    info.focus();
    await user.keyboard("{Enter}");
    expect(await screen.findByText(/distincts ayant travaillé au moins 1 heure sur la période/)).toBeTruthy();
  });

  it("shows progress against the targets: reached in green, short in amber, not computable without exits", async () => {
    await openIndicators();
    const dynamic = screen.getByTestId("target-rateDynamic");
    const durable = screen.getByTestId("target-rateDurable");
    expect(dynamic.getAttribute("aria-valuenow")).toBe("1");
    expect(durable.getAttribute("aria-valuenow")).toBe("0.8");
    // Keep the narrow no-break spaces: the default normaliser would turn them into plain spaces.
    const exact = { normalizer: getDefaultNormalizer({ collapseWhitespace: false }) };
    expect(screen.getByText("70,0\u202f% pour un objectif de 60,0\u202f%", exact)).toBeTruthy();
    expect(screen.getByText("20,0\u202f% pour un objectif de 25,0\u202f%", exact)).toBeTruthy();
  });

  it("'Écrire dans la feuille' writes the indicators through the port with the language and the date", async () => {
    const user = userEvent.setup();
    const port = await openIndicators();
    const before = Date.now();
    await user.click(screen.getByRole("button", { name: "Écrire dans la feuille" }));
    await waitFor(() => expect(port.count("writeIndicators")).toBe(1));
    const [reports, options] = port.last("writeIndicators") as [
      Analysis[],
      { generatedAt: Date; language: string },
    ];
    expect(reports.map((r) => r.indicators.employees)).toEqual([42]);
    expect(options.language).toBe("fr");
    expect(options.generatedAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(await screen.findByText("Feuille « Indicateurs » écrite.")).toBeTruthy();
  });

  it("in English, labels and number formats are English", async () => {
    await openIndicators({ language: "en" });
    expect(cell("shareWomen").textContent).toBe("45.2%");
    expect(cell("hoursWorked").textContent).toBe("26,035.5 h");
    expect(screen.getByText("70.0% for a target of 60.0%")).toBeTruthy();
  });

  it("shows every indicator key of the engine exactly once", async () => {
    await openIndicators();
    const shown = [...document.querySelectorAll("[data-indicator]")].map((e) =>
      e.getAttribute("data-indicator"),
    );
    expect([...shown].sort()).toEqual([...INDICATOR_KEYS].sort());
  });

  it("before any check, asks to check first", async () => {
    const port = new FakePort();
    port.hold();
    renderPane(port, withIndicators(), { initialView: "indicateurs" });
    expect(
      await screen.findByText(
        "Vérifiez d'abord le classeur pour calculer les indicateurs.",
        {},
        { timeout: 8000 },
      ),
    ).toBeTruthy();
  });

  it("says the figures are not final while blocking errors remain, and not otherwise", async () => {
    const errors = [1, 2].map((i) =>
      finding("value-required", "error", `C${i + 1}`, "Valeur obligatoire manquante."),
    );
    const port = new FakePort();
    renderPane(port, cannedAnalysis(errors), { initialView: "indicateurs" });
    const banner = await screen.findByTestId("indicators-not-final", {}, { timeout: 8000 });
    expect(banner.textContent?.replace(/[\u00a0\u202f]/g, " ")).toBe(
      "Chiffres provisoires : 2 erreurs bloquantes restent à corriger (onglet Vérifier). Ils changeront une fois le classeur corrigé.",
    );
  });

  it("no 'not final' banner for a workbook without blocking errors", async () => {
    await openIndicators();
    expect(screen.queryByTestId("indicators-not-final")).toBeNull();
  });
});
