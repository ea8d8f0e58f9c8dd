import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import type { WorkbookData } from "../core";
import { readError } from "./errors";
import { createInflateRaw } from "node:zlib";
import { readXlsxBytes, type InflateRaw, type ReadXlsxOptions } from "./read-buffer";

const FEED = 1 << 20;

/** zlib raw inflate, streamed in 1 MB slices so a huge sheet can be abandoned early. */
export const zlibInflateRaw: InflateRaw = (compressed, onChunk) =>
  new Promise((resolve, reject) => {
    // Big output chunks: fewer round trips to the zlib thread (16 KB by default).
    const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
    let stopped = false;
    let offset = 0;
    inflater.on("data", (chunk: Buffer) => {
      if (stopped) return;
      if (!onChunk(chunk)) {
        stopped = true;
        inflater.destroy();
        resolve();
      }
    });
    inflater.on("error", (e) => {
      if (!stopped) reject(e);
    });
    inflater.on("end", () => {
      if (!stopped) resolve();
    });
    const feed = () => {
      while (!stopped && offset < compressed.length) {
        const slice = compressed.subarray(offset, offset + FEED);
        offset += slice.length;
        if (!inflater.write(slice)) {
          inflater.once("drain", feed);
          return;
        }
      }
      if (!stopped && offset >= compressed.length) inflater.end();
    };
    feed();
  });

/**
 * Reads an .xlsx file from disk (Node only). The compressed file is loaded whole (small: a 100 000-row
 * report is a few MB) and each sheet is inflated as a stream, so memory stays near the cell arrays.
 */
export async function readXlsxFile(path: string, options: ReadXlsxOptions = {}): Promise<WorkbookData> {
  const name = options.name ?? basename(path);
  let bytes: Buffer;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw readError("io", name, "c'est un dossier");
    bytes = await readFile(path);
  } catch (e) {
    if (e instanceof Error && e.name === "XlsxReadError") throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "fichier introuvable" : code === "EACCES" ? "accès refusé" : code ?? "erreur de lecture";
    throw readError("io", name, why);
  }
  return readXlsxBytes(bytes, { inflateRaw: zlibInflateRaw, ...options, name });
}
