import JSZip from "jszip";
import type { SheetChart } from "../core";
import { UserError } from "../core/errors/user-error";

/**
 * ExcelJS cannot write charts: this adds native clustered bar or column charts to a saved .xlsx by writing
 * the DrawingML parts (chart, drawing, relationships, content types) into its zip. Each chart refers to
 * cells of its sheet, with cached values so viewers that do not recalculate still show it.
 */
export interface ColumnChartSpec {
  sheetName: string;
  title: string;
  /** "bar": horizontal bars (long category labels, as the add-in draws in Excel); "col": vertical columns. */
  direction?: "bar" | "col";
  /** The data block (0-based): first row = series names, first column = categories. */
  firstRow: number;
  firstColumn: number;
  rows: number;
  columns: number;
  /** The block's values, as written in the sheet (for the caches). */
  values: (string | number | null)[][];
  numberFormat: string;
  /** Where the chart sits (0-based columns and rows, the "to" cell excluded). */
  anchor: { fromColumn: number; fromRow: number; toColumn: number; toRow: number };
}

/** A laid-out sheet's chart block (core's ReportSheet or SheetLayout) as a chart spec, placed at `anchor`. */
export function chartOfSheet(
  sheet: {
    name: string;
    values: readonly (readonly (string | number | null)[])[];
    numberFormats: readonly (readonly string[])[];
    chart: SheetChart;
  },
  anchor: ColumnChartSpec["anchor"],
  direction: ColumnChartSpec["direction"],
): ColumnChartSpec {
  const c = sheet.chart;
  return {
    sheetName: sheet.name,
    title: c.title,
    direction,
    firstRow: c.firstRow,
    firstColumn: c.firstColumn,
    rows: c.rows,
    columns: c.columns,
    values: sheet.values
      .slice(c.firstRow, c.firstRow + c.rows)
      .map((r) => r.slice(c.firstColumn, c.firstColumn + c.columns)),
    numberFormat: sheet.numberFormats[c.firstRow + 1]?.[c.firstColumn + 1] ?? "General",
    anchor,
  };
}

const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const REL_WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 'Par type'!$A$12:$A$15 */
function ref(sheet: string, c1: number, r1: number, c2: number, r2: number): string {
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  const a = `$${columnLetters(c1)}$${r1 + 1}`;
  const b = `$${columnLetters(c2)}$${r2 + 1}`;
  return esc(`${quoted}!${a}${a === b ? "" : `:${b}`}`);
}

function chartXml(spec: ColumnChartSpec): string {
  const { sheetName: s, firstRow: r0, firstColumn: c0, rows, columns, values } = spec;
  const lastRow = r0 + rows - 1;
  const horizontal = spec.direction === "bar";
  const categories = values.slice(1).map((row) => String(row[0] ?? ""));
  const catCache = `<c:strCache><c:ptCount val="${categories.length}"/>${categories.map((c, i) => `<c:pt idx="${i}"><c:v>${esc(c)}</c:v></c:pt>`).join("")}</c:strCache>`;
  const series = [];
  for (let k = 1; k < columns; k++) {
    const name = String(values[0][k] ?? "");
    const points = values
      .slice(1)
      .map((row, i) => (typeof row[k] === "number" ? `<c:pt idx="${i}"><c:v>${row[k]}</c:v></c:pt>` : ""))
      .join("");
    series.push(
      `<c:ser><c:idx val="${k - 1}"/><c:order val="${k - 1}"/>` +
        `<c:tx><c:strRef><c:f>${ref(s, c0 + k, r0, c0 + k, r0)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${esc(name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
        `<c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${ref(s, c0, r0 + 1, c0, lastRow)}</c:f>${catCache}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${ref(s, c0 + k, r0 + 1, c0 + k, lastRow)}</c:f><c:numCache><c:formatCode>${esc(spec.numberFormat)}</c:formatCode><c:ptCount val="${categories.length}"/>${points}</c:numCache></c:numRef></c:val>` +
        `</c:ser>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}">` +
    `<c:lang val="fr-FR"/><c:roundedCorners val="0"/>` +
    `<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${esc(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series.join("")}` +
    `<c:gapWidth val="150"/><c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>` +
    `<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines/><c:numFmt formatCode="0%" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function drawingXml(spec: ColumnChartSpec, chartRelId: string): string {
  const a = spec.anchor;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${a.fromColumn}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.fromRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${a.toColumn}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.toRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${esc(spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_R}" r:id="${chartRelId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

const rels = (items: string[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join("")}</Relationships>`;

/** The zip path of a sheet by its name, through workbook.xml and its relationships. */
async function sheetPath(zip: JSZip, name: string): Promise<string> {
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const wbRels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const sheet = [...workbook.matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .find((tag) => tag.includes(`name="${esc(name)}"`));
  const rid = sheet && /r:id="([^"]+)"/.exec(sheet)?.[1];
  const rel =
    rid &&
    [...wbRels.matchAll(/<Relationship\b[^>]*>/g)]
      .map((m) => m[0])
      .find((tag) => tag.includes(`Id="${rid}"`) && tag.includes(REL_WORKSHEET));
  const target = rel && /Target="([^"]+)"/.exec(rel)?.[1];
  if (!target) throw new UserError("chart.sheet-missing", { sheet: name });
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/** Elements that must follow <drawing> in a worksheet (ECMA-376 order). */
const AFTER_DRAWING = [
  "<legacyDrawing",
  "<legacyDrawingHF",
  "<drawingHF",
  "<picture",
  "<oleObjects",
  "<controls",
  "<webPublishItems",
  "<tableParts",
  "<extLst",
  "</worksheet>",
];

/** The first number N free for a part named `${prefix}N.xml` (a workbook may already have charts or images). */
function freeNumber(zip: JSZip, prefix: string, taken: Set<string>): number {
  let n = 1;
  while (zip.file(`${prefix}${n}.xml`) || taken.has(`${prefix}${n}`)) n++;
  taken.add(`${prefix}${n}`);
  return n;
}

/** Returns the .xlsx with each chart added on its sheet (a sheet that already has a drawing is refused). */
export async function addCharts(xlsx: Uint8Array, specs: readonly ColumnChartSpec[]): Promise<Uint8Array> {
  if (specs.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  let types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  const taken = new Set<string>();
  for (const spec of specs) {
    const path = await sheetPath(zip, spec.sheetName);
    const dir = path.slice(0, path.lastIndexOf("/"));
    const base = path.slice(path.lastIndexOf("/") + 1);
    const relsPath = `${dir}/_rels/${base}.rels`;
    let sheet = (await zip.file(path)?.async("string")) ?? "";
    if (/<drawing\b/.test(sheet)) throw new UserError("chart.drawing-exists", { sheet: spec.sheetName });
    const c = freeNumber(zip, "xl/charts/chart", taken);
    const d = freeNumber(zip, "xl/drawings/drawing", taken);

    zip.file(`xl/charts/chart${c}.xml`, chartXml(spec));
    zip.file(`xl/drawings/drawing${d}.xml`, drawingXml(spec, "rId1"));
    zip.file(
      `xl/drawings/_rels/drawing${d}.xml.rels`,
      rels([`<Relationship Id="rId1" Type="${REL_CHART}" Target="../charts/chart${c}.xml"/>`]),
    );

    const drawingRel = `<Relationship Id="rIdBilanChart1" Type="${REL_DRAWING}" Target="../drawings/drawing${d}.xml"/>`;
    const existingRels = await zip.file(relsPath)?.async("string");
    zip.file(
      relsPath,
      existingRels
        ? existingRels.replace("</Relationships>", `${drawingRel}</Relationships>`)
        : rels([drawingRel]),
    );

    if (!/xmlns:r="/.test(sheet.slice(0, 1000)))
      sheet = sheet.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS_R}"`);
    const at = Math.min(...AFTER_DRAWING.map((tag) => sheet.indexOf(tag)).filter((i) => i >= 0));
    sheet = `${sheet.slice(0, at)}<drawing r:id="rIdBilanChart1"/>${sheet.slice(at)}`;
    zip.file(path, sheet);

    types = types.replace(
      "</Types>",
      `<Override PartName="/xl/charts/chart${c}.xml" ContentType="${CHART_TYPE}"/><Override PartName="/xl/drawings/drawing${d}.xml" ContentType="${DRAWING_TYPE}"/></Types>`,
    );
  }
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
