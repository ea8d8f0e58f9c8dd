import type { FileWorkbook } from "./components/App";
import { checkFile } from "./file-check/check-off-thread";

/**
 * File mode: opens a .xlsx in the browser through the .xlsx adapter. This module and the adapter
 * (jszip, ExcelJS for the annotated copy) load only when the user opens a file, so they stay out
 * of the initial bundle. The check (read and analysis) runs in a Web Worker where there is one.
 */
export async function openFileWorkbook(file: File): Promise<FileWorkbook> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { XlsxWorkbook, annotateWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/index.js");
  const port = new XlsxWorkbook(bytes, file.name);
  return {
    name: file.name,
    port,
    check: async (config, onProgress, signal) => {
      // The file as edited in this session (saved mapping, inserted template): the original bytes when unchanged.
      const current = await port.toBuffer();
      const runInWorker =
        typeof Worker === "undefined"
          ? null
          : (await import(/* webpackChunkName: "file-check" */ "./file-check/file-check-client.mjs"))
              .checkInWorker;
      return checkFile(file.name, current, config, onProgress, signal, runInWorker);
    },
    annotated: async (reports, language) => {
      // Start from the file as edited in this session (saved mapping, inserted template) without
      // the session's own highlights, then add highlights and the Indicateurs sheet afresh.
      await port.clearHighlights();
      const base = await port.toBuffer();
      return annotateWorkbook(base, reports, { name: file.name, generatedAt: new Date(), language });
    },
  };
}
