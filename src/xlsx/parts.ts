import type { TableRange } from "../core";
import { parseRange } from "./sheet-tail";
import { readError } from "./errors";
import { attr, firstElement, forEachElement, textOfRuns } from "./xml";

/** A part's path from a relationship target: relative to the folder of the part that holds the relationships, or absolute from the package root. */
export function resolvePath(baseDir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const out: string[] = [];
  for (const p of (baseDir + "/" + target).split("/")) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

/** The relationships part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
export function sheetRelsPath(partPath: string): string {
  const dir = dirOf(partPath);
  return `${dir ? dir + "/" : ""}_rels/${partPath.slice(dir ? dir.length + 1 : 0)}.rels`;
}

/** Each relationship of a .rels part: id, type and target path (resolved against the folder of `ownerPath`). */
function relationships(relsXml: string, ownerPath: string): { id: string; type: string; path: string }[] {
  const out: { id: string; type: string; path: string }[] = [];
  forEachElement(relsXml, ["Relationship"], (_name, attrs) => {
    const id = attr(attrs, "Id");
    const target = attr(attrs, "Target");
    if (id && target)
      out.push({ id, type: attr(attrs, "Type") ?? "", path: resolvePath(dirOf(ownerPath), target) });
  });
  return out;
}

/** Worksheet paths by relationship id, from xl/_rels/workbook.xml.rels. */
export function worksheetTargets(relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const r of relationships(relsXml, "xl/workbook.xml"))
    if (r.type.endsWith("/worksheet")) targets.set(r.id, r.path);
  return targets;
}

/** The table part paths of a sheet, in the order of its <tablePart> ids, from the sheet's relationships. */
export function parseTables(sheetRelsXml: string, sheetPath: string, relIds: readonly string[]): string[] {
  const byId = new Map<string, string>();
  for (const r of relationships(sheetRelsXml, sheetPath))
    if (r.type.endsWith("/table")) byId.set(r.id, r.path);
  return relIds.flatMap((id) => byId.get(id) ?? []);
}

/** An Excel Table from its part (<table ref="A1:D10" displayName="Salariés" totalsRowCount="1">); null when it has no valid range. */
export function parseTableXml(xml: string): TableRange | null {
  const table = firstElement(xml, "table");
  if (table === null) return null;
  const ref = attr(table.attrs, "ref");
  const range = ref === null ? null : parseRange(ref);
  if (range === null) return null;
  const name = attr(table.attrs, "displayName") ?? attr(table.attrs, "name") ?? "";
  // totalsRowShown only says a totals row was shown once; totalsRowCount is whether it is there now.
  const totals = Number(attr(table.attrs, "totalsRowCount") ?? "0");
  return { name, range, totalsRow: totals >= 1 };
}

/** The sheets a workbook lists, in order, with their part paths (the sheets without a worksheet part are left out: charts). */
export function workbookSheets(
  workbookXml: string,
  targets: ReadonlyMap<string, string>,
  maxSheets: number,
  file: string,
): { name: string; path: string }[] {
  const sheets: { name: string; path: string }[] = [];
  forEachElement(workbookXml, ["sheet"], (_name, attrs) => {
    if (sheets.length >= maxSheets)
      throw readError("too-many-parts", file, `plus de ${maxSheets.toLocaleString("fr-FR")} feuilles`);
    const sheetName = attr(attrs, "name");
    const rid = attr(attrs, "id");
    const path = rid ? targets.get(rid) : undefined;
    if (sheetName !== null && path) sheets.push({ name: sheetName, path });
  });
  return sheets;
}

/** The shared strings, in order (rich runs joined, phonetic runs left out); at most maxStrings. */
export function parseSharedStrings(xml: string | null, maxStrings: number, file: string): string[] {
  if (!xml) return [];
  const out: string[] = [];
  forEachElement(xml, ["si"], (_name, _attrs, content) => {
    if (out.length >= maxStrings)
      throw readError(
        "too-many-strings",
        file,
        `plus de ${maxStrings.toLocaleString("fr-FR")} textes partagés`,
      );
    out.push(content === null ? "" : textOfRuns(content));
  });
  return out;
}
