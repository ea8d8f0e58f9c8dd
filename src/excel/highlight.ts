import type { Finding } from "../core";
import { chunkAddresses, normalizeCell, parseRangeAddress } from "./address";
import { a1 } from "../core";
import { withQuietWrites, type OfficeFeatures } from "./quiet";

/** Light fills so the text stays readable (Excel's own "Bad" and "Neutral" cell-style fills). */
export const ERROR_FILL = "#FFC7CE";
export const WARNING_FILL = "#FFEB9C";

/** Workbook setting holding what to restore, so "Effacer le surlignage" works after the pane reopens. */
export const HIGHLIGHT_SETTING = "BilanIAE.surlignage";

/** A cell's fill before highlighting; null = no fill. */
export interface SavedFill {
  color: string;
  pattern: string;
  patternColor: string | null;
}

export interface HighlightState {
  version: 1;
  /** Cells grouped by sheet and previous fill, so restoring is one RangeAreas write per group chunk. */
  groups: { sheet: string; fill: SavedFill | null; cells: string[] }[];
}

export type Level = "error" | "warning";

/** Sheet → cell → level (an error wins over a warning on the same cell). */
export function cellsToHighlight(findings: readonly Finding[]): Map<string, Map<string, Level>> {
  const bySheet = new Map<string, Map<string, Level>>();
  for (const f of findings) {
    if (f.sheet === null || (f.severity !== "error" && f.severity !== "warning")) continue;
    const cell =
      f.cell !== null
        ? normalizeCell(f.cell)
        : f.row !== null && f.column !== null
          ? a1(f.row, f.column)
          : null;
    if (cell === null) continue;
    let cells = bySheet.get(f.sheet);
    if (!cells) bySheet.set(f.sheet, (cells = new Map()));
    if (cells.get(cell) !== "error") cells.set(cell, f.severity);
  }
  return bySheet;
}

export function parseHighlightState(raw: unknown): HighlightState | null {
  if (typeof raw !== "string" || raw === "") return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null; // an unreadable setting cannot be restored; treated as "nothing highlighted"
  }
  const s = parsed as Partial<HighlightState>;
  if (s === null || typeof s !== "object" || s.version !== 1 || !Array.isArray(s.groups)) return null;
  const groups = s.groups.filter(
    (g) =>
      g &&
      typeof g.sheet === "string" &&
      Array.isArray(g.cells) &&
      g.cells.every((c) => typeof c === "string"),
  );
  return { version: 1, groups };
}

export function fillKey(fill: SavedFill | null): string {
  return fill === null ? "" : `${fill.color}|${fill.pattern}|${fill.patternColor ?? ""}`;
}

/** Turns a loaded area fill into what to restore ("None" pattern = no fill). */
export function savedFill(fill: Excel.RangeFill): SavedFill | null {
  if (fill.pattern === "None" || fill.color === null || fill.color === undefined) return null;
  return { color: fill.color, pattern: fill.pattern ?? "Solid", patternColor: fill.patternColor ?? null };
}

/**
 * Fills the findings' cells in 2 syncs: (1) load the previous fills of every target cell through
 * RangeAreas chunks (each area = one cell), (2) write the restore data first, then the fills.
 */
export async function applyHighlights(
  context: Excel.RequestContext,
  findings: readonly Finding[],
  features: OfficeFeatures,
): Promise<HighlightState> {
  const targets = cellsToHighlight(findings);
  if (targets.size === 0) return { version: 1, groups: [] }; // nothing to fill: no sync, no setting
  const worksheets = context.workbook.worksheets;
  if (features.events) context.runtime.load("enableEvents");
  const captures: { sheet: string; areas: Excel.RangeAreas }[] = [];
  for (const [sheet, cells] of targets) {
    const ws = worksheets.getItem(sheet);
    for (const chunk of chunkAddresses([...cells.keys()])) {
      const areas = ws.getRanges(chunk);
      areas.areas.load(
        "items/address,items/format/fill/color,items/format/fill/pattern,items/format/fill/patternColor",
      );
      captures.push({ sheet, areas });
    }
  }
  await context.sync();
  const previousEvents = features.events ? context.runtime.enableEvents : null;

  const groups = new Map<string, HighlightState["groups"][number]>();
  for (const { sheet, areas } of captures) {
    for (const area of areas.areas.items) {
      const box = parseRangeAddress(area.address);
      // A merged multi-cell area with mixed fills reports color null: those cells are restored to no fill.
      const fill = savedFill(area.format.fill);
      const key = `${sheet}\u0000${fillKey(fill)}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { sheet, fill, cells: [] }));
      for (let r = 0; r < box.rowCount; r++)
        for (let c = 0; c < box.columnCount; c++) group.cells.push(a1(box.row + r + 1, box.column + c + 1));
    }
  }
  const state: HighlightState = { version: 1, groups: [...groups.values()] };

  await withQuietWrites(context, features, previousEvents, () => {
    // Restore data first: if a fill fails mid-batch, what was already filled can still be cleared.
    context.workbook.settings.add(HIGHLIGHT_SETTING, JSON.stringify(state));
    for (const [sheet, cells] of targets) {
      const ws = worksheets.getItem(sheet);
      for (const level of ["warning", "error"] as const) {
        const list = [...cells].filter(([, l]) => l === level).map(([cell]) => cell);
        for (const chunk of chunkAddresses(list))
          ws.getRanges(chunk).format.fill.color = level === "error" ? ERROR_FILL : WARNING_FILL;
      }
    }
  });
  return state;
}

/** The level whose fill a loaded fill is, or null: a cell that no longer shows ours was moved or re-coloured. */
export function levelOfFill(fill: Excel.RangeFill): Level | null {
  if (fill.pattern === "None") return null;
  const color = (fill.color ?? "").toUpperCase();
  return color === ERROR_FILL ? "error" : color === WARNING_FILL ? "warning" : null;
}

/** Queues loading the current fill of these cells, to restore only those still showing ours. */
export function loadCurrentFills(ws: Excel.Worksheet, cells: readonly string[]): Excel.RangeAreas[] {
  return chunkAddresses(cells).map((chunk) => {
    const areas = ws.getRanges(chunk);
    areas.areas.load(
      "items/address,items/format/fill/color,items/format/fill/pattern,items/format/fill/patternColor",
    );
    return areas;
  });
}

/** What a cell shows now: one of our fills ("error", "warning"), or its own fill's key as `fillKey` writes it. */
export type CurrentFill = string;

/** Cell → what it shows now, from loaded areas (a merged area answers for all its cells). */
export function currentFills(loaded: readonly Excel.RangeAreas[]): Map<string, CurrentFill> {
  const now = new Map<string, CurrentFill>();
  for (const areas of loaded)
    for (const area of areas.areas.items) {
      const shown = levelOfFill(area.format.fill) ?? fillKey(savedFill(area.format.fill));
      const box = parseRangeAddress(area.address);
      for (let r = 0; r < box.rowCount; r++)
        for (let c = 0; c < box.columnCount; c++) now.set(a1(box.row + r + 1, box.column + c + 1), shown);
    }
  return now;
}

/**
 * Of the cells to restore to `fill`: those still showing our fill (to restore), and how many show neither
 * ours nor their own (moved by a row inserted or deleted, or re-coloured since: left as they are).
 */
export function restorable(
  cells: readonly string[],
  fill: SavedFill | null,
  now: ReadonlyMap<string, CurrentFill>,
): { cells: string[]; changed: number } {
  const own = fillKey(fill);
  const out: string[] = [];
  let changed = 0;
  for (const cell of cells) {
    const shown = now.get(cell);
    if (shown === "error" || shown === "warning") out.push(cell);
    else if (shown !== own) changed++;
  }
  return { cells: out, changed };
}

type Group = HighlightState["groups"][number];

/**
 * The highlights' state (the pane's, or the one saved in the workbook) and what each of its cells shows now,
 * per group; sheets deleted or renamed since are left out. 2 requests (1 when nothing was highlighted).
 */
export async function readHighlights(
  context: Excel.RequestContext,
  state: HighlightState | null,
): Promise<{
  setting: Excel.Setting;
  saved: HighlightState | null;
  shown: Map<Group, Map<string, CurrentFill>>;
}> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const setting = context.workbook.settings.getItemOrNullObject(HIGHLIGHT_SETTING);
  setting.load("value");
  await context.sync();
  const saved = state ?? (setting.isNullObject ? null : parseHighlightState(setting.value));
  const existing = new Set(worksheets.items.map((w) => w.name));
  const loads = new Map<Group, Excel.RangeAreas[]>();
  for (const group of saved?.groups ?? [])
    if (existing.has(group.sheet))
      loads.set(group, loadCurrentFills(worksheets.getItem(group.sheet), group.cells));
  if (loads.size > 0) await context.sync();
  return {
    setting,
    saved,
    shown: new Map([...loads].map(([group, loaded]) => [group, currentFills(loaded)])),
  };
}

/**
 * Restores the saved fills exactly ("no fill" included) and forgets the state: 3 syncs (the state and the
 * sheets, the cells' current fills, the writes). Only cells that still show our fill are restored: after a row was
 * inserted or deleted, the saved address holds another cell, whose own fill must not be overwritten.
 * Returns how many cells were left as they are.
 */
export async function restoreHighlights(
  context: Excel.RequestContext,
  state: HighlightState | null,
  features: OfficeFeatures,
): Promise<number> {
  if (features.events) context.runtime.load("enableEvents"); // sent with readHighlights' first request
  const { setting, saved, shown } = await readHighlights(context, state);
  if (!saved && setting.isNullObject) return 0;
  const previousEvents = features.events ? context.runtime.enableEvents : null;

  let leftAsIs = 0;
  await withQuietWrites(context, features, previousEvents, () => {
    for (const [group, now] of shown) {
      const { cells, changed } = restorable(group.cells, group.fill, now);
      leftAsIs += changed;
      queueRestore(context.workbook.worksheets.getItem(group.sheet), cells, group.fill);
    }
    if (!setting.isNullObject) setting.delete();
  });
  return leftAsIs;
}

/** Queues putting back the cells' own fill ("no fill" included). */
export function queueRestore(ws: Excel.Worksheet, cells: readonly string[], fill: SavedFill | null): void {
  for (const chunk of chunkAddresses(cells)) {
    const target = ws.getRanges(chunk).format.fill;
    target.clear();
    if (fill) {
      target.color = fill.color;
      if (fill.pattern !== "Solid") target.pattern = fill.pattern as Excel.FillPattern;
      if (fill.patternColor && fill.pattern !== "Solid") target.patternColor = fill.patternColor;
    }
  }
}
