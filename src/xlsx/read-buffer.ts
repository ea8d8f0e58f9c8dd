import JSZip from "jszip";
import type { SheetData, TableRange, WorkbookData } from "../core";
import { isXlsxReadError, readError } from "./errors";
import { parseDateStyles } from "./styles";
import {
  RowTooLong,
  SheetParser,
  TooManyCells,
  TooManyFormulas,
  TooManyMerges,
  TooManyRows,
  type ParsedSheet,
} from "./sheet-parser";
import {
  parseSharedStrings,
  parseTableXml,
  parseTables,
  sheetRelsPath,
  workbookSheets,
  worksheetTargets,
} from "./parts";
import { attr, firstElement } from "./xml";
import { InflateMeter, partLabel, READ_LIMITS, type ReadLimits } from "./limits";
import { compressedSize, entryText, streamEntry, type InflateRaw } from "./zip-entry";

export type { InflateRaw } from "./zip-entry";

/**
 * Default row limit. No SIAE reports anywhere near this many paths (the biggest have a few thousand),
 * and Excel on the web cannot open more than 5 000 000 cells anyway: past it the file is a mistake
 * (a million formatted empty rows, a pasted export), and reading on would only burn memory.
 */
export const DEFAULT_MAX_ROWS = 500_000;

/**
 * Formula cells read per workbook. A 100 000-row report with ten formula columns has a million; each costs
 * a small object, and past this the file is not a report.
 */
export const MAX_FORMULAS = 1_000_000;

/** Merged ranges read per workbook: a report merges a few headers; past this it is damage or a trap. */
export const MAX_MERGES = 100_000;

export interface ReadXlsxOptions {
  /** File name for messages and WorkbookData.name. */
  name?: string;
  maxRows?: number;
  /** Called after each sheet is read. */
  onSheet?: (sheet: string, index: number, total: number) => void;
  /** Called as rows are read: every `progressEvery` rows and at each sheet's end (the pane's progress bar). */
  onRows?: (progress: RowsProgress) => void;
  /** Rows between two onRows calls (1 000 by default). */
  progressEvery?: number;
  /** Native raw-DEFLATE inflater (Node: zlib, see read-file.ts); jszip's portable one otherwise. */
  inflateRaw?: InflateRaw;
  /** Reading limits (READ_LIMITS by default; tests lower them). */
  limits?: Partial<ReadLimits>;
}

/** Rows read so far, all sheets together, and an estimate of the total from the sheets' declared dimensions. */
export interface RowsProgress {
  /** The sheet being read. */
  sheet: string;
  rowsRead: number;
  /**
   * Rows read in the sheets before, plus the row counts the current and the later sheets declare (the current
   * one's rows read when more); null unless each of them declares one.
   */
  rowsEstimate: number | null;
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

/** What a non-zip file most likely is, to tell the user (the extension lies when a file was renamed). */
function guessKind(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 64));
  if (head.startsWith("%PDF")) return "c'est un PDF";
  if (/^\s*<(!doctype html|html)/i.test(head)) return "c'est une page HTML";
  if (/^\s*<\?xml/.test(head)) return "c'est un fichier XML (ancien format « Feuille de calcul XML 2003 » ?)";
  if (head.startsWith("{\\rtf")) return "c'est un document RTF";
  let printable = 0;
  const n = Math.min(bytes.length, 512);
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 9 || b === 10 || b === 13 || b >= 32) printable++;
  }
  if (n > 0 && printable / n > 0.95) return "c'est un fichier texte, par exemple un CSV";
  return undefined;
}

/** Where the zip's end-of-central-directory record starts, -1 when absent (truncated copies). */
function endOfCentralDirectory(bytes: Uint8Array): number {
  const stop = Math.max(0, bytes.length - 65557);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06)
      return i;
  }
  return -1;
}

/** The entry count the end-of-central-directory record declares (0xFFFF: more, in a zip64 record). */
function declaredEntries(bytes: Uint8Array, eocd: number): number {
  return bytes[eocd + 10] | (bytes[eocd + 11] << 8);
}

/** What reading a zip needs at hand: the zip, the meter of inflated bytes, the inflater. */
interface Reading {
  zip: JSZip;
  name: string;
  meter: InflateMeter;
  inflateRaw?: InflateRaw;
}

/** An entry by path, case-insensitively when the exact case is absent (some writers differ). */
function entry(zip: JSZip, path: string): JSZip.JSZipObject | null {
  return (
    zip.file(path) ?? zip.file(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "i"))[0] ?? null
  );
}

/** The text of a part other than a worksheet (kept whole while read, so held to the part limit), or null when absent. */
async function text(r: Reading, path: string): Promise<string | null> {
  const f = entry(r.zip, path);
  if (!f) return null;
  return entryText(
    f,
    r.meter.part(partLabel(f.name), r.meter.limits.partBytes, compressedSize(f)),
    r.inflateRaw,
  );
}

/**
 * Reads .xlsx bytes into WorkbookData (browser-safe: no Node import). Every problem becomes an
 * `read.*` UserError with a stable reason and a French message naming the file.
 */
export async function readXlsxBytes(
  data: ArrayBuffer | Uint8Array,
  options: ReadXlsxOptions = {},
): Promise<WorkbookData> {
  const name = options.name ?? "classeur";
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length === 0) throw readError("empty-file", name);
  if (startsWith(bytes, OLE_SIGNATURE)) throw readError("protected-or-xls", name);
  const isZip =
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7);
  if (!isZip) throw readError("not-zip", name, guessKind(bytes));
  const limits: ReadLimits = { ...READ_LIMITS, ...options.limits };
  const zip = await openZip(bytes, name, limits);
  return damagedAsReadError(name, () =>
    readZip(
      { zip, name, meter: new InflateMeter(name, limits), inflateRaw: options.inflateRaw },
      maxRows,
      options,
    ),
  );
}

/** The zip of a file past the checks that need no inflating: its size, its end record, its entry count. */
async function openZip(bytes: Uint8Array, name: string, limits: ReadLimits): Promise<JSZip> {
  const fr = (n: number) => n.toLocaleString("fr-FR");
  if (bytes.length > limits.fileBytes)
    throw readError(
      "file-too-large",
      name,
      `${fr(Math.ceil(bytes.length / 1048576))} Mo, au-delà de ${fr(limits.fileBytes / 1048576)} Mo`,
    );
  const eocd = endOfCentralDirectory(bytes);
  if (eocd < 0) throw readError("truncated", name);
  const entries = declaredEntries(bytes, eocd);
  if (entries > limits.entries)
    throw readError(
      "too-many-parts",
      name,
      `${fr(entries)} éléments dans l'archive, au-delà de ${fr(limits.entries)}`,
    );
  try {
    return await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw readError("truncated", name);
  }
}

/** Runs a read; what is not already a read error (inflate errors, bad CRC and the like) says the zip is damaged. */
async function damagedAsReadError<T>(name: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (isXlsxReadError(e)) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    if (/corrupt|invalid|end of data|crc|inflate|unexpected/i.test(msg)) throw readError("truncated", name);
    throw readError("unreadable", name);
  }
}

/**
 * Inflates every part of the file, counting and keeping nothing, against the same limits. For what loads the
 * whole package afterwards (ExcelJS, to write the annotated copy): it reads parts the lean reader never opens
 * (drawings, media, properties), so a bomb hidden there must be refused first.
 */
export async function checkEveryPart(
  data: ArrayBuffer | Uint8Array,
  options: Pick<ReadXlsxOptions, "name" | "inflateRaw" | "limits"> = {},
): Promise<void> {
  const name = options.name ?? "classeur";
  const limits: ReadLimits = { ...READ_LIMITS, ...options.limits };
  const zip = await openZip(data instanceof Uint8Array ? data : new Uint8Array(data), name, limits);
  const meter = new InflateMeter(name, limits);
  await damagedAsReadError(name, async () => {
    for (const file of Object.values(zip.files)) {
      if (file.dir) continue;
      const max = /^xl\/worksheets\//i.test(file.name) ? limits.worksheetBytes : limits.partBytes;
      const count = meter.part(partLabel(file.name), max, compressedSize(file));
      await streamEntry(file, (chunk) => count(chunk.length), options.inflateRaw);
    }
  });
}

async function readZip(r: Reading, maxRows: number, options: ReadXlsxOptions): Promise<WorkbookData> {
  const { zip, name, meter } = r;
  const workbookXml = await text(r, "xl/workbook.xml");
  if (workbookXml === null) {
    if (zip.file("xl/workbook.bin")) throw readError("not-xlsx", name, "classeur binaire .xlsb");
    if (zip.file("word/document.xml")) throw readError("not-xlsx", name, "c'est un document Word");
    if (zip.file("content.xml")) throw readError("not-xlsx", name, "c'est un fichier OpenDocument .ods");
    if (zip.file("ppt/presentation.xml"))
      throw readError("not-xlsx", name, "c'est une présentation PowerPoint");
    throw readError("not-xlsx", name);
  }
  const pr = firstElement(workbookXml, "workbookPr");
  const d1904 = pr ? attr(pr.attrs, "date1904") : null;
  const date1904 = d1904 === "1" || d1904 === "true";

  const targets = worksheetTargets((await text(r, "xl/_rels/workbook.xml.rels")) ?? "");
  const sheets = workbookSheets(workbookXml, targets, meter.limits.sheets, name);
  if (sheets.length === 0) throw readError("no-sheet", name);

  const sharedStrings = parseSharedStrings(
    await text(r, "xl/sharedStrings.xml"),
    meter.limits.sharedStrings,
    name,
  );
  const dateStyles = parseDateStyles(await text(r, "xl/styles.xml"), meter.limits, name);
  const out: SheetData[] = [];
  let cells = 0;
  let formulas = 0;
  let merges = 0;
  const every = options.progressEvery ?? 1000;
  // Every sheet's declared size up front: a small first sheet must not read as « 8 lignes lues sur ~8 ».
  const declaredSizes: (number | null)[] = [];
  if (options.onRows)
    for (const s of sheets) {
      const file = zip.file(s.path);
      // A listed sheet without its part is skipped below: nothing to count.
      declaredSizes.push(file ? await peekDeclaredRows(file, r.inflateRaw) : 0);
    }
  // A total only when the sheets still to read all declare their size: a guess would be a wrong figure.
  const laterSizes = (i: number): number | null =>
    declaredSizes.slice(i + 1).reduce<number | null>((n, d) => (n === null || d === null ? null : n + d), 0);
  for (let i = 0; i < sheets.length; i++) {
    const s = sheets[i];
    const file = zip.file(s.path);
    if (!file) continue;
    const parser = new SheetParser({
      sharedStrings,
      dateStyles,
      date1904,
      maxRows,
      maxFormulas: MAX_FORMULAS - formulas,
      maxMerges: MAX_MERGES - merges,
    });
    let parsed: ParsedSheet;
    const onRows = options.onRows;
    // onRows is called once per `every` rows: free when unused.
    const declared = declaredSizes[i] ?? null;
    const later = onRows ? laterSizes(i) : null;
    let next = every;
    try {
      const count = meter.part(
        partLabel(file.name, s.name),
        meter.limits.worksheetBytes,
        compressedSize(file),
      );
      await streamEntry(
        file,
        (chunk) => {
          count(chunk.length);
          parser.push(chunk);
          if (onRows && parser.rowCount >= next) {
            next = parser.rowCount + every;
            onRows({
              sheet: s.name,
              rowsRead: cells + parser.rowCount,
              rowsEstimate:
                declared === null || later === null
                  ? null
                  : cells + Math.max(declared, parser.rowCount) + later,
            });
          }
        },
        r.inflateRaw,
      );
      parsed = parser.finish(s.name);
    } catch (e) {
      throw sheetError(e, name, s.name, maxRows);
    }
    if (onRows) {
      const rowsRead = cells + parsed.rows.length;
      onRows({ sheet: s.name, rowsRead, rowsEstimate: later === null ? null : rowsRead + later });
    }
    formulas += parsed.formulas.length;
    merges += parsed.merges.length;
    const { tableRelIds, ...sheet } = parsed;
    const tables = tableRelIds.length === 0 ? [] : await readTables(r, s.path, tableRelIds);
    cells += sheet.rows.length;
    out.push({ ...sheet, tables });
    options.onSheet?.(s.name, i + 1, sheets.length);
  }
  if (cells === 0) throw readError("no-cells", name);
  return { name, sheets: out, date1904 };
}

/**
 * The row count a worksheet declares in <dimension ref="A1:Y30001"/> (before its rows, in the first chunk);
 * null when absent or a single cell ("A1", what some writers put for any size).
 */
export function declaredRows(chunk: Uint8Array): number | null {
  const head = new TextDecoder().decode(chunk.subarray(0, 4096));
  const m = /<(?:\w+:)?dimension\s+ref="[A-Z]*(\d+)(?::[A-Z]*(\d+))?"/.exec(head);
  if (!m || m[2] === undefined) return null;
  return Number(m[2]) - Number(m[1]) + 1;
}

/** What a sheet declares from its first inflated chunk only; null for a sheet the real read will report on. */
async function peekDeclaredRows(file: JSZip.JSZipObject, inflateRaw?: InflateRaw): Promise<number | null> {
  const enough = new Error("first chunk read");
  let declared: number | null = null;
  try {
    await streamEntry(
      file,
      (chunk) => {
        declared = declaredRows(chunk);
        throw enough;
      },
      inflateRaw,
    );
  } catch (e) {
    if (e !== enough) return null;
  }
  return declared;
}

/** The Excel Tables of a sheet, from its relationships part and each table part. */
async function readTables(r: Reading, sheetPath: string, relIds: readonly string[]): Promise<TableRange[]> {
  const rels = (await text(r, sheetRelsPath(sheetPath))) ?? "";
  const tables: TableRange[] = [];
  for (const path of parseTables(rels, sheetPath, relIds)) {
    const xml = await text(r, path);
    const table = xml === null ? null : parseTableXml(xml);
    if (table) tables.push(table);
  }
  return tables;
}

/** The `read.*` UserError for what stopped a sheet's parser (the limits), or the error itself. */
function sheetError(e: unknown, file: string, sheet: string, maxRows: number): unknown {
  const fr = (n: number) => n.toLocaleString("fr-FR");
  if (e instanceof TooManyRows) {
    return readError(
      "too-many-rows",
      file,
      `la feuille « ${sheet} » dépasse ${fr(maxRows)} lignes ; lecture arrêtée à la ligne ${fr(e.row)}`,
    );
  }
  if (e instanceof RowTooLong)
    return readError("too-many-rows", file, `une ligne de la feuille « ${sheet} » dépasse 64 Mo de données`);
  if (e instanceof TooManyCells) {
    return readError(
      "too-many-cells",
      file,
      `la feuille « ${sheet} » va jusqu'à la cellule ${e.lastCell}, soit ${fr(e.cells)} cellules`,
    );
  }
  if (e instanceof TooManyFormulas) {
    return readError(
      "too-many-formulas",
      file,
      `plus de ${fr(MAX_FORMULAS)} cellules avec formule, limite atteinte dans la feuille « ${sheet} »`,
    );
  }
  if (e instanceof TooManyMerges) {
    return readError(
      "too-many-merges",
      file,
      `plus de ${fr(MAX_MERGES)} plages de cellules fusionnées, limite atteinte dans la feuille « ${sheet} »`,
    );
  }
  return e;
}
