import type { FileWorkbook } from "./components/App";
import { checkFile } from "./file-check/check-off-thread";
import { LazyFilePort } from "./file-port";
import { findingText } from "./finding-text";

/**
 * File mode: opens a .xlsx in the browser. This module loads when the user opens a file, the .xlsx adapter
 * (ExcelJS) when the user highlights, edits or downloads, so neither is in the initial bundle; the check (read
 * and analysis) runs in a Web Worker where there is one.
 */
export async function openFileWorkbook(file: File): Promise<FileWorkbook> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const port = new LazyFilePort(bytes, file.name);
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
      const { annotateWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/xlsx-workbook.js");
      const { notKeptByAnnotation } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/not-kept.js");
      return {
        // The notes on highlighted cells are worded like the findings in the pane, in its language.
        bytes: await annotateWorkbook(base, reports, {
          name: file.name,
          generatedAt: new Date(),
          language,
          noteOf: (finding) => findingText(finding, language),
        }),
        notKept: await notKeptByAnnotation(base),
      };
    },
  };
}
