import type { WorkbookPort } from "../core";
import { OfficeWorkbook, officeDeps } from "../excel";

/** The open workbook through Office.js (src/excel). Loaded on demand: only inside Excel. */
export function createOfficePort(): WorkbookPort {
  return new OfficeWorkbook(officeDeps());
}
