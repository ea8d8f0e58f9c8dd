/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import { frenchTypography as typo } from "../../src/taskpane/i18n/format";
import userEvent from "@testing-library/user-event";
import { cannedAnalysis, FakePort, finding, renderPane } from "./fixtures";
import { UserError } from "../../src/core/errors/user-error";
import { languageFrom } from "../../src/taskpane/i18n/i18n";
import { fr } from "../../src/taskpane/i18n/fr";
import { en } from "../../src/taskpane/i18n/en";
import { initialView } from "../../src/taskpane/views";

describe("errors", () => {
  it("an Office error while reading is shown as a readable French message in an alert, not swallowed", async () => {
    const port = new FakePort();
    // What Office.js throws when a cell is being edited (OfficeExtension.Error shape).
    port.readError = Object.assign(new Error("The operation is not allowed in cell edit mode"), {
      name: "RichApi.Error",
      code: "InvalidOperationInCellEditMode",
      debugInfo: {},
    });
    const errorLog = jest.spyOn(console, "log");
    renderPane(port, cannedAnalysis([]));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(
      "Excel est en train de modifier une cellule. Appuyez sur Entrée ou Échap",
    );
    expect(errorLog).not.toHaveBeenCalled();
    // The user can dismiss it and try again.
    const user = userEvent.setup();
    await user.click(within(alert).getByRole("button", { name: "Fermer" }));
    expect(screen.queryByRole("alert")).toBeNull();
    port.readError = null;
    await user.click(screen.getByRole("button", { name: "Vérifier" }));
    await screen.findByRole("button", { name: "Re-vérifier" });
  });

  it("the adapter's own French messages pass through unchanged", async () => {
    const port = new FakePort();
    port.readError = new UserError("template.sheet-exists", { sheet: "Salariés" });
    renderPane(port, cannedAnalysis([]));
    expect((await screen.findByRole("alert")).textContent).toContain(
      typo("La feuille « Salariés » existe déjà dans ce classeur. Renommez-la ou supprimez-la"),
    );
  });

  it("an unexpected error says so and keeps its message, with what to do", async () => {
    const port = new FakePort();
    renderPane(port, () => {
      throw new Error("boom");
    });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(typo("Une erreur inattendue s'est produite : boom."));
    expect(alert.textContent).toContain("Réessayez");
  });

  it("an error while writing keeps the last results on screen", async () => {
    const user = userEvent.setup();
    const port = new FakePort();
    port.highlight = async () => {
      throw Object.assign(new Error("denied"), {
        name: "RichApi.Error",
        code: "AccessDenied",
        debugInfo: {},
      });
    };
    renderPane(port, cannedAnalysis([finding("value-required", "error", "C5", "Sexe manquant.")]));
    await user.click(await screen.findByRole("button", { name: "Surligner" }));
    expect((await screen.findByRole("alert")).textContent).toContain("la feuille ou le classeur est protégé");
    expect(screen.getByRole("button", { name: /C5/ })).toBeTruthy();
  });
});

describe("English", () => {
  it("switches every string, rule titles included, when Office's display language is English", async () => {
    renderPane(new FakePort(), cannedAnalysis([finding("value-required", "error", "C5", "Sexe manquant.")]), {
      language: "en",
    });
    expect(await screen.findByRole("button", { name: "Check again" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Indicators" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Clear highlights" })).toBeTruthy();
    expect(
      within(screen.getByTestId("rule-value-required")).getByText(/Required value missing/),
    ).toBeTruthy();
    expect(screen.getByText("Errors block sending: fix them, then check again.")).toBeTruthy();
    expect(screen.queryByText(/Vérifier/)).toBeNull();
  });

  it("picks the language from the display language", async () => {
    expect(languageFrom("en-US")).toBe("en");
    expect(languageFrom("EN-gb")).toBe("en");
    expect(languageFrom("fr-FR")).toBe("fr");
    expect(languageFrom("de-DE")).toBe("fr");
    expect(languageFrom(null)).toBe("fr");
  });

  it("every English string exists and keeps the French placeholders", async () => {
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      // "{name}" and "{name, plural, …}" both name a parameter.
      const placeholders = (s: string) => {
        const outer = s.replace(/(=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\}/g, ""); // plural branches are text, not parameters
        return [...new Set([...outer.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]))].sort();
      };
      expect([key, placeholders(en[key])]).toEqual([key, placeholders(fr[key])]);
    }
  });
});

describe("views and ribbon", () => {
  it("?view=indicateurs from the ribbon opens that tab first", async () => {
    expect(initialView("?view=indicateurs")).toBe("indicateurs");
    expect(initialView("?view=envoyer")).toBe("envoyer");
    expect(initialView("?view=nimporte")).toBe("verifier");
    expect(initialView("")).toBe("verifier");
    renderPane(new FakePort(), cannedAnalysis([]), { initialView: "envoyer" });
    expect(
      await screen.findByRole("button", { name: "Envoyer au Département" }, { timeout: 8000 }),
    ).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Envoyer" }).getAttribute("aria-selected")).toBe("true");
  });

  it("tabs are keyboard-operable", async () => {
    const user = userEvent.setup();
    renderPane(new FakePort(), cannedAnalysis([]));
    await screen.findByRole("button", { name: "Re-vérifier" });
    const tab = screen.getByRole("tab", { name: "Indicateurs" });
    expect(tab.tagName).toBe("BUTTON");
    tab.focus();
    await user.keyboard("{Enter}");
    await waitFor(() =>
      expect(screen.getByRole("tab", { name: "Indicateurs" }).getAttribute("aria-selected")).toBe("true"),
    );
    expect(
      await screen.findByRole("button", { name: "Écrire dans la feuille" }, { timeout: 8000 }),
    ).toBeTruthy();
  });
});
