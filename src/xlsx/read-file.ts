import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import type { WorkbookData } from "../core";
import { isXlsxReadError, readError } from "./errors";
import { createInflateRaw } from "node:zlib";
import { readXlsxBytes, type InflateRaw, type ReadXlsxOptions } from "./read-buffer";
import { READ_LIMITS } from "./limits";

const FEED = 1 << 20;

/** Inflated chunks waiting for the parser before the inflater is paused. */
const QUEUE = 4;

/**
 * zlib raw inflate, streamed in 1 MB slices so a huge sheet can be abandoned early. Each chunk is handed
 * to onChunk on the next turn of the event loop, not inside zlib's callback: zlib then inflates the next
 * chunk on its thread while this one is parsed (on a 100 000-row sheet the main thread waited ~240 ms for zlib).
 */
export const zlibInflateRaw: InflateRaw = (compressed, onChunk) =>
  new Promise((resolve, reject) => {
    // Big output chunks: fewer round trips to the zlib thread (16 KB by default).
    const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
    const queue: Buffer[] = [];
    let done = false;
    let ended = false;
    let scheduled = false;
    let offset = 0;
    const stop = (error?: unknown) => {
      if (done) return;
      done = true;
      queue.length = 0;
      inflater.destroy();
      if (error === undefined) resolve();
      else reject(error);
    };
    const next = () => {
      scheduled = false;
      if (done) return;
      const chunk = queue.shift();
      if (chunk !== undefined) {
        let more: boolean;
        try {
          more = onChunk(chunk);
        } catch (e) {
          stop(e);
          return;
        }
        if (!more) return stop();
      }
      if (queue.length > 0) schedule();
      else if (ended) stop();
      else if (inflater.isPaused()) inflater.resume();
    };
    const schedule = () => {
      if (!scheduled) {
        scheduled = true;
        setImmediate(next);
      }
    };
    inflater.on("data", (chunk: Buffer) => {
      if (done) return;
      queue.push(chunk);
      if (queue.length >= QUEUE) inflater.pause();
      schedule();
    });
    inflater.on("error", (e) => stop(e));
    inflater.on("end", () => {
      ended = true;
      schedule();
    });
    const feed = () => {
      while (!done && offset < compressed.length) {
        const slice = compressed.subarray(offset, offset + FEED);
        offset += slice.length;
        if (!inflater.write(slice)) {
          inflater.once("drain", feed);
          return;
        }
      }
      if (!done && offset >= compressed.length) inflater.end();
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
    // Before reading it into memory: a file past the limit is refused on its size alone.
    const max = options.limits?.fileBytes ?? READ_LIMITS.fileBytes;
    if (st.size > max)
      throw readError(
        "file-too-large",
        name,
        `${Math.ceil(st.size / 1048576).toLocaleString("fr-FR")} Mo, au-delà de ${(max / 1048576).toLocaleString("fr-FR")} Mo`,
      );
    bytes = await readFile(path);
  } catch (e) {
    if (isXlsxReadError(e)) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "fichier introuvable"
        : code === "EACCES"
          ? "accès refusé"
          : (code ?? "erreur de lecture");
    throw readError("io", name, why);
  }
  return readXlsxBytes(bytes, { inflateRaw: zlibInflateRaw, ...options, name });
}
