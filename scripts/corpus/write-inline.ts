import JSZip from "jszip";
import {
  cellRef,
  colLetter,
  excelSerial,
  GENERATED_AT,
  isFormula,
  type CellInput,
  type SheetModel,
  type WorkbookModel,
} from "./model";

/**
 * The "inline" writer: hand-written SpreadsheetML as streaming writers (openpyxl's write-only mode,
 * Apache POI's SXSSF) produce it: strings inline (t="inlineStr", no sharedStrings part) and formulas
 * without a stored value, since such a program computes nothing.
 */
const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const INLINE_APPLICATION = "Bilan IAE corpus (inline writer)";

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// Style 1 is a date (built-in format 14), so readers see dates as dates.
const DATE_STYLE = 1;

function cellXml(ref: string, v: CellInput): string {
  if (isFormula(v))
    return `<c r="${ref}"${v.result instanceof Date ? ` s="${DATE_STYLE}"` : ""}><f>${esc(v.formula)}</f></c>`;
  if (v instanceof Date) return `<c r="${ref}" s="${DATE_STYLE}"><v>${excelSerial(v)}</v></c>`;
  if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
  const space = v !== v.trim() ? ' xml:space="preserve"' : "";
  return `<c r="${ref}" t="inlineStr"><is><t${space}>${esc(v)}</t></is></c>`;
}

function sheetXml(sheet: SheetModel, hasTable: boolean): string {
  const rows = [...sheet.rows.keys()].sort((a, b) => a - b);
  const body = rows
    .map((r) => {
      const cells = sheet.rows.get(r) as Map<number, CellInput>;
      const cols = [...cells.keys()].sort((a, b) => a - b);
      return `<row r="${r}">${cols.map((c) => cellXml(cellRef(r, c), cells.get(c) as CellInput)).join("")}</row>`;
    })
    .join("");
  const merges = sheet.merges.length
    ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
    : "";
  const table = hasTable ? `<tableParts count="1"><tablePart r:id="rId1"/></tableParts>` : "";
  return `${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${NS_R}"><dimension ref="A1:${cellRef(sheet.lastRow(), sheet.lastCol())}"/><sheetData>${body}</sheetData>${merges}${table}</worksheet>`;
}

function tableXml(sheet: SheetModel, id: number): string {
  const t = sheet.table as NonNullable<SheetModel["table"]>;
  const last = colLetter(t.columns.length);
  const end = t.lastDataRow + (t.totalsRow ? 1 : 0);
  const cols = t.columns
    .map((c, i) => {
      const label = c.totalsLabel ? ` totalsRowLabel="${esc(c.totalsLabel)}"` : "";
      const fn = c.totalsFunction ? ` totalsRowFunction="${c.totalsFunction}"` : "";
      return `<tableColumn id="${i + 1}" name="${esc(c.name)}"${label}${fn}/>`;
    })
    .join("");
  const totals = t.totalsRow ? ` totalsRowCount="1"` : ` totalsRowShown="0"`;
  return `${XML_HEAD}<table xmlns="${NS}" id="${id}" name="${esc(t.name)}" displayName="${esc(t.name)}" ref="A${t.headerRow}:${last}${end}"${totals}><autoFilter ref="A${t.headerRow}:${last}${t.lastDataRow}"/><tableColumns count="${t.columns.length}">${cols}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
}

const STYLES = `${XML_HEAD}<styleSheet xmlns="${NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

export async function writeInline(model: WorkbookModel): Promise<Buffer> {
  const zip = new JSZip();
  const put = (path: string, text: string) =>
    zip.file(path, text, { date: GENERATED_AT, createFolders: false });
  const stamp = GENERATED_AT.toISOString().replace(/\.\d{3}Z$/, "Z");
  const tables = model.sheets.map((s, i) => (s.table ? i : -1)).filter((i) => i >= 0);
  const overrides = [
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`,
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`,
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`,
    `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>`,
    ...model.sheets.map(
      (_s, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    ),
    ...tables.map(
      (_i, k) =>
        `<Override PartName="/xl/tables/table${k + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`,
    ),
  ];
  put(
    "[Content_Types].xml",
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`,
  );
  put(
    "_rels/.rels",
    `${XML_HEAD}<Relationships xmlns="${NS_PKG}"><Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${NS_R}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
  );
  put(
    "docProps/core.xml",
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Bilan IAE</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`,
  );
  put(
    "docProps/app.xml",
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${INLINE_APPLICATION}</Application></Properties>`,
  );
  put(
    "xl/workbook.xml",
    `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${NS_R}"><sheets>${model.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
  );
  const styleId = model.sheets.length + 1;
  put(
    "xl/_rels/workbook.xml.rels",
    `${XML_HEAD}<Relationships xmlns="${NS_PKG}">${model.sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${NS_R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rId${styleId}" Type="${NS_R}/styles" Target="styles.xml"/></Relationships>`,
  );
  put("xl/styles.xml", STYLES);
  model.sheets.forEach((s, i) => {
    put(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s, s.table !== null));
    const k = tables.indexOf(i);
    if (k < 0) return;
    put(
      `xl/worksheets/_rels/sheet${i + 1}.xml.rels`,
      `${XML_HEAD}<Relationships xmlns="${NS_PKG}"><Relationship Id="rId1" Type="${NS_R}/table" Target="../tables/table${k + 1}.xml"/></Relationships>`,
    );
    put(`xl/tables/table${k + 1}.xml`, tableXml(s, k + 1));
  });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
