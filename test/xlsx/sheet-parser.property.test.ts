import fc from "fast-check";
import { SheetParser } from "../../src/xlsx/sheet-parser";

/**
 * The sheet parser has two paths: a byte scanner for what spreadsheet programs write (<row><c r="A1"
 * s="1" t="s"><v>3</v></c>) and a general regex parser for namespace-prefixed XML (<x:row><x:c>…). The
 * same sheet written both ways must read the same, however the bytes are cut into chunks: the general
 * parser is the reference for the fast one.
 */

const SHARED = ["Nom", "Prénom", "Léa", "", "x"];
const DATE_STYLES = [false, true, false, true];

/** One cell: its attributes (without r) and its body, both written for a namespace prefix. */
type CellGen = (p: string) => { attrs: string[]; body: string | null };

const text = fc.stringMatching(/^[a-zA-Zé0-9 _&<>"'À-ÿ€😀-]{0,12}$/u);
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const numberText = fc.oneof(
  fc.integer({ min: -1_000_000, max: 3_000_000 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map(String),
  fc
    .tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 9999 }))
    .map(([a, b]) => `${a}.${String(b).padStart(4, "0")}`),
  fc.constantFrom(
    "-0",
    "007",
    "1.",
    ".5",
    "1e5",
    "1E-3",
    " 12 ",
    "",
    "-",
    "abc",
    "12345678901234567",
    "0.1000000000000001",
  ),
);

const cellGen: fc.Arbitrary<CellGen> = fc.oneof(
  numberText.map((n): CellGen => (p) => ({ attrs: [], body: `<${p}v>${n}</${p}v>` })),
  fc
    .tuple(numberText, fc.integer({ min: 0, max: 5 }))
    .map(([n, s]): CellGen => (p) => ({ attrs: [`s="${s}"`], body: `<${p}v>${n}</${p}v>` })),
  fc
    .integer({ min: 0, max: 7 })
    .map((k): CellGen => (p) => ({ attrs: ['t="s"'], body: `<${p}v>${k}</${p}v>` })),
  text.map((t): CellGen => (p) => ({
    attrs: ['t="str"'],
    body: `<${p}f>A1&amp;"x"</${p}f><${p}v>${escape(t)}_x000D_</${p}v>`,
  })),
  text.map((t): CellGen => (p) => ({
    attrs: ['t="inlineStr"'],
    body: `<${p}is><${p}t xml:space="preserve">${escape(t)}</${p}t></${p}is>`,
  })),
  // Inline strings as streaming writers put them (one plain run, read from the bytes) and rich runs.
  text.map((t): CellGen => (p) => ({
    attrs: ['t="inlineStr"'],
    body: `<${p}is><${p}t>${escape(t)}_x0009_</${p}t></${p}is>`,
  })),
  fc.tuple(text, text).map(([a, b]): CellGen => (p) => ({
    attrs: ['t="inlineStr"'],
    body: `<${p}is><${p}r><${p}t>${escape(a)}</${p}t></${p}r><${p}r><${p}t>${escape(b)}</${p}t></${p}r></${p}is>`,
  })),
  fc
    .constantFrom("#N/A", "#DIV/0!", " #VALUE! ")
    .map((e): CellGen => (p) => ({ attrs: ['t="e"'], body: `<${p}v>${e}</${p}v>` })),
  fc
    .constantFrom("0", "1", "true")
    .map((v): CellGen => (p) => ({ attrs: ['t="b"'], body: `<${p}v>${v}</${p}v>` })),
  fc
    .constantFrom("2025-03-15", "2025-03-15T10:30:00Z", "hier")
    .map((v): CellGen => (p) => ({ attrs: ['t="d"'], body: `<${p}v>${v}</${p}v>` })),
  fc.constant<CellGen>(() => ({ attrs: [], body: null })),
  fc.constant<CellGen>(() => ({ attrs: ['s="1"'], body: "" })),
  fc
    .integer({ min: 1, max: 50 })
    .map((n): CellGen => (p) => ({ attrs: [], body: `<${p}f>SUM(A1:A${n})</${p}f><${p}v>${n}</${p}v>` })),
  fc
    .integer({ min: 1, max: 50 })
    .map((n): CellGen => (p) => ({ attrs: [], body: `<${p}f>SUM(A1:A${n})</${p}f>` })),
  fc.constant<CellGen>((p) => ({ attrs: ['t="str"'], body: `<${p}f t="shared" si="0"/><${p}v></${p}v>` })),
);

interface RowGen {
  withRef: boolean;
  gapBefore: number;
  selfClosing: boolean;
  cells: { gap: number; withRef: boolean; gen: CellGen; extra: boolean; space: string }[];
}

const rowGen: fc.Arbitrary<RowGen> = fc.record({
  withRef: fc.boolean(),
  gapBefore: fc.integer({ min: 0, max: 2 }),
  selfClosing: fc.integer({ min: 0, max: 9 }).map((k) => k < 2),
  cells: fc.array(
    fc.record({
      gap: fc.integer({ min: 0, max: 3 }),
      withRef: fc.boolean(),
      gen: cellGen,
      extra: fc.boolean(),
      space: fc.constantFrom(" ", "  ", "\t", "\n"),
    }),
    { maxLength: 8 },
  ),
});

function columnName(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The sheet's XML with namespace prefix p ("" or "x:"). */
function sheetXml(rows: RowGen[], p: string): string {
  const ns = p ? ` xmlns:${p.slice(0, -1)}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` : "";
  let out = `<?xml version="1.0"?><${p}worksheet${ns}><${p}dimension ref="A1"/><${p}sheetData>`;
  let r = 0;
  for (const row of rows) {
    r += row.gapBefore + 1;
    const rowAttrs = row.withRef ? ` r="${r}" spans="1:9"` : "";
    if (!row.withRef) r = r - row.gapBefore; // without r the row is the next one
    if (row.selfClosing) {
      out += `<${p}row${rowAttrs}/>`;
      continue;
    }
    out += `<${p}row${rowAttrs}>`;
    let c = -1;
    for (const cell of row.cells) {
      c += cell.gap + 1;
      if (!cell.withRef) c -= cell.gap;
      const { attrs, body } = cell.gen(p);
      const all = [
        ...(cell.withRef ? [`r="${columnName(c)}${r}"`] : []),
        ...attrs,
        ...(cell.extra ? ['cm="1"'] : []),
      ];
      const a = all.map((x) => cell.space + x).join("");
      out += body === null ? `<${p}c${a}/>` : `<${p}c${a}>${body}</${p}c>`;
    }
    out += `</${p}row>`;
  }
  return out + `</${p}sheetData><${p}rowBreaks count="0"/></${p}worksheet>`;
}

function parse(xml: string, cuts: number[]) {
  const bytes = new TextEncoder().encode(xml);
  const parser = new SheetParser({
    sharedStrings: SHARED,
    dateStyles: DATE_STYLES,
    date1904: false,
    maxRows: 1_000_000,
  });
  let at = 0;
  for (const cut of [...cuts.map((k) => Math.floor(k * bytes.length)).sort((a, b) => a - b), bytes.length]) {
    parser.push(bytes.subarray(at, Math.max(at, cut)));
    at = Math.max(at, cut);
  }
  return parser.finish("S");
}

describe("sheet parser: the byte scanner reads as the general parser", () => {
  it("any sheet, prefixed or not, cut anywhere, gives the same cells", () => {
    fc.assert(
      fc.property(
        fc.array(rowGen, { maxLength: 12 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
        (rows, cuts) => {
          const reference = parse(sheetXml(rows, "x:"), []);
          expect(parse(sheetXml(rows, ""), cuts)).toEqual(reference);
          expect(parse(sheetXml(rows, "x:"), cuts)).toEqual(reference);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("plain decimals read as Number() reads them, to the last bit", () => {
    fc.assert(
      fc.property(numberText, (n) => {
        const { rows } = parse(
          `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>k</t></is></c><c r="B1"><v>${n}</v></c></row></sheetData>`,
          [],
        );
        if (n === "")
          expect(rows[0]).toEqual(["k"]); // an empty <v> is an empty cell
        else
          expect(Object.is(rows[0][1], n.trim() !== "" && Number.isFinite(Number(n)) ? Number(n) : n)).toBe(
            true,
          );
      }),
      { numRuns: 2000 },
    );
  });

  it("a cell's value is found whatever the attribute order, spacing and extra attributes", () => {
    const xml =
      '<sheetData><row r="3" spans="2:4"><c t="s"\n r="B3"  s="2"><v>2</v></c><c cm="1" s="1" r="C3"><v>45731</v></c>' +
      '<c r="D3" t="str"><f>"a"&amp;"b"</f><v>a&amp;b</v></c><c r="E3" s="1"><v>3e9</v></c></row></sheetData>';
    expect(parse(xml, [0.3, 0.61])).toEqual({
      name: "S",
      origin: { row: 2, col: 1 },
      // A serial past any date (Excel shows ####) stays the number.
      rows: [["Léa", new Date(Date.UTC(2025, 2, 15)), "a&b", 3e9]],
      formulas: [{ row: 2, col: 3, formula: '"a"&"b"' }],
      merges: [],
      tableRelIds: [],
    });
  });
});

describe("sheet parser: long parts in chunks", () => {
  function parseInChunks(xml: string, size: number) {
    const bytes = new TextEncoder().encode(xml);
    const parser = new SheetParser({
      sharedStrings: SHARED,
      dateStyles: DATE_STYLES,
      date1904: false,
      maxRows: 1_000_000,
    });
    for (let at = 0; at < bytes.length; at += size) parser.push(bytes.subarray(at, at + size));
    return parser.finish("S");
  }

  it("a prefixed sheet of several megabytes keeps every row", () => {
    const rows = Array.from(
      { length: 40_000 },
      (_v, i) => `<x:row r="${i + 1}"><x:c r="B${i + 1}"><x:v>${i}</x:v></x:c></x:row>`,
    );
    const xml = `<x:worksheet xmlns:x="urn:x"><x:sheetData>${rows.join("")}</x:sheetData></x:worksheet>`;
    expect(xml.length).toBeGreaterThan(2 << 20);
    const sheet = parseInChunks(xml, 65536);
    expect(sheet.rows).toHaveLength(40_000);
    expect(sheet.rows[39_999]).toEqual([39_999]);
    expect(sheet.origin).toEqual({ row: 0, col: 1 });
  });

  it("megabytes of empty rows and columns before the data (trimmed as they come) do not hide it", () => {
    const cols = `<cols>${'<col min="1" max="1" width="12"/>'.repeat(40_000)}</cols>`;
    const empty = Array.from({ length: 40_000 }, (_v, i) => `<row r="${i + 1}" ht="15"/>`).join("");
    const xml = `<worksheet>${cols}<sheetData>${empty}<row r="40001"><c r="A40001" t="s"><v>2</v></c></row></sheetData></worksheet>`;
    const sheet = parseInChunks(xml, 100_000);
    expect(sheet.rows).toEqual([["Léa"]]);
    expect(sheet.origin).toEqual({ row: 40_000, col: 0 });
  });

  it("a row longer than the idle limit is read whole when it ends", () => {
    const cells = Array.from(
      { length: 16_000 },
      (_v, i) => `<c t="inlineStr"><is><t>${"v".repeat(80)}${i}</t></is></c>`,
    ).join("");
    const xml = `<worksheet><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;
    expect(xml.length).toBeGreaterThan(1 << 20);
    const sheet = parseInChunks(xml, 50_000);
    expect(sheet.rows[0]).toHaveLength(16_000);
    expect(sheet.rows[0][15_999]).toBe(`${"v".repeat(80)}15999`);
  });

  it("a row end cut between two chunks is found", () => {
    const xml =
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row></sheetData>';
    for (let size = 1; size <= 12; size++) expect(parseInChunks(xml, size).rows).toEqual([[1], [2]]);
  });
});
