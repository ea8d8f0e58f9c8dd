import JSZip from "jszip";

/**
 * A minimal .xlsx assembled by hand (XML + zip), the way other spreadsheet programs write it:
 * no ExcelJS involved, so the reader is tested against a second writer.
 */
export interface HandSheet {
  name: string;
  /** Raw <sheetData> content. */
  sheetData: string;
}

export async function handXlsx(options: {
  sheets: HandSheet[];
  sharedStrings?: string[];
  /** Raw <si> bodies, overrides sharedStrings when given. */
  rawSharedStrings?: string[];
  date1904?: boolean;
  /** numFmtIds of cellXfs (index = s attribute). */
  xfs?: number[];
  customFormats?: Record<number, string>;
}): Promise<Buffer> {
  const zip = new JSZip();
  const ns =
    'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const sheetsXml = options.sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("");
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0"?><workbook ${ns}>${options.date1904 ? '<workbookPr date1904="1"/>' : "<workbookPr/>"}<sheets>${sheetsXml}</sheets></workbook>`,
  );
  const rels = options.sheets
    .map(
      (_s, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join("");
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
  );
  options.sheets.forEach((s, i) => {
    zip.file(
      `xl/worksheets/sheet${i + 1}.xml`,
      `<?xml version="1.0"?><worksheet ${ns}><sheetData>${s.sheetData}</sheetData></worksheet>`,
    );
  });
  const sis =
    options.rawSharedStrings ?? (options.sharedStrings ?? []).map((t) => `<t xml:space="preserve">${t}</t>`);
  if (sis.length > 0) {
    zip.file(
      "xl/sharedStrings.xml",
      `<?xml version="1.0"?><sst ${ns} count="${sis.length}">${sis.map((b) => `<si>${b}</si>`).join("")}</sst>`,
    );
  }
  const fmts = Object.entries(options.customFormats ?? {})
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code}"/>`)
    .join("");
  const xfs = (options.xfs ?? [0])
    .map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0"/>`)
    .join("");
  zip.file(
    "xl/styles.xml",
    `<?xml version="1.0"?><styleSheet ${ns}>${fmts ? `<numFmts>${fmts}</numFmts>` : ""}<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs>${xfs}</cellXfs></styleSheet>`,
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
