import type { FileWorkbook } from "./components/App";

/**
 * File mode: opens a .xlsx in the browser through the .xlsx adapter. This module and the adapter
 * (jszip, ExcelJS for the annotated copy) load only when the user opens a file, so they stay out
 * of the initial bundle.
 */
export async function openFileWorkbook(file: File): Promise<FileWorkbook> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { XlsxWorkbook, annotateWorkbook, readXlsxBytes } = await import(
    /* webpackChunkName: "xlsx" */ "../xlsx/index.js"
  );
  // Read once now so a broken file is reported when it is opened, with the reader's French reason.
  await readXlsxBytes(bytes, { name: file.name });
  const port = new XlsxWorkbook(bytes, file.name);
  return {
    name: file.name,
    port,
    annotated: async (analysis, language) => {
      // Start from the file as edited in this session (saved mapping, inserted template) without
      // the session's own highlights, then add highlights and the Indicateurs sheet afresh.
      await port.clearHighlights();
      const base = await port.toBuffer();
      return annotateWorkbook(base, analysis, { name: file.name, generatedAt: new Date(), language });
    },
  };
}
