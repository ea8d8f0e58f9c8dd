import JSZip from "jszip";
import { constants, deflateRawSync } from "node:zlib";
import { handXlsx } from "./hand-xlsx";

/**
 * Hostile .xlsx files, made in the test: a multi-GB part is a few MB zipped. A part is written as raw
 * DEFLATE blocks: a chunk compressed once with a full flush (byte-aligned, self-contained) can be repeated
 * any number of times, so a 5 GB part costs the compression of 1 MB.
 */

/** Raw DEFLATE of `data`, ended by a full flush (no final block): blocks that can be concatenated. */
function flushedBlocks(data: Buffer | string): Buffer {
  return deflateRawSync(typeof data === "string" ? Buffer.from(data, "utf8") : data, {
    finishFlush: constants.Z_FULL_FLUSH,
    level: 9,
  });
}

/** A part's deflated bytes: head once, body `repeat` times, tail once; and the inflated size. */
export function repeatedPart(
  head: string,
  body: Buffer | string,
  repeat: number,
  tail: string,
): { deflated: Buffer; size: number } {
  const bodyBytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  const block = flushedBlocks(bodyBytes);
  const parts = [
    flushedBlocks(head),
    ...Array.from({ length: repeat }, () => block),
    deflateRawSync(Buffer.from(tail, "utf8")),
  ];
  return {
    deflated: Buffer.concat(parts),
    size: Buffer.byteLength(head) + bodyBytes.length * repeat + Buffer.byteLength(tail),
  };
}

interface Entry {
  name: string;
  deflated: Buffer;
  size: number;
}

/** A zip of already-deflated entries (method 8, CRC left 0: the reader does not check it, as Excel does not need it to refuse a bomb). */
export function zipOf(entries: readonly Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const size = Math.min(e.size, 0xfffffffe);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** A valid one-sheet workbook (sheet "Salariés" with a few cells) whose part `replace` is swapped for `part`. */
export async function workbookWith(
  replace: string,
  part: { deflated: Buffer; size: number },
): Promise<Buffer> {
  const good = await JSZip.loadAsync(
    await handXlsx({
      sheets: [
        {
          name: "Salariés",
          sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row>',
        },
      ],
      sharedStrings: ["Nom"],
    }),
  );
  const entries: Entry[] = [];
  for (const name of Object.keys(good.files)) {
    if (good.files[name].dir || name === replace) continue;
    const data = await good.files[name].async("nodebuffer");
    entries.push({ name, deflated: deflateRawSync(data), size: data.length });
  }
  entries.push({ name: replace, ...part });
  return zipOf(entries);
}

const MB = 1024 * 1024;

/** A kilobyte of varied text (no "<", "&"): repeated, deflate gets ~80:1 from it, far from a bomb's ratio. */
function variedText(seed: number): string {
  let x = seed;
  let s = "";
  while (s.length < 1024) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    s += "abcdefghijklmnopqrstuvwxyzéèà0123456789 "[x % 40];
  }
  return s;
}

/** One file per hostile class, with the reason the reader must give. */
export async function hostileFiles(): Promise<
  { name: string; bytes: Buffer; reason: string | null; pattern: RegExp | null }[]
> {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const aMB = "a".repeat(MB);
  const sstHead = `<?xml version="1.0"?><sst ${ns}><si><t>`;
  const varied = variedText(7).repeat(1024); // 1 MB
  // 1 MB of short distinct-looking strings: 64 000 items, compressed about 4:1 (no bomb, just many).
  const letters = variedText(11) + variedText(12);
  const manyStrings = Array.from(
    { length: 64_000 },
    (_v, i) => `<si><t>${letters.slice(i % 2000, (i % 2000) + 3)}</t></si>`,
  ).join("");
  return [
    {
      name: "bombe-textes.xlsx",
      bytes: await workbookWith(
        "xl/sharedStrings.xml",
        repeatedPart(sstHead, aMB, 5 * 1024, "</t></si></sst>"),
      ),
      reason: "part-too-large",
      pattern: /xl\/sharedStrings\.xml \(textes partagés\) dépasse 64 Mo une fois décompressée/,
    },
    {
      name: "bombe-classeur.xlsx",
      bytes: await workbookWith(
        "xl/workbook.xml",
        repeatedPart(`<?xml version="1.0"?><workbook ${ns}><!--`, aMB, 4 * 1024, "--></workbook>"),
      ),
      reason: "part-too-large",
      pattern: /xl\/workbook\.xml \(liste des feuilles\) dépasse 64 Mo/,
    },
    {
      name: "bombe-styles.xlsx",
      bytes: await workbookWith(
        "xl/styles.xml",
        repeatedPart(
          `<?xml version="1.0"?><styleSheet ${ns}><numFmts><numFmt numFmtId="164" formatCode="`,
          aMB,
          3 * 1024,
          '"/></numFmts></styleSheet>',
        ),
      ),
      reason: "part-too-large",
      pattern: /xl\/styles\.xml \(styles\) dépasse 64 Mo/,
    },
    {
      name: "bombe-feuille.xlsx",
      bytes: await workbookWith(
        "xl/worksheets/sheet1.xml",
        repeatedPart(
          `<?xml version="1.0"?><worksheet ${ns}><sheetData>`,
          "<row/>".repeat(Math.floor(MB / 6)),
          200,
          "</sheetData></worksheet>",
        ),
      ),
      reason: "compression-bomb",
      pattern:
        /xl\/worksheets\/sheet1\.xml \(feuille « Salariés »\) : \d+ Mo décompressés depuis [\d\s]+ octets, soit plus de [\d\s]+ pour 1/,
    },
    {
      name: "textes-enormes.xlsx",
      bytes: await workbookWith(
        "xl/sharedStrings.xml",
        repeatedPart(sstHead, varied, 100, "</t></si></sst>"),
      ),
      reason: "part-too-large",
      pattern: /xl\/sharedStrings\.xml \(textes partagés\) dépasse 64 Mo/,
    },
    {
      name: "millions-de-textes.xlsx",
      bytes: await workbookWith(
        "xl/sharedStrings.xml",
        repeatedPart(`<?xml version="1.0"?><sst ${ns}>`, manyStrings, 40, "</sst>"),
      ),
      reason: "too-many-strings",
      pattern: /plus de 2.000.000 textes partagés/,
    },
    {
      // Against the old regular expressions: each "<si><t" started a scan to the end (> 120 s). Read in linear time.
      name: "retour-arriere-textes.xlsx",
      bytes: await workbookWith(
        "xl/sharedStrings.xml",
        repeatedPart(`<?xml version="1.0"?><sst ${ns}>`, "<si><t".repeat(100_000), 12, ""),
      ),
      reason: null,
      pattern: null,
    },
    {
      name: "retour-arriere-feuille.xlsx",
      bytes: await workbookWith(
        "xl/worksheets/sheet1.xml",
        repeatedPart(
          `<?xml version="1.0"?><x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row><x:row r="2">`,
          '<x:c a="1" '.repeat(50_000),
          12,
          "</x:row></x:sheetData></x:worksheet>",
        ),
      ),
      reason: null,
      pattern: null,
    },
  ];
}
