import { a1, parseA1, type Finding } from "../core";
import { chunkAddresses, parseRangeAddress } from "./address";
import {
  cellsToHighlight,
  currentFills,
  ERROR_FILL,
  fillKey,
  HIGHLIGHT_SETTING,
  loadCurrentFills,
  readHighlights,
  queueRestore,
  restorable,
  savedFill,
  WARNING_FILL,
  type HighlightState,
  type Level,
  type SavedFill,
} from "./highlight";
import { withQuietWrites, type OfficeFeatures } from "./quiet";

/** What is highlighted now: the state to restore and each cell's level (sheet → cell → level). */
export interface LiveHighlights {
  state: HighlightState;
  levels: Map<string, Map<string, Level>>;
}

interface Cell {
  sheet: string;
  cell: string;
}

/** Which cells of the rows change: fills to restore, fills to write, and among those the cells not yet filled. */
export function highlightChanges(
  levels: ReadonlyMap<string, ReadonlyMap<string, Level>>,
  rows: ReadonlyMap<string, ReadonlySet<number>>,
  findings: readonly Finding[],
): { clear: Cell[]; fill: (Cell & { level: Level })[]; fresh: Map<string, string[]> } {
  const rowOf = (cell: string) => parseA1(cell)?.row ?? null;
  const wanted = cellsToHighlight(
    findings.filter((f) => {
      const set = f.sheet !== null ? rows.get(f.sheet) : undefined;
      const row = f.row ?? (f.cell !== null ? rowOf(f.cell) : null);
      return set !== undefined && row !== null && set.has(row);
    }),
  );
  const clear: Cell[] = [];
  const fill: (Cell & { level: Level })[] = [];
  const fresh = new Map<string, string[]>();
  for (const [sheet, set] of rows) {
    const now = levels.get(sheet) ?? new Map<string, Level>();
    const want = wanted.get(sheet) ?? new Map<string, Level>();
    for (const cell of now.keys())
      if (set.has(rowOf(cell) ?? 0) && !want.has(cell)) clear.push({ sheet, cell });
    for (const [cell, level] of want) {
      const was = now.get(cell);
      if (was === level) continue;
      fill.push({ sheet, cell, level });
      if (was !== undefined) continue;
      const list = fresh.get(sheet);
      if (list) list.push(cell);
      else fresh.set(sheet, [cell]);
    }
  }
  return { clear, fill, fresh };
}

/**
 * Rewrites the highlights of the given rows only (1-based, by sheet) from the findings: a cell that no
 * longer has a finding gets its own fill back, a new one is filled after its fill is remembered, a cell
 * whose level changed is refilled; every other cell is left untouched. At most 2 requests: the fills of
 * the new cells, then the writes (with events off, so the pane does not see its own writes as edits).
 */
export async function updateHighlights(
  context: Excel.RequestContext,
  current: LiveHighlights,
  rows: ReadonlyMap<string, ReadonlySet<number>>,
  findings: readonly Finding[],
  features: OfficeFeatures,
): Promise<LiveHighlights> {
  const { clear, fill, fresh } = highlightChanges(current.levels, rows, findings);
  if (clear.length === 0 && fill.length === 0) return current;

  const worksheets = context.workbook.worksheets;
  if (features.events) context.runtime.load("enableEvents");
  const captures: { sheet: string; areas: Excel.RangeAreas }[] = [];
  for (const [sheet, cells] of fresh)
    for (const chunk of chunkAddresses(cells)) {
      const areas = worksheets.getItem(sheet).getRanges(chunk);
      areas.areas.load(
        "items/address,items/format/fill/color,items/format/fill/pattern,items/format/fill/patternColor",
      );
      captures.push({ sheet, areas });
    }
  // The cells to clear: restored only if they still show our fill (a row inserted above moves cells).
  const clearing = new Map<string, string[]>();
  for (const { sheet, cell } of clear) {
    const list = clearing.get(sheet);
    if (list) list.push(cell);
    else clearing.set(sheet, [cell]);
  }
  const clearLoads = new Map(
    [...clearing].map(
      ([sheet, cells]) => [sheet, loadCurrentFills(worksheets.getItem(sheet), cells)] as const,
    ),
  );
  if (features.events || captures.length > 0 || clearLoads.size > 0) await context.sync();
  const previousEvents = features.events ? context.runtime.enableEvents : null;
  const shownNow = new Map([...clearLoads].map(([sheet, loaded]) => [sheet, currentFills(loaded)]));

  // The remembered fills: cleared cells leave their group, new cells join the group of their own fill.
  const cleared = new Set(clear.map(({ sheet, cell }) => `${sheet}\u0000${cell}`));
  const restores: { sheet: string; cells: string[]; fill: SavedFill | null }[] = [];
  const groups = new Map<string, HighlightState["groups"][number]>();
  const groupOf = (sheet: string, saved: SavedFill | null) => {
    const key = `${sheet}\u0000${fillKey(saved)}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { sheet, fill: saved, cells: [] }));
    return group;
  };
  for (const g of current.state.groups) {
    const gone = g.cells.filter((c) => cleared.has(`${g.sheet}\u0000${c}`));
    const { cells } = restorable(gone, g.fill, shownNow.get(g.sheet) ?? new Map());
    if (cells.length > 0) restores.push({ sheet: g.sheet, cells, fill: g.fill });
    groupOf(g.sheet, g.fill).cells.push(...g.cells.filter((c) => !cleared.has(`${g.sheet}\u0000${c}`)));
  }
  for (const { sheet, areas } of captures)
    for (const area of areas.areas.items) {
      const group = groupOf(sheet, savedFill(area.format.fill));
      // A merged area answers for all its cells, as in applyHighlights.
      const box = parseRangeAddress(area.address);
      for (let r = 0; r < box.rowCount; r++)
        for (let c = 0; c < box.columnCount; c++) group.cells.push(a1(box.row + r + 1, box.column + c + 1));
    }
  const state: HighlightState = {
    version: 1,
    groups: [...groups.values()].filter((g) => g.cells.length > 0),
  };
  const levels = new Map([...current.levels].map(([sheet, cells]) => [sheet, new Map(cells)]));
  for (const { sheet, cell } of clear) levels.get(sheet)?.delete(cell);
  for (const { sheet, cell, level } of fill) {
    if (!levels.has(sheet)) levels.set(sheet, new Map());
    levels.get(sheet)!.set(cell, level);
  }

  await withQuietWrites(context, features, previousEvents, () => {
    // Restore data first: if a fill fails mid-batch, what was already filled can still be cleared.
    context.workbook.settings.add(HIGHLIGHT_SETTING, JSON.stringify(state));
    for (const r of restores) queueRestore(worksheets.getItem(r.sheet), r.cells, r.fill);
    for (const level of ["warning", "error"] as const) {
      const bySheet = new Map<string, string[]>();
      for (const f of fill) {
        if (f.level !== level) continue;
        const list = bySheet.get(f.sheet);
        if (list) list.push(f.cell);
        else bySheet.set(f.sheet, [f.cell]);
      }
      for (const [sheet, cells] of bySheet)
        for (const chunk of chunkAddresses(cells))
          worksheets.getItem(sheet).getRanges(chunk).format.fill.color =
            level === "error" ? ERROR_FILL : WARNING_FILL;
    }
  });
  return { state, levels };
}

/**
 * The highlights an earlier pane left in this workbook (the state it saved), each cell's level read from the
 * fill it shows now, so the live re-check updates them too; null when there are none. 2 requests.
 */
export async function adoptSavedHighlights(context: Excel.RequestContext): Promise<LiveHighlights | null> {
  const { saved, shown } = await readHighlights(context, null);
  if (!saved || saved.groups.length === 0) return null;
  const levels = new Map<string, Map<string, Level>>();
  for (const [group, now] of shown)
    for (const [cell, fill] of now) {
      if (fill !== "error" && fill !== "warning") continue;
      if (!levels.has(group.sheet)) levels.set(group.sheet, new Map());
      levels.get(group.sheet)!.set(cell, fill);
    }
  return { state: saved, levels };
}
