/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import { frenchTypography as typo } from "../../src/taskpane/i18n/format";
import userEvent from "@testing-library/user-event";
import type { Analysis } from "../../src/core";
import { cannedAnalysis, FakePort, finding, renderPane } from "./fixtures";

function withUnknownHeaders(): Analysis {
  const a = cannedAnalysis([
    finding("column-missing", "error", null, "Colonne « Sexe » introuvable.", "Salariés", "sex"),
    finding("column-missing", "warning", null, "Colonne « Résident QPV » introuvable.", "Salariés", "qpv"),
  ]);
  return {
    ...a,
    table: {
      ...a.table!,
      sheet: "Suivi 2025",
      headerRow: 3,
      unknownHeaders: [
        { index: 2, header: "Genre (F/M)" },
        { index: 7, header: "Quartier" },
      ],
    },
  };
}

describe("column mapping panel", () => {
  it("lists unknown headers and missing fields, saves the chosen mapping through the port, then checks again", async () => {
    const user = userEvent.setup();
    const port = new FakePort();
    port.mapping = { sheet: "Suivi 2025", headerRow: 3, columns: { "Ancienne colonne": null } };
    let n = 0;
    const { analyze } = renderPane(port, () => (n++ === 0 ? withUnknownHeaders() : cannedAnalysis([])));
    const panel = await screen.findByRole(
      "region",
      { name: "Correspondance des colonnes" },
      { timeout: 8000 },
    );
    expect(within(panel).getByText(/colonnes de « Suivi 2025 » ne sont pas reconnues/)).toBeTruthy();
    const missing = within(panel).getByTestId("missing-fields");
    expect(within(missing).getByText("Sexe")).toBeTruthy();
    expect(within(missing).getByText("Résident QPV")).toBeTruthy();

    await user.click(
      within(panel).getByRole("combobox", { name: typo("Champ pour la colonne « Genre (F/M) »") }),
    );
    await user.click(screen.getByRole("option", { name: "Sexe" }));
    await user.click(
      within(panel).getByRole("combobox", { name: typo("Champ pour la colonne « Quartier »") }),
    );
    await user.click(screen.getByRole("option", { name: "Résident QPV" }));
    await user.click(within(panel).getByRole("button", { name: "Enregistrer la correspondance" }));

    await waitFor(() => expect(port.count("saveMapping")).toBe(1));
    // The saved mapping keeps earlier choices and adds the new ones, keyed by header text.
    expect(port.last("saveMapping")).toEqual([
      {
        sheet: "Suivi 2025",
        headerRow: 3,
        columns: { "Ancienne colonne": null, "Genre (F/M)": "sex", Quartier: "qpv" },
      },
    ]);
    await waitFor(() => expect(port.count("read")).toBe(2));
    expect(analyze).toHaveBeenCalledTimes(2);
    // The engine received the saved mapping on the re-check.
    expect(analyze.mock.calls[1]).toEqual([port.data, port.mapping]);
    await waitFor(() =>
      expect(screen.queryByRole("region", { name: "Correspondance des colonnes" })).toBeNull(),
    );
    expect(screen.getByText("Correspondance enregistrée dans le classeur.")).toBeTruthy();
  });

  it("a column can be set to be ignored", async () => {
    const user = userEvent.setup();
    const port = new FakePort();
    renderPane(port, withUnknownHeaders());
    const panel = await screen.findByRole(
      "region",
      { name: "Correspondance des colonnes" },
      { timeout: 8000 },
    );
    await user.click(
      within(panel).getByRole("combobox", { name: typo("Champ pour la colonne « Quartier »") }),
    );
    await user.click(screen.getByRole("option", { name: "Résident ZRR" }));
    await user.click(
      within(panel).getByRole("combobox", { name: typo("Champ pour la colonne « Quartier »") }),
    );
    await user.click(screen.getByRole("option", { name: "(ignorer cette colonne)" }));
    await user.click(within(panel).getByRole("button", { name: "Enregistrer la correspondance" }));
    await waitFor(() => expect(port.count("saveMapping")).toBe(1));
    expect(port.last("saveMapping")).toEqual([
      { sheet: "Suivi 2025", headerRow: 3, columns: { "Genre (F/M)": null, Quartier: null } },
    ]);
  });

  it("without any recognised table, says what to do and offers the sheets to read instead of column dropdowns", async () => {
    const port = new FakePort();
    const a = cannedAnalysis(
      [finding("header-not-found", "error", null, "Aucune ligne d'en-tête reconnue.")],
      {},
      { table: null },
    );
    renderPane(port, a);
    expect(await screen.findByText(/Aucun tableau des salariés reconnu/)).toBeTruthy();
    expect(screen.queryByRole("combobox", { name: /Champ pour la colonne/ })).toBeNull();
    // No sheet read yet: one must be ticked before saving.
    expect((screen.getByRole("checkbox", { name: "Salariés" }) as HTMLInputElement).checked).toBe(false);
    expect(
      (screen.getByRole("button", { name: "Enregistrer la correspondance" }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  it("is not shown when every header is recognised", async () => {
    renderPane(new FakePort(), cannedAnalysis([finding("value-required", "error", "C5", "Sexe manquant.")]));
    await screen.findByRole("button", { name: "Re-vérifier" });
    expect(screen.queryByRole("region", { name: "Correspondance des colonnes" })).toBeNull();
  });
});

describe("column mapping panel, decided columns", () => {
  const onlyFreeText = (): Analysis => {
    const a = cannedAnalysis([]);
    return {
      ...a,
      table: {
        ...a.table!,
        sheet: "Suivi 2025",
        headerRow: 3,
        unknownHeaders: [{ index: 9, header: "Observations" }],
      },
    };
  };

  it("does not open for a free-text column already saved as ignored", async () => {
    const port = new FakePort();
    port.mapping = { sheet: "Suivi 2025", headerRow: 3, columns: { Observations: null } };
    renderPane(port, onlyFreeText);
    await screen.findByRole("button", { name: "Re-vérifier" });
    expect(screen.queryByRole("region", { name: "Correspondance des colonnes" })).toBeNull();
  });

  it("opens for it while undecided, and closes without saving; focus goes to the check button, not the body", async () => {
    const user = userEvent.setup();
    const port = new FakePort();
    renderPane(port, onlyFreeText);
    const panel = await screen.findByRole(
      "region",
      { name: "Correspondance des colonnes" },
      { timeout: 8000 },
    );
    await user.click(within(panel).getByRole("button", { name: "Fermer sans enregistrer" }));
    expect(screen.queryByRole("region", { name: "Correspondance des colonnes" })).toBeNull();
    expect(port.count("saveMapping")).toBe(0);
    expect(document.activeElement?.textContent).toBe("Re-vérifier");
  });
});
