/** @jest-environment jsdom */
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Analysis, Finding } from "../../src/core";
import { App } from "../../src/taskpane/components/App";
import { frenchTypography as typo } from "../../src/taskpane/i18n/format";
import { asWorkbook, cannedAnalysis, FakePort, finding } from "./fixtures";

/** A structure with an ACI and an EI convention: two reports from one workbook (domain §2.4.3). */
function twoConventions(): Analysis[] {
  const shared = finding(
    "structure-field-missing",
    "warning",
    "B4",
    "N° d'annexe financière manquant.",
    "Structure",
  );
  const aci = cannedAnalysis(
    [
      finding("value-required", "error", "C5", "Sexe manquant : saisissez F ou H.", "ACI"),
      finding("value-required", "error", "C9", "Sexe manquant : saisissez F ou H.", "ACI"),
      shared,
    ],
    {},
  );
  const ei = cannedAnalysis([
    finding("no-hours", "info", "M3", "Aucune heure sur la période.", "EI"),
    shared,
  ]);
  return [
    { ...aci, indicators: { ...aci.indicators, employees: 12 } },
    { ...ei, structure: { ...ei.structure, kind: "EI" }, indicators: { ...ei.indicators, employees: 5 } },
  ];
}

function renderReports(
  reports: Analysis[],
  language: "fr" | "en" = "fr",
  initialView: "verifier" | "indicateurs" = "verifier",
) {
  const port = new FakePort();
  const analyze = jest.fn(() => asWorkbook(...reports));
  render(<App language={language} initialView={initialView} analyze={analyze} officePort={port} />);
  return port;
}

const cell = (key: string) => document.querySelector(`[data-indicator="${key}"]`) as HTMLElement;

describe("a workbook with several reports in the pane", () => {
  it("Vérifier: a labelled picker names each convention with its error count; choosing EI shows EI's findings", async () => {
    const user = userEvent.setup();
    renderReports(twoConventions());
    const picker = await screen.findByRole("combobox", { name: "Convention affichée" }, { timeout: 8000 });
    expect(picker.textContent).toBe("ACI — 2 erreurs");
    expect(screen.getByTestId("count-error").textContent).toContain("2");
    // The notice counts every report: 2 errors + 2 warnings (one per report) + 1 information.
    expect(screen.getByTestId("live-region").textContent).toContain(
      "5 problèmes (2 erreurs, 2 avertissements, 1 information)",
    );
    await user.click(picker);
    const options = screen.getAllByRole("option").map((o) => o.textContent);
    expect(options).toEqual(["ACI — 2 erreurs", "EI — aucune erreur"]);
    await user.click(screen.getByRole("option", { name: "EI — aucune erreur" }));
    await waitFor(() => expect(picker.textContent).toBe("EI — aucune erreur"));
    expect(screen.getByTestId("count-error").textContent).toContain("0");
    expect(screen.queryByTestId("rule-value-required")).toBeNull();
    expect(screen.getByTestId("rule-no-hours")).toBeTruthy();
  });

  it("the picker works with the keyboard alone", async () => {
    const user = userEvent.setup();
    renderReports(twoConventions());
    const picker = await screen.findByRole("combobox", { name: "Convention affichée" }, { timeout: 8000 });
    act(() => picker.focus());
    await user.keyboard("{Enter}{ArrowDown}{Enter}");
    await waitFor(() => expect(picker.textContent).toBe("EI — aucune erreur"));
  });

  it("Surligner highlights the findings of every report, a finding shared by both only once", async () => {
    const user = userEvent.setup();
    const port = renderReports(twoConventions());
    await screen.findByRole("combobox", { name: "Convention affichée" }, { timeout: 8000 });
    await user.click(screen.getByRole("button", { name: "Surligner" }));
    await waitFor(() => expect(port.count("highlight")).toBe(1));
    const [findings] = port.last("highlight") as [Finding[]];
    expect(findings.map((f) => `${f.sheet}!${f.cell}`).sort()).toEqual([
      "ACI!C5",
      "ACI!C9",
      "EI!M3",
      "Structure!B4",
    ]);
    expect(screen.getByTestId("live-region").textContent).toContain(typo("4 cellules surlignées."));
  });

  it("Indicateurs: the picker switches the figures shown, in English too", async () => {
    const user = userEvent.setup();
    renderReports(twoConventions(), "en", "indicateurs");
    const picker = await screen.findByRole("combobox", { name: "Convention shown" }, { timeout: 8000 });
    expect(picker.textContent).toBe("ACI — 2 errors");
    expect(cell("employees").textContent).toBe("12");
    await user.click(picker);
    await user.click(screen.getByRole("option", { name: "EI — no errors" }));
    await waitFor(() => expect(cell("employees").textContent).toBe("5"));
  });

  it("one report: no picker, the pane looks as before", async () => {
    renderReports([cannedAnalysis([finding("value-required", "error", "C5", "Sexe manquant.")])]);
    await screen.findByRole("button", { name: "Re-vérifier" }, { timeout: 8000 });
    expect(screen.queryByRole("combobox", { name: "Convention affichée" })).toBeNull();
    expect(within(document.body).queryByTestId("report-picker")).toBeNull();
  });
});
