import type { FileWorkbook } from "./components/App";
import { fromPlain } from "../core/errors/user-error";

/** Time the check of an opened file may take in its worker (a large report takes seconds). */
const FILE_TIMEOUT_MS = 60_000;

/**
 * File mode: opens a .xlsx in the browser through the .xlsx adapter. This module and the adapter
 * (jszip, ExcelJS for the annotated copy) load only when the user opens a file, so they stay out
 * of the initial bundle.
 */
export async function openFileWorkbook(file: File): Promise<FileWorkbook> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { XlsxWorkbook, annotateWorkbook, notKeptByAnnotation, readXlsxBytes } = await import(
    /* webpackChunkName: "xlsx" */ "../xlsx/index.js"
  );
  // Read once now so a broken file is reported when it is opened, with the reader's French reason; in a
  // worker where there is one, so a hostile file never freezes the page (it is refused within the limits).
  if (typeof Worker !== "undefined") {
    const { checkInWorker } = await import(
      /* webpackChunkName: "read-worker" */ "./consolidate/worker-client.mjs"
    );
    const problem = await checkInWorker(file.name, bytes.slice().buffer, FILE_TIMEOUT_MS);
    if (problem) throw fromPlain({ name: "UserError", ...problem, file: file.name });
  } else await readXlsxBytes(bytes, { name: file.name });
  const port = new XlsxWorkbook(bytes, file.name);
  return {
    name: file.name,
    port,
    annotated: async (reports, language) => {
      // Start from the file as edited in this session (saved mapping, inserted template) without
      // the session's own highlights, then add highlights and the Indicateurs sheet afresh.
      await port.clearHighlights();
      const base = await port.toBuffer();
      return {
        bytes: await annotateWorkbook(base, reports, { name: file.name, generatedAt: new Date(), language }),
        notKept: await notKeptByAnnotation(base),
      };
    },
  };
}
