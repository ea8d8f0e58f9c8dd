import { DEFAULT_CONFIG, columnLetters, type Kind } from "../core";
import { canonicalTemplate, type CanonicalTemplate } from "../core/template/canonical-template";
import { UserError } from "../core/errors/user-error";
import { withQuietWrites, type OfficeFeatures } from "./quiet";

/** Data rows prepared with formats and drop-down lists below the header. */
export const TEMPLATE_ROWS = 1000;
const POINTS_PER_CHAR = 5.6;
/** Excel's limit for an inline list source ("Oui,Non"); longer lists, or lists with commas, go to the hidden sheet. */
const INLINE_LIST_MAX = 255;

interface ListPlacement {
  source: string;
}

/** Where each list lives: inline when short and comma-free, else a column of the hidden "Listes" sheet. */
export function planLists(template: CanonicalTemplate): {
  inline: Map<string, ListPlacement>;
  columns: string[][];
} {
  const inline = new Map<string, ListPlacement>();
  const columns: string[][] = [];
  const place = (key: string, list: readonly string[]) => {
    const joined = list.join(",");
    if (joined.length <= INLINE_LIST_MAX && !list.some((v) => v.includes(",") || v.includes('"'))) {
      inline.set(key, { source: joined });
      return;
    }
    columns.push([...list]);
    const col = columnLetters(columns.length);
    const sheet = `'${template.sheets.lists.replace(/'/g, "''")}'`;
    inline.set(key, { source: `=${sheet}!$${col}$1:$${col}$${list.length}` });
  };
  for (const row of template.structure) if (row.list) place(`structure:${row.key}`, row.list);
  for (const col of template.columns) if (col.list) place(`people:${col.field}`, col.list);
  return { inline, columns };
}

function listRule(source: string): Excel.DataValidationRule {
  return { list: { inCellDropDown: true, source } };
}

/**
 * Inserts the canonical Structure and Salariés sheets (and the hidden list sheet). Refuses when a
 * sheet of the same name exists: the user's data is never overwritten. 2 syncs.
 */
export async function insertTemplateSheets(
  context: Excel.RequestContext,
  kind: Kind | null,
  features: OfficeFeatures,
): Promise<void> {
  const template = canonicalTemplate({ kind, exitMotifs: DEFAULT_CONFIG.exitMotifs });
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  if (features.events) context.runtime.load("enableEvents");
  await context.sync();
  const previousEvents = features.events ? context.runtime.enableEvents : null;
  const names = new Set(worksheets.items.map((w) => w.name.toLowerCase()));
  for (const name of [template.sheets.structure, template.sheets.people, template.sheets.lists]) {
    if (names.has(name.toLowerCase())) throw new UserError("template.sheet-exists", { sheet: name });
  }
  const lists = planLists(template);

  await withQuietWrites(context, features, previousEvents, () => {
    // Structure: label | value | hint.
    const st = worksheets.add(template.sheets.structure);
    const rows = template.structure.map((r) => [r.label, r.key === "kind" && kind ? kind : "", r.hint]);
    template.structure.forEach((r, i) => {
      if (r.numFmt) st.getRangeByIndexes(i, 1, 1, 1).numberFormat = [[r.numFmt]];
    });
    st.getRangeByIndexes(0, 0, rows.length, 3).values = rows;
    st.getRangeByIndexes(0, 0, rows.length, 1).format.font.bold = true;
    template.structure.forEach((r, i) => {
      const cell = st.getRangeByIndexes(i, 1, 1, 1);
      const placed = lists.inline.get(`structure:${r.key}`);
      if (placed) cell.dataValidation.rule = listRule(placed.source);
      if (r.required) cell.format.fill.color = "#FFF2CC";
    });
    [40, 32, 60].forEach(
      (w, i) => (st.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = w * POINTS_PER_CHAR),
    );

    // Salariés: header row, formats and lists on TEMPLATE_ROWS rows, frozen header.
    const pe = worksheets.add(template.sheets.people);
    const cols = template.columns;
    const header = pe.getRangeByIndexes(0, 0, 1, cols.length);
    header.values = [cols.map((c) => c.header)];
    header.format.font.bold = true;
    header.format.fill.color = "#1F4E79";
    header.format.font.color = "#FFFFFF";
    header.format.wrapText = true;
    cols.forEach((c, i) => {
      pe.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = c.width * POINTS_PER_CHAR;
      const data = pe.getRangeByIndexes(1, i, TEMPLATE_ROWS, 1);
      if (c.numFmt) data.numberFormat = Array.from({ length: TEMPLATE_ROWS }, () => [c.numFmt as string]);
      const placed = lists.inline.get(`people:${c.field}`);
      if (placed) {
        data.dataValidation.rule = listRule(placed.source);
        // A warning, not a stop: the reader also accepts codes and synonyms typed or pasted by hand.
        data.dataValidation.errorAlert = {
          showAlert: true,
          style: "Warning",
          title: "Valeur hors liste",
          message: `Choisissez une valeur de la liste « ${c.header} ».`,
        };
      }
      data.dataValidation.prompt = { showPrompt: true, title: c.header, message: c.help.slice(0, 255) };
    });
    pe.freezePanes.freezeRows(1);

    if (lists.columns.length > 0) {
      const li = worksheets.add(template.sheets.lists);
      lists.columns.forEach((list, i) => {
        const column = li.getRangeByIndexes(0, i, list.length, 1);
        column.numberFormat = list.map(() => ["@"]); // keep codes such as "01" as text
        column.values = list.map((v) => [v]);
      });
      li.visibility = "Hidden";
    }
    pe.activate();
  });
}
