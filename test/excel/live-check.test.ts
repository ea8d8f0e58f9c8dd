import {
  analyzeWorkbook,
  findingsToHighlight,
  type Analysis,
  type MappingOverride,
  type SheetChange,
  type WorkbookData,
} from "../../src/core";
import { ERROR_FILL } from "../../src/excel";
import { UserError } from "../../src/core/errors/user-error";
import { EditBatcher, LIVE_CHECK_DELAY_MS } from "../../src/taskpane/live-check/edit-batcher";
import {
  recheckEdits,
  type CheckedWorkbook,
  type RecheckOutcome,
} from "../../src/taskpane/live-check/recheck";
import { dracWorkbook } from "../support/drac-workbook";
import { FakeExcel, type FillModel } from "./fake-excel";
import { workbookOn } from "./helpers";

/**
 * « Revérifier pendant la saisie » on the fake Excel: real engine, real adapter, Excel's onChanged events
 * fired by the fake, the debounce on jest's fake timers.
 */
const analyze = (data: WorkbookData, mapping: MappingOverride | null) =>
  analyzeWorkbook(data, { mapping: mapping ?? undefined });

const CUSTOM: FillModel = { color: "#00B0F0", pattern: "Solid", patternColor: "#000000" };

/** Rows 2–5 of Salariés; errors: an invalid sex (D3) and birth date (E4); row 5 has a fill of its own on B5. */
function people(): unknown[][] {
  return [
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
    ["999992544444", "Girard", "Nina", "F", "05/05/1995", "38000", "Non", "Non", "01/03/2025", 700, "", ""],
  ];
}

async function setup() {
  const fake = new FakeExcel();
  for (const sheet of dracWorkbook(people()).sheets)
    fake.model.addSheet(sheet.name).put(0, 0, sheet.rows as unknown[][]);
  fake.model.sheet("Salariés").setFill("B5", CUSTOM);
  const port = workbookOn(fake);
  const mapping = await port.loadMapping();
  const data = await port.read();
  const checked: CheckedWorkbook = { data, mapping, reports: analyze(data, mapping).reports };
  return { fake, port, checked };
}

function errorsAt(reports: readonly Analysis[]): string[] {
  return reports.flatMap((r) =>
    r.report.issues.filter((f) => f.severity === "error").map((f) => `${f.sheet}!${f.cell}`),
  );
}

/** Fills of every cell outside the given rows of a sheet. */
function fillsOutside(fake: FakeExcel, sheet: string, rows: number[]): Map<string, FillModel> {
  const out = new Map<string, FillModel>();
  for (const [k, v] of fake.model.sheet(sheet).fills)
    if (!rows.includes(Number(k.split(",")[0]) + 1)) out.set(k, v);
  return out;
}

/** Watches the fake's edits like the pane does: one batcher, re-checks kept in order. */
async function watching(setupResult: Awaited<ReturnType<typeof setup>>) {
  const { port } = setupResult;
  let checked = setupResult.checked;
  const outcomes: RecheckOutcome[] = [];
  const errors: unknown[] = [];
  const runs: SheetChange[][] = [];
  const batcher = new EditBatcher(
    async (changes) => {
      runs.push(changes);
      const outcome = await recheckEdits(port, checked, changes, analyze);
      if (!outcome) return;
      checked = outcome;
      outcomes.push(outcome);
    },
    (error) => errors.push(error),
  );
  const watch = await port.watchChanges((c) => batcher.add(c));
  return { batcher, watch, outcomes, errors, runs };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test("a burst of edits makes one re-check after the pause, in at most 3 requests", async () => {
  const s = await setup();
  const w = await watching(s);
  s.fake.resetCounters();
  await s.fake.edit("Salariés", 2, 3, [["H"]]);
  await jest.advanceTimersByTimeAsync(300);
  await s.fake.edit("Salariés", 3, 5, [["38400"]]);
  await jest.advanceTimersByTimeAsync(300);
  await s.fake.edit("Salariés", 4, 1, [["Girard-Roux"]]);
  await jest.advanceTimersByTimeAsync(LIVE_CHECK_DELAY_MS - 1);
  expect(w.runs).toHaveLength(0);
  await jest.advanceTimersByTimeAsync(1);
  expect(w.runs).toHaveLength(1);
  expect(w.runs[0].map((c) => c.areas)).toEqual([
    [{ row: 2, column: 3, rowCount: 1, columnCount: 1 }],
    [{ row: 3, column: 5, rowCount: 1, columnCount: 1 }],
    [{ row: 4, column: 1, rowCount: 1, columnCount: 1 }],
  ]);
  expect(w.outcomes[0].full).toBeNull();
  // Nothing highlighted: one request, the edited rows read again (three rows of the table's width).
  expect(s.fake.syncCount).toBe(1);
  expect(s.fake.valueReads).toEqual([{ rows: 3, cols: 12 }]);
  expect(w.outcomes[0].diff).toMatchObject({
    fixed: { error: 1, warning: 0 },
    added: { error: 0, warning: 0 },
  });
  await w.watch.stop();
});

test("a fixed error disappears and its highlight is cleared; a new one is highlighted; other rows untouched", async () => {
  const s = await setup();
  await s.port.highlight(findingsToHighlight(s.checked.reports).findings);
  const sheet = s.fake.model.sheet("Salariés");
  expect(sheet.fill("D3").color).toBe(ERROR_FILL);
  expect(sheet.fill("E4").color).toBe(ERROR_FILL);
  const w = await watching(s);

  // Row 3 fixed.
  let untouched = fillsOutside(s.fake, "Salariés", [3]);
  const structure = new Map(s.fake.model.sheet("Structure").fills);
  s.fake.resetCounters();
  await s.fake.edit("Salariés", 2, 3, [["H"]]);
  await jest.advanceTimersByTimeAsync(LIVE_CHECK_DELAY_MS);
  expect(w.errors).toEqual([]);
  expect(s.fake.syncCount).toBeLessThanOrEqual(3);
  expect(errorsAt(w.outcomes[0].reports)).not.toContain("Salariés!D3");
  expect(sheet.fill("D3").pattern).toBe("None");
  expect(sheet.fill("E4").color).toBe(ERROR_FILL);
  expect(fillsOutside(s.fake, "Salariés", [3])).toEqual(untouched);
  expect(new Map(s.fake.model.sheet("Structure").fills)).toEqual(structure);

  // A new error on row 5, over the user's own fill; the fill comes back once fixed.
  untouched = fillsOutside(s.fake, "Salariés", [5]);
  s.fake.resetCounters();
  await s.fake.edit("Salariés", 4, 4, [["31/02/1990"]]);
  await jest.advanceTimersByTimeAsync(LIVE_CHECK_DELAY_MS);
  expect(s.fake.syncCount).toBeLessThanOrEqual(3);
  expect(w.outcomes[1].diff.added.error).toBe(1);
  expect(errorsAt(w.outcomes[1].reports)).toContain("Salariés!E5");
  expect(sheet.fill("E5").color).toBe(ERROR_FILL);
  expect(sheet.fill("B5")).toEqual(CUSTOM);
  expect(fillsOutside(s.fake, "Salariés", [5])).toEqual(untouched);
  // Highlight writes run with events off: the pane never re-checks its own writes.
  expect(s.fake.executed.filter((e) => e.label === "fill.color=").every((e) => !e.eventsEnabled)).toBe(true);
  expect(s.fake.model.enableEvents).toBe(true);

  await s.fake.edit("Salariés", 4, 4, [["05/05/1995"]]);
  await jest.advanceTimersByTimeAsync(LIVE_CHECK_DELAY_MS);
  expect(sheet.fill("E5").pattern).toBe("None");
  // « Effacer le surlignage » still restores every cell exactly.
  await s.port.clearHighlights();
  expect(new Map(sheet.fills)).toEqual(new Map([["4,1", CUSTOM]]));
  await w.watch.stop();
});

test("a highlighted cell the user re-coloured keeps the user's colour when its error is fixed", async () => {
  const s = await setup();
  await s.port.highlight(findingsToHighlight(s.checked.reports).findings);
  const sheet = s.fake.model.sheet("Salariés");
  const w = await watching(s);
  sheet.setFill("D3", CUSTOM); // painted by the user over our red
  s.fake.resetCounters();
  await s.fake.edit("Salariés", 2, 3, [["H"]]);
  await jest.advanceTimersByTimeAsync(LIVE_CHECK_DELAY_MS);
  expect(w.errors).toEqual([]);
  expect(s.fake.syncCount).toBeLessThanOrEqual(3);
  expect(errorsAt(w.outcomes[0].reports)).not.toContain("Salariés!D3");
  expect(sheet.fill("D3")).toEqual(CUSTOM);
  expect(sheet.fill("E4").color).toBe(ERROR_FILL);
  await w.watch.stop();
});

test("highlights an earlier pane left in the workbook are updated live too; Effacer still restores exactly", async () => {
  const s = await setup();
  await s.port.highlight(findingsToHighlight(s.checked.reports).findings);
  const sheet = s.fake.model.sheet("Salariés");
  // The pane was closed and opened again: a new adapter, the highlights' state only in the workbook.
  const reopened = { ...s, port: workbookOn(s.fake) };
  const w = await watching(reopened);
  s.fake.resetCounters();
  await s.fake.edit("Salariés", 2, 3, [["H"]]);
  await jest.advanceTimersByTimeAsync(LIVE_CHECK_DELAY_MS);
  expect(w.errors).toEqual([]);
  expect(s.fake.syncCount).toBeLessThanOrEqual(3);
  expect(sheet.fill("D3").pattern).toBe("None");
  expect(sheet.fill("E4").color).toBe(ERROR_FILL);
  expect(await reopened.port.clearHighlights()).toBe(0);
  expect(new Map(sheet.fills)).toEqual(new Map([["4,1", CUSTOM]]));
  await w.watch.stop();
});

test("the re-check on the cached cells finds what a full read finds, duplicates across rows included", async () => {
  const s = await setup();
  const w = await watching(s);
  // Row 4 takes row 2's PASS number: a duplicate between an edited row and an untouched one.
  await s.fake.edit("Salariés", 3, 0, [["999992511111"]]);
  // A person typed under the table.
  await s.fake.edit("Salariés", 5, 0, [
    ["999992555555", "Petit", "Hugo", "H", "01/01/1990", "38000", "Non", "Non", "01/02/2025", 400, "", ""],
  ]);
  await jest.advanceTimersByTimeAsync(LIVE_CHECK_DELAY_MS);
  const outcome = w.outcomes[0];
  expect(outcome.full).toBeNull();
  const fresh = analyze(await s.port.read(), await s.port.loadMapping());
  expect(outcome.reports.map((r) => r.report)).toEqual(fresh.reports.map((r) => r.report));
  expect(outcome.reports[0].rowCount).toBe(5);
  const duplicates = outcome.reports[0].report.issues.filter((f) => f.code === "duplicate-person");
  expect(duplicates.length).toBeGreaterThan(0);
  expect(outcome.diff.rows.get("Salariés")).toEqual(expect.any(Set));
  await w.watch.stop();
});

test("formula cells of other rows take the value Excel recalculated (Excel reports no edit for them)", async () => {
  const s = await setup();
  // D5 copies D4's sex: editing D4 changes D5 without any event for row 5.
  s.fake.model.sheet("Salariés").setFormula("D5", "=D4", "F");
  const mapping = await s.port.loadMapping();
  const data = await s.port.read();
  const w = await watching({ ...s, checked: { data, mapping, reports: analyze(data, mapping).reports } });
  s.fake.resetCounters();
  s.fake.model.sheet("Salariés").setValue(4, 3, "Z"); // Excel's recalculation
  await s.fake.edit("Salariés", 3, 3, [["Z"]]);
  await jest.advanceTimersByTimeAsync(LIVE_CHECK_DELAY_MS);
  const outcome = w.outcomes[0];
  expect(outcome.full).toBeNull();
  expect(s.fake.syncCount).toBe(1);
  expect(errorsAt(outcome.reports)).toEqual(expect.arrayContaining(["Salariés!D4", "Salariés!D5"]));
  const fresh = analyze(await s.port.read(), await s.port.loadMapping());
  expect(outcome.reports.map((r) => r.report)).toEqual(fresh.reports.map((r) => r.report));
  await w.watch.stop();
});

test.each([
  ["rows inserted", "Salariés", "A3:L3", "RowInserted", "shape"],
  ["the header row", "Salariés", "D1", "RangeEdited", "header"],
  ["the structure sheet", "Structure", "B2", "RangeEdited", "sheet"],
  ["a column right of the table", "Salariés", "N3", "RangeEdited", "outside"],
  ["whole columns", "Salariés", "D:D", "RangeEdited", "shape"],
])("an edit of %s re-reads the whole workbook", async (_what, sheetName, address, changeType, reason) => {
  const s = await setup();
  const w = await watching(s);
  await s.fake.fireChanged(sheetName, address, changeType);
  await jest.advanceTimersByTimeAsync(LIVE_CHECK_DELAY_MS);
  expect(w.errors).toEqual([]);
  expect(w.outcomes[0].full).toBe(reason);
  await w.watch.stop();
});

test("edits of the add-in's own Indicateurs sheet are not re-checked", async () => {
  const s = await setup();
  s.fake.model.addSheet("Indicateurs").put(0, 0, [["x"]]);
  const w = await watching(s);
  s.fake.resetCounters();
  await s.fake.edit("Indicateurs", 0, 0, [["note"]]);
  await jest.advanceTimersByTimeAsync(LIVE_CHECK_DELAY_MS);
  expect(w.runs).toHaveLength(1);
  expect(w.outcomes).toHaveLength(0);
  expect(s.fake.syncCount).toBe(0);
  await w.watch.stop();
});

test("an edit during a re-check queues one more, never two at once", async () => {
  const running: string[] = [];
  let overlap = false;
  let release: () => void = () => undefined;
  const runs: number[] = [];
  const batcher = new EditBatcher(
    async (changes) => {
      if (running.length > 0) overlap = true;
      running.push("x");
      runs.push(changes.length);
      await new Promise<void>((r) => (release = r));
      running.pop();
    },
    () => undefined,
  );
  const edit: SheetChange = { sheet: "Salariés", changeType: "RangeEdited", areas: [] };
  batcher.add(edit);
  await jest.advanceTimersByTimeAsync(LIVE_CHECK_DELAY_MS);
  expect(batcher.busy).toBe(true);
  batcher.add(edit);
  batcher.add(edit);
  await jest.advanceTimersByTimeAsync(LIVE_CHECK_DELAY_MS * 3);
  expect(runs).toEqual([1]);
  release();
  await jest.advanceTimersByTimeAsync(0);
  expect(runs).toEqual([1, 2]);
  release();
  await jest.advanceTimersByTimeAsync(LIVE_CHECK_DELAY_MS);
  expect(runs).toEqual([1, 2]);
  expect(overlap).toBe(false);
  batcher.stop();
});

test("an Office error during a re-check is reported, and the next edits are re-checked", async () => {
  const s = await setup();
  const w = await watching(s);
  s.fake.failOn = (label) => (label === "range.load" ? "InvalidOperationInCellEditMode" : null);
  await s.fake.edit("Salariés", 2, 3, [["H"]]);
  await jest.advanceTimersByTimeAsync(LIVE_CHECK_DELAY_MS);
  expect(w.errors).toHaveLength(1);
  expect(w.errors[0]).toBeInstanceOf(UserError);
  expect((w.errors[0] as UserError).code).toBe("office.InvalidOperationInCellEditMode");
  expect((w.errors[0] as Error).message).toMatch(
    /^Relecture des lignes modifiées : Une cellule est en cours/,
  );
  s.fake.failOn = null;
  await s.fake.edit("Salariés", 4, 3, [["H"]]);
  await jest.advanceTimersByTimeAsync(LIVE_CHECK_DELAY_MS);
  expect(w.outcomes).toHaveLength(1);
  await w.watch.stop();
});

test("stopping removes every handler (in the context they were added in); no ExcelApi 1.7, nothing offered", async () => {
  const s = await setup();
  const w = await watching(s);
  expect(s.fake.changeHandlers).toHaveLength(2);
  await w.watch.stop();
  expect(s.fake.changeHandlers).toHaveLength(0);
  await s.fake.edit("Salariés", 2, 3, [["H"]]);
  await jest.advanceTimersByTimeAsync(LIVE_CHECK_DELAY_MS);
  expect(w.runs).toHaveLength(0);

  const old = new FakeExcel();
  old.apiVersion = "1.6";
  expect(workbookOn(old).canWatchChanges).toBe(false);
});
