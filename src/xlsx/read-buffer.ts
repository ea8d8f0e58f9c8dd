import JSZip from "jszip";
import type { SheetData, WorkbookData } from "../core";
import { readError, XlsxReadError } from "./errors";
import { parseDateStyles } from "./styles";
import { RowTooLong, SheetParser, TooManyCells, TooManyRows } from "./sheet-parser";
import { attr, textOfRuns } from "./xml";

/**
 * Default row limit. No SIAE reports anywhere near this many paths (the biggest have a few thousand),
 * and Excel on the web cannot open more than 5 000 000 cells anyway: past it the file is a mistake
 * (a million formatted empty rows, a pasted export), and reading on would only burn memory.
 */
export const DEFAULT_MAX_ROWS = 500_000;

export interface ReadXlsxOptions {
  /** File name for messages and WorkbookData.name. */
  name?: string;
  maxRows?: number;
  /** Called after each sheet is read. */
  onSheet?: (sheet: string, index: number, total: number) => void;
  /**
   * Native raw-DEFLATE inflater (Node: zlib, see read-file.ts), ten times faster than the portable
   * one. It calls onChunk for each inflated chunk and stops when onChunk returns false.
   */
  inflateRaw?: InflateRaw;
}

export type InflateRaw = (compressed: Uint8Array, onChunk: (chunk: Uint8Array) => boolean) => Promise<void>;

/** jszip's internal view of an entry (stable across jszip 3.x): compressed bytes and method. */
interface CompressedEntry {
  compressedContent?: Uint8Array;
  compression?: { magic?: string };
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

/** True when the zip's end-of-central-directory record is present (absent in truncated copies). */
function hasEndOfCentralDirectory(bytes: Uint8Array): boolean {
  const stop = Math.max(0, bytes.length - 65557);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return true;
  }
  return false;
}

function resolveTarget(target: string): string {
  // Targets are relative to xl/ (or absolute from the package root).
  if (target.startsWith("/")) return target.slice(1);
  const parts = ("xl/" + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

/** The deflated bytes of an entry, when the native inflater can take them (jszip's internals, see CompressedEntry). */
function deflatedContent(file: JSZip.JSZipObject): Uint8Array | null {
  const entry = (file as unknown as { _data?: CompressedEntry })._data;
  return entry?.compressedContent && entry.compression?.magic === "\x08\x00" ? entry.compressedContent : null;
}

async function text(zip: JSZip, path: string, inflateRaw?: InflateRaw): Promise<string | null> {
  const f = zip.file(path) ?? zip.file(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "i"))[0] ?? null;
  if (!f) return null;
  const deflated = inflateRaw ? deflatedContent(f) : null;
  if (inflateRaw && deflated) {
    // Native inflate and decoding: the shared strings of a big report are megabytes (jszip's own inflate and
    // UTF-8 decoding take several times longer).
    const decoder = new TextDecoder("utf-8");
    const parts: string[] = [];
    await inflateRaw(deflated, (chunk) => {
      parts.push(decoder.decode(chunk, { stream: true }));
      return true;
    });
    parts.push(decoder.decode());
    return parts.join("");
  }
  return f.async("string");
}

function parseSharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const re = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) out.push(m[1] === undefined ? "" : textOfRuns(m[1]));
  return out;
}

/** Streams one zip entry through the sheet parser, so a huge sheet stops early instead of filling memory. */
async function parseSheetEntry(file: JSZip.JSZipObject, parser: SheetParser, inflateRaw?: InflateRaw): Promise<void> {
  const deflated = inflateRaw ? deflatedContent(file) : null;
  if (inflateRaw && deflated) {
    let error: unknown = null;
    await inflateRaw(deflated, (chunk) => {
      try {
        parser.push(chunk);
        return true;
      } catch (e) {
        error = e;
        return false;
      }
    });
    if (error) throw error;
    return;
  }
  return new Promise((resolve, reject) => {
    // internalStream exists at runtime (jszip 3) but is not in its typings. Bytes: the parser scans
    // them as they are (jszip's own UTF-8 decoding is several times slower).
    const stream = (file as unknown as { internalStream(type: "uint8array"): StreamHelper }).internalStream("uint8array");
    let failed = false;
    stream
      .on("data", (chunk: Uint8Array) => {
        if (failed) return;
        try {
          parser.push(chunk);
        } catch (e) {
          failed = true;
          stream.pause();
          reject(e);
        }
      })
      .on("error", (e: unknown) => {
        if (!failed) {
          failed = true;
          reject(e);
        }
      })
      .on("end", () => {
        if (failed) return;
        resolve();
      })
      .resume();
  });
}

interface StreamHelper {
  on(event: "data", cb: (chunk: Uint8Array) => void): StreamHelper;
  on(event: "error", cb: (e: unknown) => void): StreamHelper;
  on(event: "end", cb: () => void): StreamHelper;
  resume(): StreamHelper;
  pause(): StreamHelper;
}

/**
 * Reads .xlsx bytes into WorkbookData (browser-safe: no Node import). Every problem becomes an
 * XlsxReadError with a stable reason and a French message naming the file.
 */
export async function readXlsxBytes(data: ArrayBuffer | Uint8Array, options: ReadXlsxOptions = {}): Promise<WorkbookData> {
  const name = options.name ?? "classeur";
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length === 0) throw readError("empty-file", name);
  if (startsWith(bytes, OLE_SIGNATURE)) throw readError("protected-or-xls", name);
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7);
  if (!isZip) throw readError("not-zip", name, guessKind(bytes));
  if (!hasEndOfCentralDirectory(bytes)) throw readError("truncated", name);

  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw readError("truncated", name);
  }
  try {
    return await readZip(zip, name, maxRows, options);
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    if (e instanceof TooManyRows) throw e;
    // Inflate errors, bad CRC and the like: the zip is damaged.
    const msg = e instanceof Error ? e.message : String(e);
    if (/corrupt|invalid|end of data|crc|inflate|unexpected/i.test(msg)) throw readError("truncated", name);
    throw readError("unreadable", name);
  }
}

async function readZip(zip: JSZip, name: string, maxRows: number, options: ReadXlsxOptions): Promise<WorkbookData> {
  const workbookXml = await text(zip, "xl/workbook.xml", options.inflateRaw);
  if (workbookXml === null) {
    if (zip.file("xl/workbook.bin")) throw readError("not-xlsx", name, "classeur binaire .xlsb");
    if (zip.file("word/document.xml")) throw readError("not-xlsx", name, "c'est un document Word");
    if (zip.file("content.xml")) throw readError("not-xlsx", name, "c'est un fichier OpenDocument .ods");
    if (zip.file("ppt/presentation.xml")) throw readError("not-xlsx", name, "c'est une présentation PowerPoint");
    throw readError("not-xlsx", name);
  }
  const prMatch = /<(?:\w+:)?workbookPr\b([^>]*?)\/?>/.exec(workbookXml);
  const d1904 = prMatch ? attr(prMatch[1], "date1904") : null;
  const date1904 = d1904 === "1" || d1904 === "true";

  const relsXml = (await text(zip, "xl/_rels/workbook.xml.rels", options.inflateRaw)) ?? "";
  const targets = new Map<string, string>();
  const relRe = /<(?:\w+:)?Relationship\b([^>]*?)\/?>/g;
  let m: RegExpExecArray | null;
  while ((m = relRe.exec(relsXml)) !== null) {
    const id = attr(m[1], "Id");
    const target = attr(m[1], "Target");
    const type = attr(m[1], "Type") ?? "";
    if (id && target && /\/worksheet$/.test(type)) targets.set(id, resolveTarget(target));
  }
  const sheets: { name: string; path: string }[] = [];
  const sheetRe = /<(?:\w+:)?sheet\b([^>]*?)\/?>/g;
  while ((m = sheetRe.exec(workbookXml)) !== null) {
    const sheetName = attr(m[1], "name");
    const rid = attr(m[1], "id");
    const path = rid ? targets.get(rid) : undefined;
    if (sheetName !== null && path) sheets.push({ name: sheetName, path });
  }
  if (sheets.length === 0) throw readError("no-sheet", name);

  const sharedStrings = parseSharedStrings(await text(zip, "xl/sharedStrings.xml", options.inflateRaw));
  const dateStyles = parseDateStyles(await text(zip, "xl/styles.xml", options.inflateRaw));
  const out: SheetData[] = [];
  let cells = 0;
  for (let i = 0; i < sheets.length; i++) {
    const s = sheets[i];
    const file = zip.file(s.path);
    if (!file) continue;
    const parser = new SheetParser({ sharedStrings, dateStyles, date1904, maxRows });
    try {
      await parseSheetEntry(file, parser, options.inflateRaw);
    } catch (e) {
      if (e instanceof TooManyRows) {
        throw readError(
          "too-many-rows",
          name,
          `la feuille « ${s.name} » dépasse ${maxRows.toLocaleString("fr-FR")} lignes ; lecture arrêtée à la ligne ${e.row.toLocaleString("fr-FR")}`,
        );
      }
      if (e instanceof RowTooLong) {
        throw readError("too-many-rows", name, `une ligne de la feuille « ${s.name} » dépasse 64 Mo de données`);
      }
      throw e;
    }
    let sheet: SheetData;
    try {
      sheet = parser.finish(s.name);
    } catch (e) {
      if (!(e instanceof TooManyCells)) throw e;
      const n = e.cells.toLocaleString("fr-FR");
      throw readError("too-many-cells", name, `la feuille « ${s.name} » va jusqu'à la cellule ${e.lastCell}, soit ${n} cellules`);
    }
    cells += sheet.rows.length;
    out.push(sheet);
    options.onSheet?.(s.name, i + 1, sheets.length);
  }
  if (cells === 0) throw readError("no-cells", name);
  return { name, sheets: out, date1904 };
}
