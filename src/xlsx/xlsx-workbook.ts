import ExcelJS from "exceljs";
import {
  DEFAULT_CONFIG,
  EMPTY_SEND_STATE,
  extractMapping,
  extractSendState,
  findingsToHighlight,
  isIndicatorsSheetName,
  layoutIndicatorsSheets,
  withReceipts,
  SEND_SHEET,
  sendSheetCells,
  sendStateFromCells,
  MAPPING_SHEET,
  mappingSheetCells,
  type Analysis,
  type Finding,
  type Kind,
  type MappingOverride,
  type PendingSend,
  type ReadProgress,
  type SendReceiptRecord,
  type SendState,
  type WorkbookData,
  type WorkbookPort,
} from "../core";
import { canonicalTemplate } from "../core/template/canonical-template";
import { isXlsxReadError, readError } from "./errors";
import { UserError } from "../core/errors/user-error";
import { writeIndicatorsSheet } from "./indicators-sheet";
import { addCharts, type ColumnChartSpec } from "./xlsx-chart";
import { checkEveryPart, readXlsxBytes } from "./read-buffer";
import { addTemplateSheets } from "./write-template";

export const ERROR_FILL = "FFFFC7CE";
export const WARNING_FILL = "FFFFEB9C";

interface Saved {
  style: Partial<ExcelJS.Style>;
  comment: unknown;
}

/**
 * WorkbookPort over the bytes of an .xlsx file (browser-safe: works on an ArrayBuffer, no path).
 * Reading uses the lean reader; edits load the workbook with ExcelJS once and toBuffer() writes it.
 * Used by the CLI and by the add-in's file mode ("Télécharger le classeur annoté").
 */
export class XlsxWorkbook implements WorkbookPort {
  private wb: ExcelJS.Workbook | null = null;
  private readonly saved = new Map<string, Saved>();
  /** The Indicateurs sheets' charts, drawn into the bytes on saving (ExcelJS cannot write charts). */
  private charts: ColumnChartSpec[] = [];
  private bytes: Uint8Array;

  constructor(
    data: ArrayBuffer | Uint8Array,
    readonly name = "classeur",
    private readonly maxRows?: number,
  ) {
    this.bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  }

  private async workbook(): Promise<ExcelJS.Workbook> {
    if (this.wb) return this.wb;
    const wb = new ExcelJS.Workbook();
    try {
      // Validate with the lean reader first: it gives the precise French reason for a bad file.
      await readXlsxBytes(this.bytes, { name: this.name, maxRows: this.maxRows });
      // ExcelJS inflates every part, with no limit of its own.
      await checkEveryPart(this.bytes, { name: this.name });
      await wb.xlsx.load(this.bytes as unknown as ArrayBuffer);
    } catch (e) {
      if (isXlsxReadError(e)) throw e;
      throw readError("unreadable", this.name);
    }
    this.wb = wb;
    return wb;
  }

  async read(onProgress?: (p: ReadProgress) => void): Promise<WorkbookData> {
    const source = this.wb ? await this.toBuffer() : this.bytes;
    const data = await readXlsxBytes(source, {
      name: this.name,
      maxRows: this.maxRows,
    });
    const { data: clean } = extractMapping(extractSendState(data).data);
    for (const s of clean.sheets)
      onProgress?.({ sheet: s.name, rowsRead: s.rows.length, totalRows: s.rows.length });
    return clean;
  }

  /** `noteOf` words each cell's note: the core's French message unless the pane gives its own wording. */
  async highlight(
    findings: readonly Finding[],
    noteOf: (finding: Finding) => string = (f) => f.message,
  ): Promise<void> {
    const wb = await this.workbook();
    const notes = new Map<string, string[]>();
    const fills = new Map<string, string>();
    for (const f of findings) {
      if (!f.sheet || !f.cell || f.severity === "info") continue;
      const key = `${f.sheet}!${f.cell}`;
      const list = notes.get(key) ?? [];
      list.push(noteOf(f));
      notes.set(key, list);
      // Error wins over warning on the same cell.
      if (f.severity === "error" || !fills.has(key))
        fills.set(key, f.severity === "error" ? ERROR_FILL : WARNING_FILL);
    }
    for (const [key, color] of fills) {
      const bang = key.lastIndexOf("!");
      const ws = wb.getWorksheet(key.slice(0, bang));
      if (!ws) continue;
      const cell = ws.getCell(key.slice(bang + 1));
      if (!this.saved.has(key))
        this.saved.set(key, {
          style: cell.style,
          comment: (cell as unknown as { _comment: unknown })._comment,
        });
      // A fresh style object: ExcelJS may share one between cells of the same style.
      cell.style = { ...cell.style, fill: { type: "pattern", pattern: "solid", fgColor: { argb: color } } };
      cell.note = (notes.get(key) ?? []).join("\n");
    }
  }

  /** A file's cells do not move between highlighting and clearing: every one is restored (0 left as is). */
  async clearHighlights(): Promise<number> {
    if (!this.wb) return 0;
    for (const [key, s] of this.saved) {
      const bang = key.lastIndexOf("!");
      const ws = this.wb.getWorksheet(key.slice(0, bang));
      if (!ws) continue;
      const cell = ws.getCell(key.slice(bang + 1));
      cell.style = s.style;
      (cell as unknown as { _comment: unknown })._comment = s.comment;
    }
    this.saved.clear();
    return 0;
  }

  async select(): Promise<void> {
    // A file has no selection: nothing to do.
  }

  async writeIndicators(
    reports: readonly Analysis[],
    options: { generatedAt: Date; language: "fr" | "en" },
  ): Promise<void> {
    const wb = await this.workbook();
    this.charts = writeIndicatorsSheets(wb, reports, options, this.sendStateOf(wb));
  }

  async loadSendState(): Promise<SendState> {
    if (this.wb) return this.sendStateOf(this.wb);
    return extractSendState(await readXlsxBytes(this.bytes, { name: this.name, maxRows: this.maxRows }))
      .state;
  }

  async markSendPending(pending: PendingSend | null): Promise<void> {
    const wb = await this.workbook();
    this.saveSendState(wb, { ...this.sendStateOf(wb), pending });
  }

  async writeSendReceipts(
    receipts: readonly SendReceiptRecord[],
    reports: readonly Analysis[],
    options: { generatedAt: Date; language: "fr" | "en" },
  ): Promise<void> {
    const wb = await this.workbook();
    const state = withReceipts(this.sendStateOf(wb), receipts);
    this.saveSendState(wb, state);
    this.charts = writeIndicatorsSheets(wb, reports, options, state);
  }

  private sendStateOf(wb: ExcelJS.Workbook): SendState {
    const ws = wb.getWorksheet(SEND_SHEET);
    if (!ws) return EMPTY_SEND_STATE;
    return sendStateFromCells([1, 2, 3, 4].map((r) => [ws.getCell(r, 1).value]));
  }

  private saveSendState(wb: ExcelJS.Workbook, state: SendState): void {
    const ws = wb.getWorksheet(SEND_SHEET) ?? wb.addWorksheet(SEND_SHEET, { state: "veryHidden" });
    sendSheetCells(state).forEach(([value], i) => {
      ws.getCell(i + 1, 1).value = value;
    });
  }

  async insertTemplate(kind: Kind): Promise<void> {
    const wb = await this.workbook();
    const t = canonicalTemplate({ kind, exitMotifs: DEFAULT_CONFIG.exitMotifs });
    const clash = [t.sheets.structure, t.sheets.people, t.sheets.instructions].filter((n) =>
      wb.getWorksheet(n),
    );
    if (clash.length > 0) {
      throw new UserError("template.sheets-exist", { sheets: clash });
    }
    addTemplateSheets(wb, t);
  }

  async loadMapping(): Promise<MappingOverride | null> {
    const data = await readXlsxBytes(this.wb ? await this.toBuffer() : this.bytes, {
      name: this.name,
      maxRows: this.maxRows,
    });
    return extractMapping(data).mapping;
  }

  async saveMapping(mapping: MappingOverride | null): Promise<void> {
    const wb = await this.workbook();
    const existing = wb.getWorksheet(MAPPING_SHEET);
    if (existing) wb.removeWorksheet(existing.id);
    if (mapping === null) return;
    const ws = wb.addWorksheet(MAPPING_SHEET, { state: "veryHidden" });
    const [[marker], [json]] = mappingSheetCells(mapping);
    ws.getCell("A1").value = marker;
    ws.getCell("A2").value = json;
  }

  /** The workbook as .xlsx bytes (the original bytes when nothing was changed). */
  async toBuffer(): Promise<Uint8Array> {
    if (!this.wb) return this.bytes;
    return addCharts(new Uint8Array((await this.wb.xlsx.writeBuffer()) as ArrayBuffer), this.charts);
  }
}

/**
 * One sheet per report, each with its own receipt's "Envoi" block; our sheets of reports no longer present
 * go. Returns their charts, which are added when the workbook is saved.
 */
function writeIndicatorsSheets(
  wb: ExcelJS.Workbook,
  reports: readonly Analysis[],
  options: { generatedAt: Date; language: "fr" | "en" },
  state: SendState,
): ColumnChartSpec[] {
  const layouts = layoutIndicatorsSheets(reports, options, state);
  const names = layouts.map((l) => l.name);
  for (const ws of [...wb.worksheets])
    if (isIndicatorsSheetName(ws.name) && !names.includes(ws.name)) wb.removeWorksheet(ws.id);
  return layouts.flatMap((layout) => writeIndicatorsSheet(wb, layout) ?? []);
}

/**
 * The add-in's file mode: fills invalid cells of every report (error red, warning
 * amber) with the message as a note, and adds or refreshes one "Indicateurs" sheet per report. Works on
 * bytes, not a path.
 */
export async function annotateWorkbook(
  data: ArrayBuffer | Uint8Array,
  reports: readonly Analysis[],
  options: {
    name?: string;
    generatedAt: Date;
    language?: "fr" | "en";
    noteOf?: (finding: Finding) => string;
  },
): Promise<Uint8Array> {
  const book = new XlsxWorkbook(data, options.name);
  await book.highlight(findingsToHighlight(reports).findings, options.noteOf);
  await book.writeIndicators(reports, {
    generatedAt: options.generatedAt,
    language: options.language ?? "fr",
  });
  return book.toBuffer();
}
