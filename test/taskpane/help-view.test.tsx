/** @jest-environment jsdom */
import { render, screen, within } from "@testing-library/react";
import { frenchTypography as typo } from "../../src/taskpane/i18n/format";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/components/App";
import { HELP } from "../../src/taskpane/i18n/help";
import { initialView } from "../../src/taskpane/views";
import { cannedAnalysis, FakePort, renderPane, asWorkbook } from "./fixtures";

// The help view is loaded on demand (React.lazy): its first load compiles its modules, which under a busy CI
// machine took longer than findBy's 1 s default (a failed clean-clone run); 8 s as the other lazy views' tests.
const findHelp = () => screen.findByTestId("help", {}, { timeout: 8000 });

describe("help view (?view=aide, the manifest's SupportUrl)", () => {
  it("opens on the help tab from the manifest's link, in French, with every topic and the version", async () => {
    expect(initialView("?view=aide")).toBe("aide");
    renderPane(new FakePort(), cannedAnalysis([]), {
      initialView: initialView("?view=aide"),
      autoCheck: false,
    });
    expect(screen.getByRole("tab", { name: "Aide" }).getAttribute("aria-selected")).toBe("true");
    const help = await findHelp();
    for (const title of [
      "1. Vérifier",
      "2. Indicateurs",
      "3. Envoyer",
      "4. Consolider (Département)",
      "Données personnelles",
      "Besoin d'aide ?",
    ])
      expect(within(help).getByRole("heading", { name: title })).toBeTruthy();
    expect(help.textContent).toContain("ne quittent jamais le classeur");
    expect(help.textContent).toMatch(/Bilan IAE, version \d+\.\d+\.\d+/);
  });

  it("in file mode it is offered before any file is opened, shown alone, and the way back is there", async () => {
    const user = userEvent.setup();
    render(
      <App
        language="fr"
        initialView="verifier"
        analyze={() => asWorkbook(cannedAnalysis([]))}
        openFile={jest.fn()}
      />,
    );
    await user.click(screen.getByRole("button", { name: typo("Aide : comment ça marche ?") }));
    expect(await findHelp()).toBeTruthy();
    expect(screen.queryByRole("tablist")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Vérifier un classeur" }));
    expect(screen.queryByTestId("help")).toBeNull();
    expect(screen.getByRole("button", { name: "Ouvrir un classeur .xlsx" })).toBeTruthy();
  });

  it("speaks English when Office does, with the same topics", async () => {
    render(
      <App
        language="en"
        initialView="aide"
        analyze={() => asWorkbook(cannedAnalysis([]))}
        openFile={jest.fn()}
      />,
    );
    const help = await findHelp();
    expect(within(help).getByRole("heading", { name: "Personal data" })).toBeTruthy();
    expect(HELP.en.topics.map((t) => t.id)).toEqual(HELP.fr.topics.map((t) => t.id));
  });
});
