/**
 * A typed fake of the part of the Excel JavaScript API the adapter uses, with Office's batching
 * semantics: calls only queue operations, properties are readable only after load + sync, writes land
 * at sync time in order, a failing operation aborts the rest of its batch. It counts context.sync()
 * calls and estimates each request's payload (JSON length of the values read or written in it).
 */
import { a1, parseA1 } from "../../src/core";

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export class FakeOfficeError extends Error {
  override name = "RichApi.Error";
  debugInfo: { code: string };
  constructor(
    public code: string,
    message = code,
  ) {
    super(message);
    this.debugInfo = { code };
  }
}

export interface FillModel {
  color: string;
  pattern: string;
  patternColor: string;
}
export const NO_FILL: FillModel = { color: "#FFFFFF", pattern: "None", patternColor: "#000000" };

interface Box {
  r: number;
  c: number;
  rows: number;
  cols: number;
}
const key = (r: number, c: number) => `${r},${c}`;

export interface ChartModel {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  legend: string | null;
  valueAxisFormat: string | null;
  position: [string, string] | null;
}

let sheetIds = 0;

export class SheetModel {
  visibility = "Visible";
  values: unknown[][] = [];
  fills = new Map<string, FillModel>();
  numberFormats = new Map<string, string>();
  bold = new Set<string>();
  validations: { address: string; rule?: unknown; errorAlert?: unknown; prompt?: unknown }[] = [];
  columnWidths = new Map<number, number>();
  frozenRows = 0;
  frozenColumns = 0;
  charts: ChartModel[] = [];
  /** Formula text with its "=", by cell; the cell's value is what Excel stored (null when none). */
  formulas = new Map<string, string>();
  merges: Box[] = [];
  tables: { name: string; box: Box; showTotals: boolean }[] = [];
  /** Office's worksheet id: stable across renames, unlike the name. */
  readonly id = `{00000000-0001-0000-0000-${String(++sheetIds).padStart(12, "0")}}`;
  constructor(public name: string) {}

  /** A formula cell (e.g. "L2", "=SUM(A2:B2)"), with its stored value or none (a file written by a program). */
  setFormula(cell: string, formula: string, value: unknown = null): this {
    const p = parseA1(cell)!;
    this.formulas.set(key(p.row - 1, p.column - 1), formula);
    this.setValue(p.row - 1, p.column - 1, value);
    return this;
  }
  merge(address: string): this {
    this.merges.push(boxFromAddress(address));
    return this;
  }
  addTable(name: string, address: string, showTotals: boolean): this {
    this.tables.push({ name, box: boxFromAddress(address), showTotals });
    return this;
  }

  value(r: number, c: number): unknown {
    const v = this.values[r]?.[c];
    return v === undefined || v === null ? "" : v;
  }
  setValue(r: number, c: number, v: unknown): void {
    (this.values[r] ??= [])[c] = v;
  }
  /** Writes a 2D block at 0-based (row, col). */
  put(row: number, col: number, rows: readonly (readonly unknown[])[]): this {
    rows.forEach((line, i) => line.forEach((v, j) => this.setValue(row + i, col + j, v)));
    return this;
  }
  fill(cell: string): FillModel {
    const p = parseA1(cell)!;
    return this.fills.get(key(p.row - 1, p.column - 1)) ?? NO_FILL;
  }
  /** What Excel does when the user deletes a row (1-based): the rows below move up, their fills with them. */
  deleteRow(row: number): void {
    this.values.splice(row - 1, 1);
    const moved = new Map<string, FillModel>();
    for (const [k, f] of this.fills) {
      const [r, c] = k.split(",").map(Number);
      if (r !== row - 1) moved.set(key(r > row - 1 ? r - 1 : r, c), f);
    }
    this.fills = moved;
  }
  setFill(cell: string, fill: FillModel): void {
    const p = parseA1(cell)!;
    this.fills.set(key(p.row - 1, p.column - 1), fill);
  }
  /** Bounding box of the non-empty values (getUsedRange(true)). */
  usedBox(): Box | null {
    let r0 = Infinity,
      c0 = Infinity,
      r1 = -1,
      c1 = -1;
    this.values.forEach((row, r) => {
      if (!row) return;
      row.forEach((v, c) => {
        if (v === undefined || v === null || v === "") return;
        if (r < r0) r0 = r;
        if (r > r1) r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      });
    });
    return r1 < 0 ? null : { r: r0, c: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  date1904 = false;
  settings = new Map<string, unknown>();
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  enableEvents = true;
  screenSuspensions = 0;
  addSheet(name: string): SheetModel {
    const s = new SheetModel(name);
    this.sheets.push(s);
    return s;
  }
  sheet(name: string): SheetModel {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist. (${name})`);
    return s;
  }
}

interface Op {
  label: string;
  run: () => number | void;
}

/** One entry per context.sync(): what the request carried. */
export interface RequestRecord {
  bytes: number;
  ops: number;
}

/** The host: the workbook model, counters over every Excel.run, and failure injection. */
export class FakeExcel {
  requests: RequestRecord[] = [];
  /** Return an error code to make the operation with this label fail at sync time. */
  failOn: ((label: string) => string | null) | null = null;
  /** Operations executed, with the events flag at that moment (to check writes ran with events off). */
  executed: { label: string; eventsEnabled: boolean }[] = [];
  /** Size of every Range whose values were loaded. */
  valueReads: { rows: number; cols: number }[] = [];
  /** The newest ExcelApi set the host supports; older sets are supported too, as in Office. */
  apiVersion = "1.17";
  /** worksheet.onChanged handlers registered (at sync) and not removed. */
  changeHandlers: ChangeHandler[] = [];
  constructor(public model = new WorkbookModel()) {}

  /**
   * What Excel does after the user edits `address` ("B5" or "B5:D7", no sheet name, as Office gives it)
   * on `sheet`: calls that sheet's onChanged handlers with WorksheetChangedEventArgs, unless the add-in
   * turned events off. Resolves when every handler's promise has.
   */
  async fireChanged(sheet: string, address: string, changeType = "RangeEdited"): Promise<void> {
    if (!this.model.enableEvents) return;
    const model = this.model.sheet(sheet);
    const args = {
      address,
      changeType,
      worksheetId: model.id,
      source: "Local",
      type: "WorksheetChanged",
      triggerSource: "ThisLocalAddin",
    };
    await Promise.all(this.changeHandlers.filter((h) => h.sheetId === model.id).map((h) => h.handler(args)));
  }
  /** The user types values in a row block (0-based), then Excel fires onChanged for that block. */
  async edit(sheet: string, row: number, col: number, rows: readonly (readonly unknown[])[]): Promise<void> {
    this.model.sheet(sheet).put(row, col, rows);
    const end = a1(row + rows.length, col + Math.max(1, ...rows.map((r) => r.length)));
    const start = a1(row + 1, col + 1);
    await this.fireChanged(sheet, start === end ? start : `${start}:${end}`);
  }

  get syncCount(): number {
    return this.requests.length;
  }
  get maxRequestBytes(): number {
    return Math.max(0, ...this.requests.map((r) => r.bytes));
  }
  resetCounters(): void {
    this.requests = [];
    this.executed = [];
    this.valueReads = [];
  }
  run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    batch(new FakeContext(this) as unknown as Excel.RequestContext);
  /** Excel.run(context, batch): a batch on the context an event handler was added in. */
  runIn = <T>(
    context: OfficeExtension.ClientRequestContext,
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> => batch(context as unknown as Excel.RequestContext);
  isSetSupported = (name: string, version?: string): boolean =>
    name === "ExcelApi" && compareVersions(version ?? "1.1", this.apiVersion) <= 0;
  supports(version: string): boolean {
    return compareVersions(version, this.apiVersion) <= 0;
  }
}

/** "1.9" < "1.13": numeric part by part, as requirement set versions compare. */
function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface ChangeHandler {
  sheetId: string;
  handler: (args: unknown) => Promise<unknown>;
}

export class FakeContext {
  ops: Op[] = [];
  workbook: FakeWorkbook;
  runtime: FakeRuntime;
  constructor(public host: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
    this.runtime = new FakeRuntime(this);
  }
  get model(): WorkbookModel {
    return this.host.model;
  }
  queue(label: string, run: () => number | void): void {
    this.ops.push({ label, run });
  }
  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    let bytes = 0;
    const record: RequestRecord = { bytes: 0, ops: ops.length };
    this.host.requests.push(record);
    try {
      for (const op of ops) {
        const code = this.host.failOn?.(op.label);
        if (code) throw new FakeOfficeError(code, `Fake failure on ${op.label}`);
        this.host.executed.push({ label: op.label, eventsEnabled: this.model.enableEvents });
        bytes += op.run() ?? 0;
      }
    } finally {
      record.bytes = bytes;
    }
    if (bytes > PAYLOAD_LIMIT)
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `Payload ${bytes} bytes`);
  }
}

const jsonBytes = (v: unknown) => JSON.stringify(v ?? null).length;

/** Base of every proxy: a property is readable only once loaded and synced. */
class FakeProxy {
  protected loaded = new Set<string>();
  protected nullObject = false;
  constructor(protected ctx: FakeContext) {}
  protected read<T>(prop: string, value: T): T {
    if (!this.loaded.has(prop))
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Call load() and context.sync() first.`,
      );
    return value;
  }
  get isNullObject(): boolean {
    return this.read("isNullObject", this.nullObject);
  }
  protected props(spec: string | string[]): string[] {
    const list = Array.isArray(spec) ? spec : spec.split(",");
    return list.map((s) => s.trim()).filter(Boolean);
  }
}

class FakeRuntime extends FakeProxy {
  private _events = true;
  get enableEvents(): boolean {
    return this.read("enableEvents", this._events);
  }
  set enableEvents(v: boolean) {
    this.ctx.queue("runtime.enableEvents=", () => {
      this.ctx.model.enableEvents = v;
    });
  }
  load(spec: string): this {
    this.ctx.queue("runtime.load", () => {
      this._events = this.ctx.model.enableEvents;
      for (const p of this.props(spec)) this.loaded.add(p);
      return 20;
    });
    return this;
  }
}

class FakeWorkbook {
  worksheets: FakeWorksheetCollection;
  tables: FakeTableCollection;
  settings: FakeSettingCollection;
  functions: { date: (y: number, m: number, d: number) => FakeFunctionResult };
  application: { suspendScreenUpdatingUntilNextSync: () => void };
  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeTableCollection(ctx);
    this.settings = new FakeSettingCollection(ctx);
    this.functions = { date: (y, m, d) => new FakeFunctionResult(ctx, y, m, d) };
    this.application = {
      suspendScreenUpdatingUntilNextSync: () =>
        ctx.queue("application.suspendScreenUpdatingUntilNextSync", () => {
          ctx.model.screenSuspensions++;
        }),
    };
  }
}

/** Every Excel Table of the workbook (ExcelApi 1.1), as `workbook.tables`. */
class FakeTableCollection extends FakeProxy {
  private _items: FakeTable[] = [];
  get items(): FakeTable[] {
    return this.read("items", this._items);
  }
  load(spec: string): this {
    const props = this.props(spec).map((p) => p.replace(/^items\//, ""));
    this.ctx.queue("tables.load", () => {
      this._items = this.ctx.model.sheets.flatMap((sheet) =>
        sheet.tables.map((t) => new FakeTable(this.ctx, sheet.name, t, props)),
      );
      this.loaded.add("items");
      return jsonBytes(this._items.map((t) => t.name));
    });
    return this;
  }
}

class FakeTable extends FakeProxy {
  constructor(
    ctx: FakeContext,
    private sheet: string,
    private model: { name: string; box: Box; showTotals: boolean },
    props: string[],
  ) {
    super(ctx);
    for (const p of props) this.loaded.add(p);
  }
  get name(): string {
    return this.read("name", this.model.name);
  }
  get showTotals(): boolean {
    return this.read("showTotals", this.model.showTotals);
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, new FakeWorksheet(this.ctx, this.sheet), () => this.model.box);
  }
}

class FakeFunctionResult extends FakeProxy {
  private _value: number | null = null;
  constructor(
    ctx: FakeContext,
    private y: number,
    private m: number,
    private d: number,
  ) {
    super(ctx);
  }
  get value(): number | null {
    return this.read("value", this._value);
  }
  get error(): string | null {
    return this.read("error", null);
  }
  load(spec: string): this {
    this.ctx.queue("functions.date", () => {
      const utc = Date.UTC(this.y, this.m - 1, this.d);
      const epoch = this.ctx.model.date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
      this._value = Math.round((utc - epoch) / 86_400_000);
      for (const p of this.props(spec)) this.loaded.add(p);
      return 10;
    });
    return this;
  }
}

class FakeSetting extends FakeProxy {
  private _value: unknown = null;
  constructor(
    ctx: FakeContext,
    private _key: string,
  ) {
    super(ctx);
  }
  get value(): unknown {
    return this.read("value", this._value);
  }
  get key(): string {
    return this.read("key", this._key);
  }
  load(spec: string): this {
    this.ctx.queue("setting.load", () => {
      this.nullObject = !this.ctx.model.settings.has(this._key);
      this._value = this.ctx.model.settings.get(this._key) ?? null;
      this.loaded.add("isNullObject");
      for (const p of this.props(spec)) this.loaded.add(p);
      return jsonBytes(this._value);
    });
    return this;
  }
  delete(): void {
    this.ctx.queue("setting.delete", () => {
      if (!this.ctx.model.settings.delete(this._key)) throw new FakeOfficeError("ItemNotFound");
    });
  }
}

class FakeSettingCollection {
  constructor(private ctx: FakeContext) {}
  add(key: string, value: unknown): void {
    this.ctx.queue("settings.add", () => {
      this.ctx.model.settings.set(key, value);
      return jsonBytes(value);
    });
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key);
  }
}

class FakeWorksheetCollection extends FakeProxy {
  private _items: FakeWorksheet[] = [];
  get items(): FakeWorksheet[] {
    return this.read("items", this._items);
  }
  load(spec: string): this {
    this.ctx.queue("worksheets.load", () => {
      this._items = this.ctx.model.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, s.name);
        ws.markLoaded(this.props(spec).map((p) => p.replace(/^items\//, "")));
        return ws;
      });
      this.loaded.add("items");
      return jsonBytes(this._items.map((w) => w.name));
    });
    return this;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, name);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, name, true);
  }
  add(name: string): FakeWorksheet {
    this.ctx.queue(`worksheets.add(${name})`, () => {
      if (this.ctx.model.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
        throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} exists`);
      this.ctx.model.addSheet(name);
    });
    return new FakeWorksheet(this.ctx, name);
  }
}

export class FakeWorksheet extends FakeProxy {
  charts: FakeChartCollection;
  /** ExcelApi 1.7: add(handler) registers at the next sync; remove() on the result, on the same context. */
  onChanged: { add: (handler: (args: unknown) => Promise<unknown>) => FakeEventHandlerResult };
  freezePanes: { freezeRows: (n: number) => void; freezeAt: (range: FakeRange) => void };
  constructor(
    ctx: FakeContext,
    private _name: string,
    private nullable = false,
  ) {
    super(ctx);
    this.charts = new FakeChartCollection(ctx, this);
    this.onChanged = {
      add: (handler) => {
        if (!ctx.host.supports("1.7"))
          throw new FakeOfficeError("ApiNotFound", "worksheet.onChanged needs ExcelApi 1.7");
        let entry: ChangeHandler | null = null;
        ctx.queue("worksheet.onChanged.add", () => {
          entry = { sheetId: this.model().id, handler };
          ctx.host.changeHandlers.push(entry);
        });
        return new FakeEventHandlerResult(ctx, () => entry);
      },
    };
    this.freezePanes = {
      freezeRows: (n) =>
        ctx.queue("freezePanes.freezeRows", () => {
          this.model().frozenRows = n;
        }),
      freezeAt: (range) =>
        ctx.queue("freezePanes.freezeAt", () => {
          const b = range.box();
          if (b.r !== 0 || b.c !== 0)
            throw new FakeOfficeError("InvalidArgument", "freezeAt: the range must start at A1");
          this.model().frozenRows = b.rows;
          this.model().frozenColumns = b.cols;
        }),
    };
  }
  markLoaded(props: string[]): void {
    for (const p of props) this.loaded.add(p);
  }
  model(): SheetModel {
    return this.ctx.model.sheet(this._name);
  }
  get name(): string {
    return this.read("name", this._name);
  }
  get id(): string {
    return this.read("id", this.model().id);
  }
  set visibility(v: string) {
    this.ctx.queue("worksheet.visibility=", () => {
      this.model().visibility = v;
    });
  }
  load(spec: string): this {
    this.ctx.queue("worksheet.load", () => {
      const exists = this.ctx.model.sheets.some((s) => s.name === this._name);
      if (!exists && !this.nullable) throw new FakeOfficeError("ItemNotFound");
      this.nullObject = !exists;
      this.loaded.add("isNullObject");
      for (const p of this.props(spec)) this.loaded.add(p);
      return 20;
    });
    return this;
  }
  delete(): void {
    this.ctx.queue("worksheet.delete", () => {
      const m = this.model();
      // Excel refuses to delete a very hidden sheet; the adapter must make it visible or hidden first.
      if (m.visibility === "VeryHidden")
        throw new FakeOfficeError("InvalidOperation", "Cannot delete a very hidden sheet");
      this.ctx.model.sheets = this.ctx.model.sheets.filter((s) => s !== m);
    });
  }
  activate(): void {
    this.ctx.queue("worksheet.activate", () => {
      this.ctx.model.activeSheet = this.model().name;
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== true) throw new Error("the fake models getUsedRangeOrNullObject(true) only");
    return new FakeRange(this.ctx, this, () => this.model().usedBox(), true);
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): FakeRange {
    if (rows < 1 || cols < 1) throw new FakeOfficeError("InvalidArgument", "empty range");
    return new FakeRange(this.ctx, this, () => ({ r, c, rows, cols }));
  }
  getRange(address?: string): FakeRange {
    if (address === undefined)
      return new FakeRange(this.ctx, this, () => ({ r: 0, c: 0, rows: MAX_ROWS, cols: MAX_COLS }));
    const box = boxFromAddress(address);
    return new FakeRange(this.ctx, this, () => box);
  }
  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this, address);
  }
}

/** OfficeExtension.EventHandlerResult: removing must use the context the handler was added in. */
export class FakeEventHandlerResult {
  constructor(
    readonly context: FakeContext,
    private entry: () => ChangeHandler | null,
  ) {}
  remove(): void {
    this.context.queue("worksheet.onChanged.remove", () => {
      const e = this.entry();
      const list = this.context.host.changeHandlers;
      if (!e || !list.includes(e)) throw new FakeOfficeError("InvalidArgument", "handler not registered");
      list.splice(list.indexOf(e), 1);
    });
  }
}

function boxFromAddress(address: string): Box {
  const ref = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b = a] = ref.split(":");
  const p = parseA1(a);
  const q = parseA1(b);
  if (!p || !q) throw new FakeOfficeError("InvalidArgument", `bad address ${address}`);
  return { r: p.row - 1, c: p.column - 1, rows: q.row - p.row + 1, cols: q.column - p.column + 1 };
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_\u00C0-\u024F.]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function addressOf(sheet: string, b: Box): string {
  const start = a1(b.r + 1, b.c + 1);
  const end = a1(b.r + b.rows, b.c + b.cols);
  return `${quoteSheet(sheet)}!${start === end ? start : `${start}:${end}`}`;
}

function forEachCell(b: Box, f: (r: number, c: number) => void): void {
  if (b.rows * b.cols > 5_000_000) throw new Error("the fake refuses per-cell work on a huge range");
  for (let r = b.r; r < b.r + b.rows; r++) for (let c = b.c; c < b.c + b.cols; c++) f(r, c);
}

class FakeFill {
  constructor(
    private ctx: FakeContext,
    private target: () => { sheet: SheetModel; boxes: Box[] },
    private readProp: (prop: keyof FillModel) => string | null = () => {
      throw new FakeOfficeError("PropertyNotLoaded", "fill not loaded");
    },
  ) {}
  private setAll(label: string, f: (old: FillModel) => FillModel): void {
    this.ctx.queue(label, () => {
      const { sheet, boxes } = this.target();
      for (const b of boxes)
        forEachCell(b, (r, c) => sheet.fills.set(key(r, c), f(sheet.fills.get(key(r, c)) ?? NO_FILL)));
      return 30;
    });
  }
  get color(): string | null {
    return this.readProp("color");
  }
  get pattern(): string | null {
    return this.readProp("pattern");
  }
  get patternColor(): string | null {
    return this.readProp("patternColor");
  }
  set color(v: string) {
    this.setAll("fill.color=", (old) => ({
      ...old,
      color: v.toUpperCase(),
      pattern: old.pattern === "None" ? "Solid" : old.pattern,
    }));
  }
  set pattern(v: string) {
    this.setAll("fill.pattern=", (old) => ({ ...old, pattern: v }));
  }
  set patternColor(v: string) {
    this.setAll("fill.patternColor=", (old) => ({ ...old, patternColor: v.toUpperCase() }));
  }
  clear(): void {
    this.ctx.queue("fill.clear", () => {
      const { sheet, boxes } = this.target();
      for (const b of boxes) forEachCell(b, (r, c) => sheet.fills.delete(key(r, c)));
    });
  }
}

class FakeFont {
  constructor(
    private ctx: FakeContext,
    private target: () => { sheet: SheetModel; box: Box },
  ) {}
  set bold(v: boolean) {
    this.ctx.queue("font.bold=", () => {
      const { sheet, box } = this.target();
      forEachCell(box, (r, c) => (v ? sheet.bold.add(key(r, c)) : sheet.bold.delete(key(r, c))));
    });
  }
  set size(_v: number) {
    this.ctx.queue("font.size=", () => undefined);
  }
  set color(_v: string) {
    this.ctx.queue("font.color=", () => undefined);
  }
}

class FakeRangeFormat {
  fill: FakeFill;
  font: FakeFont;
  constructor(
    private ctx: FakeContext,
    private range: FakeRange,
  ) {
    this.fill = new FakeFill(
      ctx,
      () => ({ sheet: range.sheetModel(), boxes: [range.box()] }),
      (prop) => range.readFill(prop),
    );
    this.font = new FakeFont(ctx, () => ({ sheet: range.sheetModel(), box: range.box() }));
  }
  set columnWidth(points: number) {
    this.ctx.queue("format.columnWidth=", () => {
      const b = this.range.box();
      for (let c = b.c; c < b.c + b.cols; c++) this.range.sheetModel().columnWidths.set(c, points);
    });
  }
  set wrapText(_v: boolean) {
    this.ctx.queue("format.wrapText=", () => undefined);
  }
}

class FakeDataValidation {
  constructor(
    private ctx: FakeContext,
    private range: FakeRange,
  ) {}
  private entry(): { address: string; rule?: unknown; errorAlert?: unknown; prompt?: unknown } {
    const address = addressOf(this.range.sheetModel().name, this.range.box());
    const list = this.range.sheetModel().validations;
    let e = list.find((v) => v.address === address);
    if (!e) list.push((e = { address }));
    return e;
  }
  set rule(v: unknown) {
    this.ctx.queue("dataValidation.rule=", () => {
      this.entry().rule = v;
      return jsonBytes(v);
    });
  }
  set errorAlert(v: unknown) {
    this.ctx.queue("dataValidation.errorAlert=", () => {
      this.entry().errorAlert = v;
    });
  }
  set prompt(v: unknown) {
    this.ctx.queue("dataValidation.prompt=", () => {
      this.entry().prompt = v;
    });
  }
}

export class FakeRange extends FakeProxy {
  format: FakeRangeFormat;
  dataValidation: FakeDataValidation;
  private snap: {
    address?: string;
    rowCount?: number;
    columnCount?: number;
    values?: unknown[][];
    formulas?: unknown[][];
    numberFormat?: string[][];
    fill?: FillModel | null;
    cellCount?: number;
  } = {};
  constructor(
    ctx: FakeContext,
    private ws: FakeWorksheet,
    private boxFn: () => Box | null,
    private nullable = false,
  ) {
    super(ctx);
    this.format = new FakeRangeFormat(ctx, this);
    this.dataValidation = new FakeDataValidation(ctx, this);
  }
  sheetModel(): SheetModel {
    return this.ws.model();
  }
  box(): Box {
    const b = this.boxFn();
    if (!b) throw new FakeOfficeError("ItemNotFound", "null range");
    return b;
  }
  get address(): string {
    return this.read("address", this.snap.address as string);
  }
  get rowCount(): number {
    return this.read("rowCount", this.snap.rowCount as number);
  }
  get columnCount(): number {
    return this.read("columnCount", this.snap.columnCount as number);
  }
  get values(): unknown[][] {
    return this.read("values", this.snap.values as unknown[][]);
  }
  set values(v: unknown[][]) {
    this.ctx.queue("range.values=", () => {
      const b = this.box();
      if (v.length !== b.rows || v.some((row) => row.length !== b.cols))
        throw new FakeOfficeError("InvalidArgument", "values size mismatch");
      const sheet = this.sheetModel();
      v.forEach((row, i) =>
        row.forEach((x, j) => {
          // Like Excel: a numeric-looking string written into a non-text cell becomes a number.
          const text = sheet.numberFormats.get(key(b.r + i, b.c + j)) === "@";
          sheet.setValue(
            b.r + i,
            b.c + j,
            !text && typeof x === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(x) ? Number(x) : x,
          );
        }),
      );
      return jsonBytes(v);
    });
  }
  get formulas(): unknown[][] {
    return this.read("formulas", this.snap.formulas as unknown[][]);
  }
  /** ExcelApi 1.13: the merged areas that meet this range, or a null object when there are none. */
  getMergedAreasOrNullObject(): FakeMergedAreas {
    if (!this.ctx.host.supports("1.13"))
      throw new FakeOfficeError("ApiNotFound", "getMergedAreasOrNullObject needs ExcelApi 1.13");
    return new FakeMergedAreas(this.ctx, this);
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat", this.snap.numberFormat as string[][]);
  }
  set numberFormat(v: string[][]) {
    this.ctx.queue("range.numberFormat=", () => {
      const b = this.box();
      if (v.length !== b.rows || v.some((row) => row.length !== b.cols))
        throw new FakeOfficeError("InvalidArgument", "numberFormat size mismatch");
      const sheet = this.sheetModel();
      v.forEach((row, i) => row.forEach((x, j) => sheet.numberFormats.set(key(b.r + i, b.c + j), x)));
      return jsonBytes(v);
    });
  }
  /** Called by RangeAreas for its areas: the snapshot is taken there. */
  setSnapshot(snap: FakeRange["snap"], props: string[]): void {
    this.snap = snap;
    for (const p of props) this.loaded.add(p);
  }
  readFill(prop: keyof FillModel): string | null {
    return this.read(`format/fill/${prop}`, this.snap.fill ? this.snap.fill[prop] : null);
  }
  get cellCount(): number {
    return this.read("cellCount", this.snap.cellCount as number);
  }
  load(spec: string): this {
    const props = this.props(spec);
    this.ctx.queue("range.load", () => {
      const b = this.boxFn();
      this.loaded.add("isNullObject");
      for (const p of props) this.loaded.add(p);
      if (!b) {
        if (!this.nullable) throw new FakeOfficeError("ItemNotFound");
        this.nullObject = true;
        return 10;
      }
      const sheet = this.sheetModel();
      let bytes = 20;
      this.snap = { address: addressOf(sheet.name, b), rowCount: b.rows, columnCount: b.cols };
      if (props.includes("values")) {
        const rows: unknown[][] = [];
        for (let r = b.r; r < b.r + b.rows; r++) {
          const line: unknown[] = new Array(b.cols);
          for (let c = 0; c < b.cols; c++) line[c] = sheet.value(r, b.c + c);
          rows.push(line);
        }
        this.snap.values = rows;
        this.ctx.host.valueReads.push({ rows: b.rows, cols: b.cols });
        bytes += jsonBytes(rows);
      }
      if (props.includes("formulas")) {
        const rows: unknown[][] = [];
        for (let r = b.r; r < b.r + b.rows; r++) {
          const line: unknown[] = new Array(b.cols);
          for (let c = 0; c < b.cols; c++)
            line[c] = sheet.formulas.get(key(r, b.c + c)) ?? sheet.value(r, b.c + c);
          rows.push(line);
        }
        this.snap.formulas = rows;
        bytes += jsonBytes(rows);
      }
      if (props.includes("numberFormat")) {
        const rows: string[][] = [];
        for (let r = b.r; r < b.r + b.rows; r++) {
          const line: string[] = [];
          for (let c = b.c; c < b.c + b.cols; c++) line.push(sheet.numberFormats.get(key(r, c)) ?? "General");
          rows.push(line);
        }
        this.snap.numberFormat = rows;
        bytes += jsonBytes(rows);
      }
      return bytes;
    });
    return this;
  }
  select(): void {
    this.ctx.queue("range.select", () => {
      const sheet = this.sheetModel();
      if (this.ctx.model.activeSheet !== sheet.name)
        throw new FakeOfficeError("InvalidOperation", "select on an inactive sheet");
      this.ctx.model.selection = {
        sheet: sheet.name,
        address: addressOf(sheet.name, this.box()).split("!")[1],
      };
    });
  }
  clear(_applyTo?: string): void {
    this.ctx.queue("range.clear", () => {
      const sheet = this.sheetModel();
      const b = this.box();
      const inside = (k: string) => {
        const [r, c] = k.split(",").map(Number);
        return r >= b.r && r < b.r + b.rows && c >= b.c && c < b.c + b.cols;
      };
      sheet.values.forEach((row, r) =>
        row?.forEach((_v, c) => inside(key(r, c)) && sheet.setValue(r, c, "")),
      );
      for (const m of [sheet.fills, sheet.numberFormats])
        for (const k of [...m.keys()]) if (inside(k)) m.delete(k);
      for (const k of [...sheet.bold]) if (inside(k)) sheet.bold.delete(k);
    });
  }
  getEntireColumn(): FakeRange {
    return new FakeRange(this.ctx, this.ws, () => {
      const b = this.box();
      return { r: 0, c: b.c, rows: MAX_ROWS, cols: b.cols };
    });
  }
}

const meets = (a: Box, b: Box) =>
  a.r < b.r + b.rows && b.r < a.r + a.rows && a.c < b.c + b.cols && b.c < a.c + a.cols;

/** The RangeAreas of getMergedAreasOrNullObject: only its `address` is modelled ("S!A1:B1, S!C1:D1"). */
class FakeMergedAreas extends FakeProxy {
  private _address = "";
  constructor(
    ctx: FakeContext,
    private range: FakeRange,
  ) {
    super(ctx);
  }
  get address(): string {
    return this.read("address", this._address);
  }
  load(spec: string): this {
    const props = this.props(spec);
    this.ctx.queue("mergedAreas.load", () => {
      const sheet = this.range.sheetModel();
      const box = this.range.box();
      const found = sheet.merges.filter((m) => meets(m, box));
      this.loaded.add("isNullObject");
      for (const p of props) this.loaded.add(p);
      this.nullObject = found.length === 0;
      this._address = found.map((m) => addressOf(sheet.name, m)).join(", ");
      return 20 + this._address.length;
    });
    return this;
  }
}

class FakeRangeCollection extends FakeProxy {
  private _items: FakeRange[] = [];
  constructor(
    ctx: FakeContext,
    private owner: FakeRangeAreas,
  ) {
    super(ctx);
  }
  get items(): FakeRange[] {
    return this.read("items", this._items);
  }
  load(spec: string): this {
    const props = this.props(spec).map((p) => p.replace(/^items\//, ""));
    this.ctx.queue("rangeAreas.areas.load", () => {
      const sheet = this.owner.ws.model();
      let bytes = 0;
      this._items = this.owner.boxes().map((b) => {
        const range = new FakeRange(this.ctx, this.owner.ws, () => b);
        const fills = new Set<string>();
        forEachCell(b, (r, c) => fills.add(JSON.stringify(sheet.fills.get(key(r, c)) ?? NO_FILL)));
        // Like Excel: a property that differs across the cells of an area reads as null.
        const fill = fills.size === 1 ? (JSON.parse([...fills][0]) as FillModel) : null;
        range.setSnapshot({ address: addressOf(sheet.name, b), cellCount: b.rows * b.cols, fill }, props);
        bytes += jsonBytes({ a: addressOf(sheet.name, b), f: fill });
        return range;
      });
      this.loaded.add("items");
      return bytes;
    });
    return this;
  }
}

class FakeRangeAreas {
  areas: FakeRangeCollection;
  format: { fill: FakeFill };
  constructor(
    private ctx: FakeContext,
    public ws: FakeWorksheet,
    private address: string,
  ) {
    // Excel rejects long reference strings; the fake enforces the 255-character limit.
    if (address.length > 255)
      throw new FakeOfficeError("InvalidArgument", `address too long (${address.length})`);
    this.areas = new FakeRangeCollection(ctx, this);
    this.format = { fill: new FakeFill(ctx, () => ({ sheet: ws.model(), boxes: this.boxes() })) };
  }
  boxes(): Box[] {
    return this.address.split(/[,;]/).map((a) => boxFromAddress(a.trim()));
  }
}

class FakeChart extends FakeProxy {
  title: { text: string };
  legend: { position: string };
  axes: { valueAxis: { numberFormat: string } };
  constructor(
    ctx: FakeContext,
    private model: () => ChartModel,
  ) {
    super(ctx);
    const set = <K extends keyof ChartModel>(k: K, v: ChartModel[K]) =>
      ctx.queue(`chart.${String(k)}=`, () => void (model()[k] = v));
    this.title = {
      set text(v: string) {
        set("title", v);
      },
      get text() {
        return model().title;
      },
    };
    this.legend = {
      set position(v: string) {
        set("legend", v);
      },
      get position() {
        return model().legend ?? "";
      },
    };
    this.axes = {
      valueAxis: {
        set numberFormat(v: string) {
          set("valueAxisFormat", v);
        },
        get numberFormat() {
          return model().valueAxisFormat ?? "";
        },
      },
    };
  }
  get name(): string {
    return this.read("name", this.model().name);
  }
  set name(v: string) {
    this.ctx.queue("chart.name=", () => void (this.model().name = v));
  }
  markLoaded(p: string): void {
    this.loaded.add(p);
  }
  setPosition(start: string, end: string): void {
    this.ctx.queue("chart.setPosition", () => void (this.model().position = [start, end]));
  }
  delete(): void {
    this.ctx.queue("chart.delete", () => {
      const m = this.model();
      for (const s of this.ctx.model.sheets) s.charts = s.charts.filter((c) => c !== m);
    });
  }
}

class FakeChartCollection extends FakeProxy {
  private _items: FakeChart[] = [];
  constructor(
    ctx: FakeContext,
    private ws: FakeWorksheet,
  ) {
    super(ctx);
  }
  get items(): FakeChart[] {
    return this.read("items", this._items);
  }
  load(_spec: string): this {
    this.ctx.queue("charts.load", () => {
      this._items = this.ws.model().charts.map((m) => {
        const chart = new FakeChart(this.ctx, () => m);
        chart.markLoaded("name");
        return chart;
      });
      this.loaded.add("items");
      return 50;
    });
    return this;
  }
  add(type: string, source: FakeRange, seriesBy: string): FakeChart {
    let created: ChartModel | null = null;
    this.ctx.queue("charts.add", () => {
      const sheet = this.ws.model();
      created = {
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        source: addressOf(source.sheetModel().name, source.box()),
        seriesBy,
        title: "",
        legend: null,
        valueAxisFormat: null,
        position: null,
      };
      sheet.charts.push(created);
    });
    return new FakeChart(this.ctx, () => {
      if (!created) throw new Error("chart used before its creation ran");
      return created;
    });
  }
}
