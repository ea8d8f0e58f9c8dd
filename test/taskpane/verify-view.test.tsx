/** @jest-environment jsdom */
import { act, screen, waitFor, within } from "@testing-library/react";
import { frenchTypography as typo } from "../../src/taskpane/i18n/format";
import userEvent from "@testing-library/user-event";
import { cannedAnalysis, FakePort, finding, renderPane } from "./fixtures";

const issues = [
  finding("value-required", "error", "C5", "Sexe manquant : saisissez F ou H."),
  finding("value-required", "error", "C9", "Sexe manquant : saisissez F ou H."),
  finding("exit-reason-unknown", "error", "R7", "Motif « Parti » inconnu : choisissez un motif de la liste."),
  finding("weekly-hours-low", "warning", "T4", "Durée hebdomadaire 15 h < 20 h sans dérogation."),
  finding("no-hours", "info", "M12", "Aucune heure sur la période : non compté parmi les salariés."),
  finding("structure-field-missing", "error", null, "SIRET manquant dans la feuille Structure."),
];

async function checked(port = new FakePort(), extra: Parameters<typeof cannedAnalysis>[1] = {}) {
  const analysis = cannedAnalysis(issues, extra);
  const utils = renderPane(port, analysis);
  await screen.findByRole("button", { name: "Re-vérifier" });
  return { ...utils, port, analysis };
}

describe("Vérifier view", () => {
  it("checks on opening, then shows the counts by severity and the findings grouped by rule with French titles", async () => {
    const { port, analyze } = await checked();
    expect(port.count("read")).toBe(1);
    expect(port.count("loadMapping")).toBe(1);
    expect(analyze).toHaveBeenCalledTimes(1);
    // Singular and plural as French wants them: "4 erreurs", "1 avertissement", "1 information".
    expect(screen.getByTestId("count-error").textContent).toBe("4 erreurs");
    expect(screen.getByTestId("count-warning").textContent).toBe("1 avertissement");
    expect(screen.getByTestId("count-info").textContent).toBe("1 information");
    expect(screen.getByText("Des erreurs bloquent l'envoi : corrigez-les puis re-vérifiez.")).toBeTruthy();
    const group = screen.getByTestId("rule-value-required");
    expect(within(group).getByText(/Valeur obligatoire manquante/)).toBeTruthy();
    expect(within(group).getByText("2")).toBeTruthy();
    // Findings without a cell are listed as text, not as a button that would go nowhere.
    expect(screen.getByText("SIRET manquant dans la feuille Structure.").closest("button")).toBeNull();
    // The live region announces the result.
    expect(screen.getByTestId("live-region").textContent).toContain(
      "6 problèmes (4 erreurs, 1 avertissement, 1 information)",
    );
  });

  it("says when a rule's list is capped, with the number left out", async () => {
    await checked(new FakePort(), { "value-required": 1250 });
    const group = screen.getByTestId("rule-value-required");
    expect(within(group).getByText("1 252")).toBeTruthy();
    expect(within(group).getByText(/… et 1 250 autres/)).toBeTruthy();
    expect(within(screen.getByTestId("rule-exit-reason-unknown")).queryByText(/autres/)).toBeNull();
  });

  it("each finding is a real button reachable with the keyboard; Enter selects its cell", async () => {
    const user = userEvent.setup();
    const { port } = await checked();
    // The accessible name starts with the visible text (axe's label-content-name-mismatch): "C9 …".
    const button = screen
      .getAllByRole("button", { name: /^C9 / })
      .find((b) => b.getAttribute("data-cell") === "Salariés!C9")!;
    expect(button.tagName).toBe("BUTTON");
    button.focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(port.last("select")).toEqual(["Salariés", "C9"]));
    expect(screen.getByTestId("selected-cell").textContent).toBe(typo("Cellule sélectionnée : Salariés!C9"));
    expect(button.getAttribute("aria-current")).toBe("true");
    // Arrow keys inside the list (one Tab stop) need real layout: see test/e2e/pane-350.test.ts.
  });

  it("filters by text and by severity", async () => {
    const user = userEvent.setup();
    await checked();
    await user.type(screen.getByRole("searchbox"), "motif");
    expect(screen.queryByRole("button", { name: /C5/ })).toBeNull();
    expect(screen.getByRole("button", { name: /R7/ })).toBeTruthy();
    await user.clear(screen.getByRole("searchbox"));
    await user.type(screen.getByRole("searchbox"), "zzz introuvable");
    expect(screen.getByText("Aucun problème ne correspond au filtre.")).toBeTruthy();
    await user.clear(screen.getByRole("searchbox"));

    await user.click(screen.getByRole("combobox", { name: "Gravité" }));
    await user.click(screen.getByRole("option", { name: "Avertissements" }));
    expect(screen.queryByTestId("rule-value-required")).toBeNull();
    expect(screen.getByTestId("rule-weekly-hours-low")).toBeTruthy();
    expect(screen.queryByTestId("rule-no-hours")).toBeNull();
  });

  it("Re-vérifier reads again; Surligner sends the findings that have a cell; Effacer restores", async () => {
    const user = userEvent.setup();
    const { port } = await checked();
    await user.click(screen.getByRole("button", { name: "Surligner" }));
    await waitFor(() => expect(port.count("highlight")).toBe(1));
    const sent = port.last("highlight")?.[0] as { cell: string | null }[];
    expect(sent.map((f) => f.cell)).toEqual(["C5", "C9", "R7", "T4", "M12"]);
    expect(await screen.findByText("5 cellules surlignées.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Effacer le surlignage" }));
    await waitFor(() => expect(port.count("clearHighlights")).toBe(1));
    expect(await screen.findByText("Surlignage effacé, les couleurs d'origine sont rétablies.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Re-vérifier" }));
    await waitFor(() => expect(port.count("read")).toBe(2));
  });

  it("Effacer says how many highlighted cells had moved or changed colour and were left as they are", async () => {
    const user = userEvent.setup();
    const { port } = await checked();
    port.clearLeftAsIs = 2;
    await user.click(screen.getByRole("button", { name: "Effacer le surlignage" }));
    const notice = await screen.findByText(/^Surlignage effacé\. 2 cellules surlignées avaient bougé/);
    expect(notice.textContent).toContain("elles sont laissées telles quelles");
    expect(notice.textContent).not.toContain("(s)");
  });

  it("Créer le modèle inserts the template for the chosen kind", async () => {
    const user = userEvent.setup();
    const { port } = await checked();
    await user.click(screen.getByRole("button", { name: "Créer le modèle" }));
    await user.click(await screen.findByRole("menuitem", { name: "Modèle pour une structure EI" }));
    await waitFor(() => expect(port.last("insertTemplate")).toEqual(["EI"]));
    expect(await screen.findByText(/créées pour une structure EI/)).toBeTruthy();
  });

  it("shows a progress bar driven by the port while a big sheet is read", async () => {
    const port = new FakePort();
    port.progressToReport = [{ sheet: "Salariés", rowsRead: 20000, totalRows: 50000 }];
    port.hold();
    renderPane(port, cannedAnalysis(issues));
    const bar = await screen.findByRole("progressbar");
    expect(bar.getAttribute("aria-valuenow")).toBe("0.4");
    expect(screen.getByText("Lecture de « Salariés » : 20 000 lignes sur 50 000")).toBeTruthy();
    // Check is disabled while reading, yet keeps focus (aria-disabled, not removed from the tab order).
    const check = screen.getByRole("button", { name: "Vérifier" });
    expect(check.getAttribute("aria-disabled")).toBe("true");
    expect(check.hasAttribute("disabled")).toBe(false);
    await act(async () => port.release());
    await screen.findByRole("button", { name: "Re-vérifier" });
    expect(screen.queryByRole("progressbar")).toBeNull();
  });
});
