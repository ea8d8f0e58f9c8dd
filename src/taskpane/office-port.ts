import type { WorkbookPort } from "../core";

/** The open workbook through Office.js (src/excel). Loaded on demand: only inside Excel. */
export function createOfficePort(): WorkbookPort {
  const missing = async (): Promise<never> => {
    throw new Error("L'adaptateur Excel n'est pas encore disponible dans cette version.");
  };
  return {
    read: missing,
    highlight: missing,
    clearHighlights: missing,
    select: missing,
    writeIndicators: missing,
    insertTemplate: missing,
    loadMapping: async () => null,
    saveMapping: missing,
  };
}
