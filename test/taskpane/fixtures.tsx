import { webcrypto } from "node:crypto";
import { TextDecoder, TextEncoder } from "node:util";
import { render } from "@testing-library/react";
import {
  INDICATOR_KEYS,
  type Analysis,
  type Finding,
  type FindingCode,
  type Indicators,
  type PendingSend,
  type SendReceiptRecord,
  type SendState,
  type ReadProgress,
  type RuleCount,
  type Severity,
  type WorkbookAnalysis,
  type WorkbookData,
  type WorkbookPort,
  withReceipts,
} from "../../src/core";
import { App, type AppProps } from "../../src/taskpane/components/App";

// jsdom's global lacks what the hub client uses in the pane (the Envoyer view): TextEncoder and WebCrypto.
if (typeof globalThis.TextEncoder === "undefined") Object.assign(globalThis, { TextEncoder, TextDecoder });
if (!globalThis.crypto?.subtle)
  Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true });

// jsdom has no layout engine: Fluent's overflow and positioning observe sizes that never change here.
if (typeof globalThis.ResizeObserver === "undefined") {
  globalThis.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

/** A WorkbookPort that records calls; `read` can be held open to observe the progress bar. */
export class FakePort implements WorkbookPort {
  calls: { method: string; args: unknown[] }[] = [];
  readError: unknown = null;
  /** What clearHighlights answers: highlighted cells left as they are (moved or re-coloured since). */
  clearLeftAsIs = 0;
  mapping: import("../../src/core").MappingOverride | null = null;
  private holdRead: Promise<void> | null = null;
  private releaseRead: (() => void) | null = null;
  progressToReport: ReadProgress[] = [];
  data: WorkbookData = { name: "bilan.xlsx", sheets: [{ name: "Salariés", rows: [["Sexe"]] }] };

  hold(): void {
    this.holdRead = new Promise((r) => (this.releaseRead = r));
  }
  release(): void {
    this.releaseRead?.();
  }
  count(method: string): number {
    return this.calls.filter((c) => c.method === method).length;
  }
  last(method: string): unknown[] | undefined {
    return [...this.calls].reverse().find((c) => c.method === method)?.args;
  }

  async read(onProgress?: (p: ReadProgress) => void): Promise<WorkbookData> {
    this.calls.push({ method: "read", args: [] });
    for (const p of this.progressToReport) onProgress?.(p);
    if (this.holdRead) await this.holdRead;
    if (this.readError) throw this.readError;
    return this.data;
  }
  async highlight(findings: readonly Finding[]) {
    this.calls.push({ method: "highlight", args: [findings] });
  }
  async clearHighlights() {
    this.calls.push({ method: "clearHighlights", args: [] });
    return this.clearLeftAsIs;
  }
  async select(sheet: string, cell: string) {
    this.calls.push({ method: "select", args: [sheet, cell] });
  }
  async writeIndicators(reports: readonly Analysis[], options: { generatedAt: Date; language: "fr" | "en" }) {
    this.calls.push({ method: "writeIndicators", args: [reports, options] });
  }
  async insertTemplate(kind: import("../../src/core").Kind) {
    this.calls.push({ method: "insertTemplate", args: [kind] });
  }
  async loadMapping() {
    this.calls.push({ method: "loadMapping", args: [] });
    return this.mapping;
  }
  async saveMapping(mapping: import("../../src/core").MappingOverride | null) {
    this.calls.push({ method: "saveMapping", args: [mapping] });
    this.mapping = mapping;
  }
  sendState: SendState = { receipt: null, receipts: [], pending: null };
  async loadSendState() {
    this.calls.push({ method: "loadSendState", args: [] });
    return this.sendState;
  }
  async markSendPending(pending: PendingSend | null) {
    this.calls.push({ method: "markSendPending", args: [pending] });
    this.sendState = { ...this.sendState, pending };
  }
  async writeSendReceipts(
    receipts: readonly SendReceiptRecord[],
    reports: readonly Analysis[],
    options: { generatedAt: Date; language: "fr" | "en" },
  ) {
    this.calls.push({ method: "writeSendReceipts", args: [receipts, reports, options] });
    this.sendState = withReceipts(this.sendState, receipts);
  }
}

export function finding(
  code: FindingCode,
  severity: Severity,
  cell: string | null,
  message: string,
  sheet: string | null = "Salariés",
  field: string | null = null,
): Finding {
  const m = cell ? /^([A-Z]+)(\d+)$/.exec(cell) : null;
  return {
    code,
    severity,
    sheet: cell ? sheet : null,
    cell,
    row: m ? Number(m[2]) : null,
    column: null,
    field,
    value: null,
    message,
  };
}

/** Builds a report from findings; `extra` adds unlisted findings to a rule's true count (the engine's cap). */
export function cannedAnalysis(
  issues: Finding[],
  extra: Partial<Record<FindingCode, number>> = {},
  over: Partial<Analysis> = {},
): Analysis {
  const rules = new Map<string, RuleCount>();
  for (const f of issues) {
    const key = `${f.code}|${f.severity}`;
    const r = rules.get(key) ?? { code: f.code, severity: f.severity, count: 0, listed: 0 };
    r.count++;
    r.listed++;
    rules.set(key, r);
  }
  for (const [code, n] of Object.entries(extra)) {
    const r = [...rules.values()].find((x) => x.code === code);
    if (r) r.count += n ?? 0;
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const r of rules.values()) counts[r.severity] += r.count;
  const indicators = Object.fromEntries(INDICATOR_KEYS.map((k) => [k, null])) as Indicators;
  return {
    workbook: "bilan.xlsx",
    structure: {
      siret: "12345678901234",
      name: "Jardins de la Vallée",
      kind: "ACI",
      afNumber: null,
      department: "38",
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
      fteConventioned: 10,
      annualHoursPerFte: 1820,
      cdCofinancedAmount: null,
    },
    structureLocations: {},
    table: {
      sheet: "Salariés",
      headerRow: 1,
      headerIndex: 0,
      firstColumn: 1,
      columns: [],
      unknownHeaders: [],
      fieldsPresent: [],
    },
    tables: [],
    rowCount: 0,
    rows: [],
    report: { valid: counts.error === 0, counts, rules: [...rules.values()], issues },
    indicators,
    records: [],
    rulesVersion: "2026.1",
    targets: TARGETS,
    ...over,
  };
}

export const TARGETS = { rateDynamic: 0.6, rateDurable: 0.25 };

/** A canned workbook analysis: one report per analysis given. */
export function asWorkbook(...reports: Analysis[]): WorkbookAnalysis {
  return { workbook: reports[0]?.workbook ?? null, reports };
}

/** Renders the pane in Office mode on a fake port with a canned analysis. */
export function renderPane(
  port: FakePort,
  analysis: Analysis | (() => Analysis),
  props: Partial<AppProps> = {},
) {
  const analyze = jest.fn(() => asWorkbook(typeof analysis === "function" ? analysis() : analysis));
  const utils = render(
    <App language="fr" initialView="verifier" analyze={analyze} officePort={port} {...props} />,
  );
  return { ...utils, analyze };
}
