import type {
  Analysis,
  Finding,
  Kind,
  MappingOverride,
  PendingSend,
  ReadProgress,
  SendReceiptRecord,
  SendState,
  WorkbookData,
  WorkbookPort,
} from "../core";
import type { XlsxWorkbook } from "../xlsx/xlsx-workbook";

type Options = { generatedAt: Date; language: "fr" | "en" };

/**
 * File mode's port over the file's bytes, which loads the .xlsx adapter (ExcelJS, a long script to compile) only
 * when something needs it: the check runs in a worker, so opening a file costs the page nothing more.
 */
export class LazyFilePort implements WorkbookPort {
  private adapter: Promise<XlsxWorkbook> | null = null;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly name: string,
  ) {}

  private port(): Promise<XlsxWorkbook> {
    this.adapter ??= import(/* webpackChunkName: "xlsx" */ "../xlsx/xlsx-workbook.js").then(
      (m) => new m.XlsxWorkbook(this.bytes, this.name),
    );
    return this.adapter;
  }

  /** The file as edited in this session: its own bytes while nothing was changed. */
  async toBuffer(): Promise<Uint8Array> {
    return this.adapter ? (await this.adapter).toBuffer() : this.bytes;
  }

  async read(onProgress?: (p: ReadProgress) => void): Promise<WorkbookData> {
    return (await this.port()).read(onProgress);
  }
  async highlight(findings: readonly Finding[]): Promise<void> {
    return (await this.port()).highlight(findings);
  }
  async clearHighlights(): Promise<number> {
    // Nothing was highlighted before the adapter loaded.
    return this.adapter ? (await this.adapter).clearHighlights() : 0;
  }
  async select(): Promise<void> {
    // A file has no selection: nothing to do.
  }
  async writeIndicators(reports: readonly Analysis[], options: Options): Promise<void> {
    return (await this.port()).writeIndicators(reports, options);
  }
  async insertTemplate(kind: Kind): Promise<void> {
    return (await this.port()).insertTemplate(kind);
  }
  async loadMapping(): Promise<MappingOverride | null> {
    return (await this.port()).loadMapping();
  }
  async saveMapping(mapping: MappingOverride | null): Promise<void> {
    return (await this.port()).saveMapping(mapping);
  }
  async loadSendState(): Promise<SendState> {
    return (await this.port()).loadSendState();
  }
  async markSendPending(pending: PendingSend | null): Promise<void> {
    return (await this.port()).markSendPending(pending);
  }
  async writeSendReceipts(
    receipts: readonly SendReceiptRecord[],
    reports: readonly Analysis[],
    options: Options,
  ): Promise<void> {
    return (await this.port()).writeSendReceipts(receipts, reports, options);
  }
}
