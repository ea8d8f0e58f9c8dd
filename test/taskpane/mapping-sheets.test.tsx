/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { parseMappingOverride, mappingSheetCells, mappingFromCells, type Analysis } from "../../src/core";
import { frenchTypography as typo } from "../../src/taskpane/i18n/format";
import { cannedAnalysis, FakePort, renderPane } from "./fixtures";

/** A workbook with a structure sheet, two convention sheets read (ACI, EI) and an old copy left out. */
function port(): FakePort {
  const p = new FakePort();
  p.data = {
    name: "bilan.xlsx",
    sheets: ["Structure", "ACI", "EI", "Salariés 2024"].map((name) => ({ name, rows: [["Nom"]] })),
  };
  return p;
}

function readFrom(sheets: string[], unknown: string[] = []): Analysis {
  const a = cannedAnalysis([]);
  const tables = sheets.map((sheet) => ({
    ...a.table!,
    sheet,
    unknownHeaders: unknown.map((header, index) => ({ index, header })),
  }));
  return { ...a, table: tables[0], tables };
}

const panel = () => screen.findByRole("region", { name: "Correspondance des colonnes" }, { timeout: 8000 });

describe("mapping panel: the sheets read and the convention column", () => {
  it("lists every sheet, those read checked; the choice is saved as `sheets` in workbook order and used at the next check", async () => {
    const user = userEvent.setup();
    const p = port();
    const { analyze } = renderPane(p, () => readFrom(["ACI", "EI"]));
    await screen.findByRole("button", { name: "Re-vérifier" }, { timeout: 8000 });
    // Nothing is missing: the panel opens by hand.
    expect(screen.queryByRole("region", { name: "Correspondance des colonnes" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Corriger la correspondance des colonnes" }));
    const region = await panel();
    const group = within(region).getByRole("group", { name: "Feuilles lues" });
    expect(group.getAttribute("aria-describedby")).toBe("mapping-sheets-hint");
    const boxes = within(group).getAllByRole("checkbox") as HTMLInputElement[];
    expect(boxes.map((b) => [b.labels?.[0]?.textContent, b.checked])).toEqual([
      ["Structure", false],
      ["ACI", true],
      ["EI", true],
      ["Salariés 2024", false],
    ]);
    await user.click(within(group).getByRole("checkbox", { name: "Salariés 2024" }));
    await user.click(within(region).getByRole("button", { name: "Enregistrer la correspondance" }));
    await waitFor(() => expect(p.count("saveMapping")).toBe(1));
    expect(p.last("saveMapping")).toEqual([{ columns: {}, sheets: ["ACI", "EI", "Salariés 2024"] }]);
    await waitFor(() => expect(analyze).toHaveBeenCalledTimes(2));
    expect(analyze.mock.calls[1]).toEqual([p.data, { columns: {}, sheets: ["ACI", "EI", "Salariés 2024"] }]);
  });

  it("refuses to save with no sheet ticked, and says so", async () => {
    const user = userEvent.setup();
    renderPane(port(), () => readFrom(["ACI"]));
    await user.click(
      await screen.findByRole(
        "button",
        { name: "Corriger la correspondance des colonnes" },
        { timeout: 8000 },
      ),
    );
    const region = await panel();
    await user.click(within(region).getByRole("checkbox", { name: "ACI" }));
    expect(within(region).getByText("Cochez au moins une feuille.")).toBeTruthy();
    expect(
      (within(region).getByRole("button", { name: "Enregistrer la correspondance" }) as HTMLButtonElement)
        .disabled,
    ).toBe(true);
  });

  it("a column can be mapped to « Convention (ACI, EI…) »; saved as the engine's `convention` field", async () => {
    const user = userEvent.setup();
    const p = port();
    renderPane(p, () => readFrom(["ACI"], ["Dispositif"]));
    const region = await panel();
    await user.click(
      within(region).getByRole("combobox", { name: typo("Champ pour la colonne « Dispositif »") }),
    );
    await user.click(screen.getByRole("option", { name: "Convention (ACI, EI…)" }));
    await user.click(within(region).getByRole("button", { name: "Enregistrer la correspondance" }));
    await waitFor(() => expect(p.count("saveMapping")).toBe(1));
    // One sheet read: the header row is kept, as before.
    expect(p.last("saveMapping")).toEqual([
      { sheet: "ACI", headerRow: 1, columns: { Dispositif: "convention" } },
    ]);
  });

  it("the mapping sheet keeps `sheets` and the convention field, and drops what is not a sheet name", () => {
    const mapping = { sheets: ["ACI", "EI"], columns: { Dispositif: "convention" as const } };
    expect(mappingFromCells(mappingSheetCells(mapping))).toEqual(mapping);
    expect(
      parseMappingOverride(JSON.stringify({ sheets: ["ACI", 3, "", null], columns: { X: "pasUnChamp" } })),
    ).toEqual({ sheets: ["ACI"], columns: {} });
    expect(parseMappingOverride(JSON.stringify({ sheets: "ACI" }))).toEqual({});
  });
});
