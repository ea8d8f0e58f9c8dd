import { a1, type Finding } from "../../src/core";
import { ERROR_FILL, WARNING_FILL } from "../../src/excel";
import { UserError } from "../../src/core/errors/user-error";
import { FakeExcel, NO_FILL, type FillModel } from "./fake-excel";
import { rng, workbookOn } from "./helpers";

function finding(sheet: string, cell: string, severity: Finding["severity"]): Finding {
  return {
    code: "value-invalid",
    severity,
    sheet,
    cell,
    row: null,
    column: null,
    field: null,
    value: null,
    message: "x",
  };
}

const CUSTOM: FillModel = { color: "#00B0F0", pattern: "Solid", patternColor: "#000000" };
const PATTERNED: FillModel = { color: "#92D050", pattern: "Gray25", patternColor: "#FF0000" };

/** 10 000 distinct scattered cells over A1:Z5000, some with fills of their own. */
function scatteredSetup(): { fake: FakeExcel; findings: Finding[]; before: Map<string, FillModel> } {
  const fake = new FakeExcel();
  const sheet = fake.model.addSheet("Salariés");
  const rand = rng(7);
  const cells = new Set<string>();
  while (cells.size < 10_000) cells.add(a1(1 + Math.floor(rand() * 5000), 1 + Math.floor(rand() * 26)));
  const list = [...cells];
  list.slice(0, 150).forEach((c) => sheet.setFill(c, CUSTOM));
  list.slice(150, 200).forEach((c) => sheet.setFill(c, PATTERNED));
  sheet.setFill("AB1", CUSTOM); // a user fill outside the findings must never change
  const findings = list.map((c, i) => finding("Salariés", c, i % 3 === 0 ? "warning" : "error"));
  return { fake, findings, before: new Map(sheet.fills) };
}

test("highlights 10 000 scattered cells in at most 3 syncs, then Effacer restores every previous fill", async () => {
  const { fake, findings, before } = scatteredSetup();
  const wb = workbookOn(fake);
  await wb.highlight(findings);
  expect(fake.syncCount).toBeLessThanOrEqual(3);
  expect(fake.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);

  const sheet = fake.model.sheet("Salariés");
  findings.forEach((f, i) => expect(sheet.fill(f.cell!).color).toBe(i % 3 === 0 ? WARNING_FILL : ERROR_FILL));
  expect(sheet.fill("AB1")).toEqual(CUSTOM);

  fake.resetCounters();
  expect(await wb.clearHighlights()).toBe(0);
  // Their current fills are read before restoring: still under Excel on the web's 5 MB per request.
  expect(fake.syncCount).toBeLessThanOrEqual(3);
  expect(fake.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
  expect(new Map(sheet.fills)).toEqual(before); // custom fills kept, "no fill" cells have no fill again
  expect(sheet.fill(findings[0].cell!)).toEqual(CUSTOM);
  expect(sheet.fill(findings[160].cell!)).toEqual(PATTERNED);
  expect(sheet.fill(findings[9999].cell!)).toEqual(NO_FILL);
  expect(fake.model.settings.size).toBe(0);
});

test("writes run with events off and screen updating suspended; events are back on after", async () => {
  const { fake, findings } = scatteredSetup();
  await workbookOn(fake).highlight(findings.slice(0, 500));
  const writes = fake.executed.filter((e) => e.label === "fill.color=");
  expect(writes.length).toBeGreaterThan(0);
  expect(writes.every((w) => !w.eventsEnabled)).toBe(true);
  expect(fake.model.screenSuspensions).toBeGreaterThanOrEqual(1);
  expect(fake.model.enableEvents).toBe(true);
});

test("an error mid-way (cell in edit mode) is translated, events are re-enabled, and Effacer still restores", async () => {
  const { fake, findings, before } = scatteredSetup();
  let fills = 0;
  fake.failOn = (label) =>
    label === "fill.color=" && ++fills > 40 ? "InvalidOperationInCellEditMode" : null;
  const wb = workbookOn(fake);
  const error = await wb.highlight(findings).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).code).toBe("office.InvalidOperationInCellEditMode");
  expect((error as Error).message).toBe(
    "Surlignage des cellules : Une cellule est en cours de modification dans Excel. Appuyez sur Entrée ou Échap pour terminer la saisie, puis recommencez.",
  );
  expect(fake.model.enableEvents).toBe(true);
  const sheet = fake.model.sheet("Salariés");
  expect(new Map(sheet.fills)).not.toEqual(before); // some cells were filled before the failure

  fake.failOn = null;
  await workbookOn(fake).clearHighlights(); // a fresh pane: the state comes from the workbook settings
  expect(new Map(sheet.fills)).toEqual(before);
});

test("Effacer works after the pane is reopened (state saved in workbook.settings)", async () => {
  const fake = new FakeExcel();
  const sheet = fake.model.addSheet("Feuil 1");
  sheet.setFill("B2", CUSTOM);
  await workbookOn(fake).highlight([
    finding("Feuil 1", "B2", "error"),
    finding("Feuil 1", "$c$3", "warning"),
    finding("Feuil 1", "C3", "error"),
  ]);
  expect(sheet.fill("B2").color).toBe(ERROR_FILL);
  expect(sheet.fill("C3").color).toBe(ERROR_FILL); // an error wins over a warning on the same cell
  await workbookOn(fake).clearHighlights();
  expect(sheet.fill("B2")).toEqual(CUSTOM);
  expect(sheet.fill("C3")).toEqual(NO_FILL);
  expect(sheet.fills.size).toBe(1);
});

test("highlighting twice never saves our own red as the user's fill", async () => {
  const fake = new FakeExcel();
  const sheet = fake.model.addSheet("S");
  sheet.setFill("A1", PATTERNED);
  const wb = workbookOn(fake);
  await wb.highlight([finding("S", "A1", "error"), finding("S", "A2", "warning")]);
  await wb.highlight([finding("S", "A1", "warning")]);
  expect(sheet.fill("A1").color).toBe(WARNING_FILL);
  expect(sheet.fill("A2")).toEqual(NO_FILL);
  await wb.clearHighlights();
  expect(sheet.fill("A1")).toEqual(PATTERNED);
  expect(sheet.fills.size).toBe(1);
});

test("findings without a cell, info findings and deleted sheets are skipped", async () => {
  const fake = new FakeExcel();
  const sheet = fake.model.addSheet("S");
  fake.model.addSheet("Temp");
  const wb = workbookOn(fake);
  await wb.highlight([
    finding("S", "A1", "info"),
    { ...finding("S", "A1", "error"), cell: null, row: 4, column: 2 },
    { ...finding("S", "A1", "error"), sheet: null },
    finding("Temp", "A1", "error"),
  ]);
  expect(sheet.fill("B4").color).toBe(ERROR_FILL);
  expect(sheet.fill("A1")).toEqual(NO_FILL);
  fake.model.sheets = fake.model.sheets.filter((s) => s.name !== "Temp");
  await wb.clearHighlights();
  expect(sheet.fills.size).toBe(0);
});

test("without ExcelApi 1.8/1.9 (events, screen updating) highlighting still works and touches neither", async () => {
  const { fake, findings } = scatteredSetup();
  fake.apiVersion = "1.7";
  await workbookOn(fake).highlight(findings.slice(0, 100));
  expect(fake.executed.some((e) => e.label.startsWith("runtime"))).toBe(false);
  expect(fake.model.screenSuspensions).toBe(0);
  expect(fake.model.sheet("Salariés").fill(findings[1].cell!).color).toBe(ERROR_FILL);
});

test("no cell to highlight: nothing is written", async () => {
  const fake = new FakeExcel();
  fake.model.addSheet("S");
  await workbookOn(fake).highlight([finding("S", "A1", "info")]);
  expect(fake.model.settings.size).toBe(0);
  expect(fake.executed.filter((e) => e.label.includes("=") || e.label === "settings.add")).toEqual([]);
});

test("a row deleted after highlighting: Effacer leaves the cells that no longer show our fill, and says how many", async () => {
  const fake = new FakeExcel();
  const sheet = fake.model.addSheet("S");
  sheet.setFill("B4", CUSTOM); // the user's own fill, below the highlighted cells
  const wb = workbookOn(fake);
  await wb.highlight([finding("S", "B2", "error"), finding("S", "B3", "warning")]);
  sheet.deleteRow(1); // the red B2 moves to B1, the amber B3 to B2, the user's B4 to B3
  fake.resetCounters();
  const leftAsIs = await wb.clearHighlights();
  expect(fake.syncCount).toBeLessThanOrEqual(3);
  // B3 now holds the user's own fill: the "no fill" saved for the old B3 must not overwrite it.
  expect(sheet.fill("B3")).toEqual(CUSTOM);
  expect(leftAsIs).toBe(1);
  // B2 shows our amber: restored. B1's red moved out of what was highlighted: left for the user to clear.
  expect(sheet.fill("B2")).toEqual(NO_FILL);
  expect(sheet.fill("B1").color).toBe(ERROR_FILL);
  expect(fake.model.settings.size).toBe(0);
});

test("a highlighted cell the user re-coloured keeps the user's colour; one still as before is not counted", async () => {
  const fake = new FakeExcel();
  const sheet = fake.model.addSheet("S");
  const wb = workbookOn(fake);
  await wb.highlight([
    finding("S", "A1", "error"),
    finding("S", "A2", "error"),
    finding("S", "A3", "warning"),
  ]);
  sheet.setFill("A1", PATTERNED); // re-coloured by the user after highlighting
  sheet.setFill("A3", NO_FILL); // cleared by hand: as it was before, nothing to say
  expect(await workbookOn(fake).clearHighlights()).toBe(1); // a reopened pane: the state from the settings
  expect(sheet.fill("A1")).toEqual(PATTERNED);
  expect(sheet.fill("A2")).toEqual(NO_FILL);
  expect(sheet.fill("A3")).toEqual(NO_FILL);
});
