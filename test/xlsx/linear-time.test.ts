import { parseSharedStrings, parseTableXml, workbookSheets, worksheetTargets } from "../../src/xlsx/parts";
import { parseDateStyles } from "../../src/xlsx/styles";
import { SheetParser } from "../../src/xlsx/sheet-parser";
import { formulaOf, inlineString, rawValueOf } from "../../src/xlsx/cell-value";
import { textOfRuns } from "../../src/xlsx/xml";

/**
 * Every parser of file content runs in linear time: fed the classic pathological inputs at 1, 2 and 4 MB,
 * its time grows with the size, not its square (a backtracking regular expression took minutes on some of
 * them). Ratios, not absolute times: t(4 MB) / t(1 MB) stays under 10 (linear is 4, quadratic 16).
 */

const MB = 1024 * 1024;

/** `unit` repeated to `bytes` characters. */
function fill(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

/** The best of a few runs, in ms (the minimum filters out GC pauses and a busy machine). */
/** Best of five, in CPU milliseconds of this process: other processes on a busy machine do not count. */
function time(run: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    const t0 = process.cpuUsage();
    run();
    const d = process.cpuUsage(t0);
    best = Math.min(best, (d.user + d.system) / 1e3);
  }
  return best;
}

const PATHOLOGICAL: Record<string, (bytes: number) => string> = {
  "long run of <": (n) => fill("<", n),
  "unclosed tags": (n) => fill("<si><t>abc", n),
  "<t repeated": (n) => fill("<t", n),
  "<si><t repeated": (n) => fill("<si><t", n),
  "attribute soup": (n) => fill(` a="1" b='2' c = "3" d:e="&amp;" x`, n),
  "unclosed quote soup": (n) => "<si " + fill(`a="1 '`, n),
  "prefixed element soup": (n) => fill("<x:si><x:t a='", n),
  "open brackets and quotes": (n) => fill('[[["\\_*', n),
  "entities without end": (n) => fill("&#12345&#x1F&amp", n),
  "comments never closed": (n) => fill("<!-- <si>", n),
};

/** Each parser: builds its document around the input once (not timed), then returns the parse to time. */
const PARSERS: Record<string, (xml: string) => () => unknown> = {
  sharedStrings: (xml) => {
    const doc = `<sst>${xml}</sst>`;
    return () => parseSharedStrings(doc, Number.POSITIVE_INFINITY, "f");
  },
  "text runs": (xml) => () => textOfRuns(xml),
  workbook: (xml) => {
    const doc = `<workbook><sheets><sheet name="a" r:id="r1"${xml}/></sheets></workbook>`;
    return () => workbookSheets(doc, new Map([["r1", "x"]]), Number.POSITIVE_INFINITY, "f");
  },
  relationships: (xml) => {
    const doc = `<Relationships><Relationship Id="r1" ${xml}/>${xml}</Relationships>`;
    return () => worksheetTargets(doc);
  },
  styles: (xml) => {
    const q = xml.slice(0, xml.length / 3);
    const doc = `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="${q.replace(/"/g, "'")}"/>${q}</numFmts><cellXfs>${q}</cellXfs></styleSheet>`;
    return () => parseDateStyles(doc);
  },
  table: (xml) => {
    const doc = `<table ${xml}`;
    return () => parseTableXml(doc);
  },
  "cell body": (xml) => () => [rawValueOf(xml), inlineString(xml), formulaOf(xml)],
  "worksheet, prefixed fallback": (xml) => {
    const q = xml.slice(0, xml.length / 4); // in four places: the whole input in all
    const doc = new TextEncoder().encode(
      `<x:worksheet><x:sheetData><x:row r="1"><x:c r="A1">${q}</x:c>${q}</x:row><x:row r="2">${q}</x:row></x:sheetData>${q}</x:worksheet>`,
    );
    return () => {
      const parser = new SheetParser({
        sharedStrings: [],
        dateStyles: [],
        date1904: false,
        maxRows: 1_000_000,
      });
      parser.push(doc);
      return parser.finish("S");
    };
  },
  "worksheet, byte scanner": (xml) => {
    const q = xml.slice(0, xml.length / 4);
    const doc = new TextEncoder().encode(
      `<worksheet><sheetData><row r="1"><c r="A1">${q}</c>${q}</row><row>${q}</row></sheetData>${q}</worksheet>`,
    );
    return () => {
      const parser = new SheetParser({
        sharedStrings: [],
        dateStyles: [],
        date1904: false,
        maxRows: 1_000_000,
      });
      parser.push(doc);
      return parser.finish("S");
    };
  },
};

describe("linear-time parsing of hostile content", () => {
  for (const [parser, parse] of Object.entries(PARSERS)) {
    it(`${parser}: time grows linearly on every pathological input`, () => {
      const slow: string[] = [];
      for (const [input, make] of Object.entries(PATHOLOGICAL)) {
        parse(make(MB / 4))(); // warm up the JIT
        const measure = () => [1, 2, 4].map((k) => time(parse(make(k * MB))));
        // Under 40 ms at 4 MB the parse is done before any ratio means anything (a quadratic one takes minutes).
        // Linear gives 2 and 4, quadratic 4 and 16: the thresholds sit between, with room for noise.
        const superlinear = ([t1, t2, t4]: number[]) =>
          t4 > 40 && (t4 / t1 >= 10 || (t2 / t1 >= 3.5 && t4 / t2 >= 3.5));
        let times = measure();
        // Measured again once: other test files share the machine, a pause can land in one size's runs.
        if (superlinear(times)) times = measure();
        if (superlinear(times))
          slow.push(`${input}: ${times.map((t) => t.toFixed(1)).join(" / ")} ms at 1 / 2 / 4 MB`);
      }
      expect(slow).toEqual([]);
    }, 60_000);
  }
});
