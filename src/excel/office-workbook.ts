import {
  extractMapping,
  isIndicatorsSheetName,
  layoutIndicatorsSheets,
  withReceipts,
  type Analysis,
  type ChangeWatch,
  type ConsolidationSheetsPort,
  type Finding,
  type LiveCheckPort,
  type RowBlock,
  type RowBlockCells,
  type SheetChange,
  type Kind,
  type MappingOverride,
  type PendingSend,
  type ReadProgress,
  type ReportSheet,
  type SendReceiptRecord,
  type SendState,
  type WorkbookData,
  type WorkbookPort,
} from "../core";
import { normalizeCell } from "./address";
import { applyHighlights, cellsToHighlight, restoreHighlights } from "./highlight";
import { adoptSavedHighlights, updateHighlights, type LiveHighlights } from "./highlight-rows";
import { readRowBlocks } from "./read-rows";
import { watchSheetChanges } from "./watch-changes";
import { insertTemplateSheets } from "./insert-template";
import { loadMappingSheet, saveMappingSheet } from "./mapping-store";
import { toOfficeUserError } from "./office-errors";
import { UserError } from "../core/errors/user-error";
import type { OfficeFeatures } from "./quiet";
import { readWorkbookData } from "./read";
import { loadSendSettings, queuePendingWrite, queueReceiptsWrite, queueSendStateLoad } from "./send-store";
import { DEFAULT_READ_LIMITS, type OfficeWorkbookDeps, type ReadLimits } from "./runner";
import { writeSheetLayouts } from "./write-indicators";
import { writeConsolidationSheets } from "./write-consolidation";

/** The open workbook through Office.js, behind the same port as the .xlsx file adapter. */
export class OfficeWorkbook implements WorkbookPort, ConsolidationSheetsPort, LiveCheckPort {
  private readonly limits: ReadLimits;
  private readonly features: OfficeFeatures;
  /** What the last highlight changed (the workbook setting keeps a copy for a reopened pane), and each cell's level. */
  private highlighted: LiveHighlights | null = null;
  /** worksheet.onChanged is ExcelApi 1.7; removing handlers needs Excel.run(context, …). */
  readonly canWatchChanges: boolean;

  constructor(private readonly deps: OfficeWorkbookDeps) {
    this.limits = { ...DEFAULT_READ_LIMITS, ...deps.limits };
    this.features = {
      events: deps.isSetSupported("ExcelApi", "1.8"),
      screenUpdating: deps.isSetSupported("ExcelApi", "1.9"),
    };
    this.canWatchChanges = deps.runIn !== undefined && deps.isSetSupported("ExcelApi", "1.7");
  }

  private async run<T>(action: string, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.deps.run(batch);
    } catch (error) {
      throw toOfficeUserError(error, action);
    }
  }

  async read(onProgress?: (p: ReadProgress) => void): Promise<WorkbookData> {
    const data = await this.run("Lecture du classeur", (context) =>
      readWorkbookData(context, this.limits, this.deps.isSetSupported, onProgress, this.deps.workbookName),
    );
    // The saved mapping is read apart (loadMapping); its sheet is not data.
    return extractMapping(data).data;
  }

  async highlight(findings: readonly Finding[]): Promise<void> {
    // Restore first, or the red of the previous run would be saved as the user's own fill.
    await this.clearHighlights();
    const state = await this.run("Surlignage des cellules", (context) =>
      applyHighlights(context, findings, this.features),
    );
    this.highlighted = { state, levels: cellsToHighlight(findings) };
  }

  async clearHighlights(): Promise<number> {
    const leftAsIs = await this.run("Effacement du surlignage", (context) =>
      restoreHighlights(context, this.highlighted?.state ?? null, this.features),
    );
    this.highlighted = null;
    return leftAsIs;
  }

  async watchChanges(onChange: (change: SheetChange) => void): Promise<ChangeWatch> {
    const runIn = this.deps.runIn;
    if (!this.canWatchChanges || !runIn) throw new UserError("office.no-change-events", {});
    const watch = await this.run("Suivi des modifications", (context) =>
      watchSheetChanges(context, runIn, onChange),
    );
    // Highlights an earlier pane left are updated as the user types, like this pane's own.
    this.highlighted ??= await this.run("Reprise du surlignage", (context) => adoptSavedHighlights(context));
    return { stop: () => this.run("Fin du suivi des modifications", () => watch.stop()) };
  }

  readRows(blocks: readonly RowBlock[]): Promise<RowBlockCells[]> {
    return this.run("Relecture des lignes modifiées", (context) => readRowBlocks(context, blocks));
  }

  async refreshHighlights(
    rows: ReadonlyMap<string, ReadonlySet<number>>,
    findings: readonly Finding[],
  ): Promise<boolean> {
    const current = this.highlighted;
    if (!current) return false;
    this.highlighted = await this.run("Surlignage des lignes modifiées", (context) =>
      updateHighlights(context, current, rows, findings, this.features),
    );
    return true;
  }

  async select(sheet: string, cell: string): Promise<void> {
    const address = normalizeCell(cell);
    if (address === null) throw new UserError("office.bad-cell-address", { cell });
    await this.run(`Sélection de ${sheet}!${address}`, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  async writeIndicators(
    reports: readonly Analysis[],
    options: { generatedAt: Date; language: "fr" | "en" },
  ): Promise<void> {
    await this.run("Écriture des feuilles Indicateurs", (context) => {
      // The stored receipts are loaded in the writer's first sync, so the "Envoi" blocks cost no extra round trip.
      const state = queueSendStateLoad(context);
      return writeSheetLayouts(
        context,
        () => layoutIndicatorsSheets(reports, options, state()),
        isIndicatorsSheetName,
        this.features,
      );
    });
  }

  loadSendState(): Promise<SendState> {
    return this.run("Lecture de l'état de l'envoi", (context) => loadSendSettings(context));
  }

  async markSendPending(pending: PendingSend | null): Promise<void> {
    await this.run("Enregistrement de l'envoi en attente", async (context) => {
      queuePendingWrite(context, pending);
      await context.sync();
    });
  }

  async writeSendReceipts(
    receipts: readonly SendReceiptRecord[],
    reports: readonly Analysis[],
    options: { generatedAt: Date; language: "fr" | "en" },
  ): Promise<void> {
    await this.run("Écriture des accusés de réception", (context) => {
      const stored = queueSendStateLoad(context);
      let state: SendState | null = null;
      return writeSheetLayouts(
        context,
        () => {
          state = withReceipts(stored(), receipts);
          return layoutIndicatorsSheets(reports, options, state);
        },
        isIndicatorsSheetName,
        this.features,
        () => {
          if (state) queueReceiptsWrite(context, state);
        },
      );
    });
  }

  async writeConsolidation(sheets: readonly ReportSheet[]): Promise<void> {
    await this.run("Écriture des feuilles de consolidation", (context) =>
      writeConsolidationSheets(context, sheets, this.features),
    );
  }

  async insertTemplate(kind: Kind): Promise<void> {
    await this.run("Création du modèle", (context) => insertTemplateSheets(context, kind, this.features));
  }

  loadMapping(): Promise<MappingOverride | null> {
    return this.run("Lecture de la correspondance des colonnes", (context) => loadMappingSheet(context));
  }

  async saveMapping(mapping: MappingOverride | null): Promise<void> {
    await this.run("Enregistrement de la correspondance des colonnes", (context) =>
      saveMappingSheet(context, mapping),
    );
  }
}
