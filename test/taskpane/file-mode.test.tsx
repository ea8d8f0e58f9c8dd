/** @jest-environment jsdom */
import { render, screen, waitFor } from "@testing-library/react";
import { frenchTypography as typo } from "../../src/taskpane/i18n/format";
import userEvent from "@testing-library/user-event";
import { App, type FileWorkbook } from "../../src/taskpane/components/App";
import { cannedAnalysis, FakePort, finding, asWorkbook } from "./fixtures";
import { fromPlain } from "../../src/core/errors/user-error";

const NONE = { charts: 0, pivotTables: 0, shapes: 0 };

function renderFileMode(openFile: (f: File) => Promise<FileWorkbook>) {
  const analysis = cannedAnalysis([finding("value-required", "error", "C5", "Sexe manquant.")]);
  render(
    <App language="fr" initialView="verifier" analyze={() => asWorkbook(analysis)} openFile={openFile} />,
  );
  return analysis;
}

describe("file mode", () => {
  it("offers to open a .xlsx, checks it through its port, and selecting a finding shows its cell", async () => {
    const user = userEvent.setup();
    const port = new FakePort();
    const openFile = jest.fn(async (f: File) => ({
      name: f.name,
      port,
      annotated: async () => ({ bytes: new Uint8Array([1]), notKept: NONE }),
    }));
    renderFileMode(openFile);
    expect(screen.getByRole("button", { name: "Ouvrir un classeur .xlsx" })).toBeTruthy();
    expect(screen.queryByRole("tablist")).toBeNull();
    const file = new File([new Uint8Array([80, 75, 3, 4])], "bilan-2025.xlsx");
    await user.upload(screen.getByTestId("file-input") as HTMLInputElement, file);
    expect(openFile).toHaveBeenCalledWith(file);
    expect(await screen.findByText("Classeur ouvert : bilan-2025.xlsx")).toBeTruthy();
    // Once a file is open, the picker shrinks to a secondary "open another" button.
    expect(screen.getByRole("button", { name: "Ouvrir un autre classeur" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Ouvrir un classeur .xlsx" })).toBeNull();
    await waitFor(() => expect(port.count("read")).toBe(1));
    await user.click(
      (await screen.findAllByRole("button", { name: /^C5 / })).find(
        (b) => b.getAttribute("data-cell") === "Salariés!C5",
      )!,
    );
    expect(screen.getByTestId("selected-cell").textContent).toBe(typo("Cellule sélectionnée : Salariés!C5"));
  });

  it("accepts a dropped file", async () => {
    const port = new FakePort();
    const openFile = jest.fn(async (f: File) => ({
      name: f.name,
      port,
      annotated: async () => ({ bytes: new Uint8Array(), notKept: NONE }),
    }));
    renderFileMode(openFile);
    const file = new File([new Uint8Array([80, 75])], "depose.xlsx");
    const { fireEvent } = await import("@testing-library/react");
    fireEvent.drop(screen.getByTestId("drop-zone"), { dataTransfer: { files: [file] } });
    await waitFor(() => expect(openFile).toHaveBeenCalledWith(file));
  });

  it("refuses a file that is not .xlsx with a message saying what to do", async () => {
    const user = userEvent.setup({ applyAccept: false });
    const openFile = jest.fn();
    renderFileMode(openFile);
    await user.upload(screen.getByTestId("file-input") as HTMLInputElement, new File(["a;b"], "export.csv"));
    expect((await screen.findByRole("alert")).textContent).toContain(
      typo("« export.csv » n'est pas un classeur .xlsx. Enregistrez-le au format Classeur Excel (.xlsx)"),
    );
    expect(openFile).not.toHaveBeenCalled();
  });

  it("a file the reader rejects shows the reader's French message", async () => {
    const user = userEvent.setup();
    // As file-workbook.ts rebuilds what the reading worker posted.
    const err = fromPlain({
      name: "XlsxReadError",
      message: "« casse.xlsx » est incomplet (copie interrompue ?) : enregistrez-le de nouveau depuis Excel.",
      reason: "truncated",
      file: "casse.xlsx",
    });
    renderFileMode(async () => {
      throw err;
    });
    await user.upload(
      screen.getByTestId("file-input") as HTMLInputElement,
      new File([new Uint8Array([1])], "casse.xlsx"),
    );
    expect((await screen.findByRole("alert")).textContent).toContain(typo("« casse.xlsx » est incomplet"));
  });

  it("downloads the annotated workbook built by the adapter", async () => {
    const user = userEvent.setup();
    const port = new FakePort();
    const annotated = jest.fn(async () => ({ bytes: new Uint8Array([80, 75, 3, 4]), notKept: NONE }));
    const created: Blob[] = [];
    URL.createObjectURL = jest.fn((b: Blob) => {
      created.push(b);
      return "blob:annote";
    });
    URL.revokeObjectURL = jest.fn();
    const clicks: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    const analysis = renderFileMode(async (f) => ({ name: f.name, port, annotated }));
    await user.upload(
      screen.getByTestId("file-input") as HTMLInputElement,
      new File([new Uint8Array([1])], "Bilan ACI.xlsx"),
    );
    await user.click(await screen.findByRole("button", { name: "Télécharger le classeur annoté" }));
    await waitFor(() => expect(clicks).toEqual(["Bilan ACI-annote.xlsx"]));
    expect(annotated).toHaveBeenCalledWith([analysis], "fr");
    expect(created[0].size).toBe(4);
    expect(screen.getByTestId("download-notice").textContent).toBe(
      typo("Classeur annoté téléchargé : Bilan ACI-annote.xlsx"),
    );
    // Nothing was lost: no warning.
    expect(screen.queryByTestId("download-not-kept")).toBeNull();
  });

  it("says what the copy could not keep from the user's workbook (charts, pivot tables, shapes), with French plurals", async () => {
    const user = userEvent.setup();
    URL.createObjectURL = jest.fn(() => "blob:annote");
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    const notKept = { charts: 2, pivotTables: 1, shapes: 0 };
    renderFileMode(async (f) => ({
      name: f.name,
      port: new FakePort(),
      annotated: async () => ({ bytes: new Uint8Array([1]), notKept }),
    }));
    await user.upload(
      screen.getByTestId("file-input") as HTMLInputElement,
      new File([new Uint8Array([1])], "b.xlsx"),
    );
    await user.click(await screen.findByRole("button", { name: "Télécharger le classeur annoté" }));
    expect((await screen.findByTestId("download-not-kept")).textContent).toBe(
      typo(
        "Cette copie ne reprend pas les 2 graphiques et le tableau croisé dynamique de votre classeur : gardez l'original, qui n'a pas été modifié.",
      ),
    );
  });
});
