/** @jest-environment jsdom */
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { analyze } from "../../src/taskpane/analyze";
import { App } from "../../src/taskpane/components/App";
import { frenchTypography as typo } from "../../src/taskpane/i18n/format";
import { clockTime } from "../../src/taskpane/live-check/message";
import { SendEnvironmentProvider } from "../../src/taskpane/send/send-environment";
import { dracWorkbook } from "../support/drac-workbook";
import { FakeExcel } from "../excel/fake-excel";
import { workbookOn } from "../excel/helpers";
import { MemoryStorage, testSendEnvironment } from "./node-fetch";
import "./fixtures"; // jsdom stand-ins (ResizeObserver…) the Fluent components need

/**
 * « Revérifier pendant la saisie » in the pane, on the real Office adapter over the fake Excel: the option
 * (a labelled switch, kept per user), the message announced in the polite live region, the handlers
 * removed when the option is turned off or the pane goes.
 */
const PARTITION = "partition-live";

/** The message as worded at any minute from `since` to now (a re-check may straddle a minute's change). */
function worded(since: Date, text: (time: string) => string): string[] {
  return [...new Set([since, new Date()].map((d) => text(clockTime(d))))];
}

function excelWith(apiVersion = "1.17", extraColumn = false): FakeExcel {
  const fake = new FakeExcel();
  fake.apiVersion = apiVersion;
  const people = [
    [
      "999992511111",
      "Lefebvre",
      "Maëlys",
      "F",
      "14/07/1988",
      "38100",
      "Non",
      "Oui",
      "03/02/2025",
      910,
      "",
      "",
    ],
    [
      "999992522222",
      "Ouedraogo",
      "Issouf",
      "Z",
      "02/11/1979",
      "38400",
      "Non",
      "Non",
      "15/01/2024",
      1200,
      "",
      "",
    ],
    ["999992533333", "Marchetti", "Lou", "F", "31/02/2001", "38000", "Oui", "Non", "01/09/2024", 900, "", ""],
  ];
  for (const sheet of dracWorkbook(people).sheets)
    fake.model.addSheet(sheet.name).put(0, 0, sheet.rows as unknown[][]);
  // A column the engine does not know: the mapping panel offers to decide it.
  if (extraColumn) fake.model.sheet("Salariés").put(0, 12, [["Remarques de l'équipe"], ["à revoir"]]);
  return fake;
}

function renderPane(fake: FakeExcel, storage = new MemoryStorage(), language: "fr" | "en" = "fr") {
  const utils = render(
    <SendEnvironmentProvider value={testSendEnvironment(PARTITION, storage)}>
      <App language={language} initialView="verifier" analyze={analyze} officePort={workbookOn(fake)} />
    </SendEnvironmentProvider>,
  );
  return { ...utils, storage };
}

async function checkedPane(fake: FakeExcel, storage?: MemoryStorage) {
  const utils = renderPane(fake, storage);
  await screen.findByRole("button", { name: "Re-vérifier" }, { timeout: 8000 });
  return utils;
}

describe("Revérifier pendant la saisie", () => {
  it("re-checks an edit after the pause and says what changed in the polite live region", async () => {
    const fake = excelWith();
    await checkedPane(fake);
    expect(screen.getByTestId("count-error").textContent).toBe("2 erreurs");
    await waitFor(() => expect(fake.changeHandlers).toHaveLength(2));

    const since = new Date();
    await fake.edit("Salariés", 2, 3, [["H"]]);
    const region = screen.getByTestId("live-region");
    expect(region.getAttribute("aria-live")).toBe("polite");
    await waitFor(() => expect(region.textContent).toContain("Revérifié à"), { timeout: 4000 });
    expect(
      worded(since, (time) => typo(`Revérifié à ${time} — 1 erreur corrigée ; il reste 1 erreur.`)),
    ).toContain(region.textContent);
    expect(screen.getByTestId("count-error").textContent).toBe("1 erreur");

    await fake.edit("Salariés", 2, 3, [["X"]]);
    await fake.edit("Salariés", 3, 4, [["21/03/2001"]]);
    await waitFor(() => expect(region.textContent).toContain("1 nouvelle erreur"), { timeout: 4000 });
    expect(
      worded(since, (time) =>
        typo(`Revérifié à ${time} — 1 erreur corrigée, 1 nouvelle erreur ; il reste 1 erreur.`),
      ),
    ).toContain(region.textContent);
  });

  it("the option is a labelled switch reached with the keyboard; off, the handlers go and the choice is kept", async () => {
    const fake = excelWith();
    const { storage, unmount } = await checkedPane(fake);
    await waitFor(() => expect(fake.changeHandlers).toHaveLength(2));
    const option = screen.getByRole("switch", { name: "Revérifier pendant la saisie" });
    expect((option as HTMLInputElement).checked).toBe(true);
    expect(option.getAttribute("aria-describedby")).toBeTruthy();

    const user = userEvent.setup();
    option.focus();
    expect(document.activeElement).toBe(option);
    await user.keyboard(" ");
    expect((option as HTMLInputElement).checked).toBe(false);
    await waitFor(() => expect(fake.changeHandlers).toHaveLength(0));
    expect(JSON.parse(storage.getItem(`${PARTITION}:bilan-iae:live-check`)!)).toEqual({ enabled: false });
    const before = screen.getByTestId("live-region").textContent;
    await fake.edit("Salariés", 2, 3, [["H"]]);
    await new Promise((r) => setTimeout(r, 1200));
    expect(screen.getByTestId("live-region").textContent).toBe(before);
    unmount();

    // Reopened: the choice is remembered, nothing is registered.
    const again = excelWith();
    await checkedPane(again, storage);
    expect(
      (screen.getByRole("switch", { name: "Revérifier pendant la saisie" }) as HTMLInputElement).checked,
    ).toBe(false);
    await new Promise((r) => setTimeout(r, 200));
    expect(again.changeHandlers).toHaveLength(0);
  });

  it("leaving the pane removes the handlers", async () => {
    const fake = excelWith();
    const { unmount } = await checkedPane(fake);
    await waitFor(() => expect(fake.changeHandlers).toHaveLength(2));
    unmount();
    await waitFor(() => expect(fake.changeHandlers).toHaveLength(0));
  });

  it("a mapping panel the user closed stays closed when edits are re-checked", async () => {
    const fake = excelWith("1.17", true);
    await checkedPane(fake);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Fermer sans enregistrer" }));
    await waitFor(() => expect(fake.changeHandlers).toHaveLength(2));
    await fake.edit("Salariés", 2, 3, [["H"]]);
    await waitFor(() => expect(screen.getByTestId("live-region").textContent).toContain("Revérifié"), {
      timeout: 4000,
    });
    expect(screen.queryByRole("button", { name: "Fermer sans enregistrer" })).toBeNull();
  });

  it("without ExcelApi 1.7 the option is not offered and nothing is registered", async () => {
    const fake = excelWith("1.6");
    await checkedPane(fake);
    expect(screen.queryByRole("switch")).toBeNull();
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.changeHandlers).toHaveLength(0);
  });

  it("an Office error during a re-check shows like other errors, and the next edit is re-checked", async () => {
    const fake = excelWith();
    await checkedPane(fake);
    await waitFor(() => expect(fake.changeHandlers).toHaveLength(2));
    fake.failOn = (label) => (label === "range.load" ? "InvalidOperationInCellEditMode" : null);
    await fake.edit("Salariés", 2, 3, [["H"]]);
    const alert = await screen.findByRole("alert", {}, { timeout: 4000 });
    expect(alert.textContent).toContain(
      typo("Relecture des lignes modifiées : Une cellule est en cours de modification dans Excel."),
    );
    fake.failOn = null;
    await fake.edit("Salariés", 3, 4, [["21/03/2001"]]);
    // The failed edit is re-checked with the next one: both errors are gone.
    await waitFor(
      () => expect(screen.getByTestId("live-region").textContent).toContain("2 erreurs corrigées"),
      {
        timeout: 4000,
      },
    );
    expect(screen.queryByTestId("count-error")?.textContent ?? "0").not.toMatch(/[1-9]/);
  });

  it("speaks English where the pane does", async () => {
    const fake = excelWith();
    renderPane(fake, new MemoryStorage(), "en");
    await screen.findByRole("switch", { name: "Check again as I type" }, { timeout: 8000 });
    await waitFor(() => expect(fake.changeHandlers).toHaveLength(2));
    const since = new Date();
    await fake.edit("Salariés", 2, 3, [["H"]]);
    await waitFor(
      () =>
        expect(worded(since, (time) => `Checked again at ${time} — 1 error fixed; 1 error left.`)).toContain(
          screen.getByTestId("live-region").textContent,
        ),
      { timeout: 4000 },
    );
  });
});
