import type { Analysis } from "../core";
import type { FileWorkbook } from "./components/App";
import type { Language } from "./i18n/i18n";

/**
 * File mode: opens a .xlsx in the browser through the .xlsx adapter. This module and the adapter
 * (jszip, the annotator) are only loaded when the user opens a file, so they stay out of the
 * initial bundle.
 */
export async function openFileWorkbook(file: File): Promise<FileWorkbook> {
  const bytes = await file.arrayBuffer();
  const { readXlsxBytes } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/read-buffer.js");
  const data = await readXlsxBytes(bytes, { name: file.name });
  let highlighted: readonly unknown[] = [];
  return {
    name: file.name,
    port: {
      read: async (onProgress) => {
        for (const s of data.sheets)
          onProgress?.({ sheet: s.name, rowsRead: s.rows.length, totalRows: s.rows.length });
        return data;
      },
      highlight: async (findings) => {
        highlighted = findings;
      },
      clearHighlights: async () => {
        highlighted = [];
      },
      // A file has no selection: the pane shows the selected cell itself.
      select: async () => undefined,
      writeIndicators: async () => undefined,
      insertTemplate: async () => {
        throw new Error("Créer le modèle n'est possible que dans Excel.");
      },
      loadMapping: async () => null,
      saveMapping: async () => undefined,
    },
    annotated: async (_analysis: Analysis, _language: Language) => {
      void highlighted;
      throw new Error("Le classeur annoté n'est pas encore disponible dans cette version.");
    },
  };
}
