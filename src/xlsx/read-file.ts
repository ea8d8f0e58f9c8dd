import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import type { WorkbookData } from "../core";
import { readError } from "./errors";
import { readXlsxBytes, type ReadXlsxOptions } from "./read-buffer";

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
  return readXlsxBytes(bytes, { ...options, name });
}
