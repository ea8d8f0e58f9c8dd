/**
 * File mode's check off the page's thread, the parts that run without a browser: errors across the worker
 * boundary, the progress throttle, the reader's row progress, and the fallback to the page where no worker starts.
 * The worker itself runs in Chromium (test/e2e/file-worker.test.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { analyzeWorkbook, DEFAULT_CONFIG, extractMapping, extractSendState } from "../../src/core";
import { isXlsxReadError, readReasonOf, readXlsxBytes } from "../../src/xlsx";
import { readError } from "../../src/xlsx/errors";
import { declaredRows } from "../../src/xlsx/read-buffer";
import { streamInflateRaw } from "../../src/xlsx/stream-inflate";
import { userMessage } from "../../src/taskpane/errors";
import { translator } from "../../src/taskpane/i18n/i18n";
import { checkFile, type RunInWorker } from "../../src/taskpane/file-check/check-off-thread";
import { throttleProgress } from "../../src/taskpane/file-check/progress-throttle";
import { resultJoiner, splitResult } from "../../src/taskpane/file-check/result-chunks";
import type { CheckProgress } from "../../src/taskpane/file-check/protocol";
import { fromPlain, toPlain, UserError } from "../../src/core/errors/user-error";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "ei-erreurs.xlsx");

/** What the structured clone between a worker and the page keeps of a value. */
const cloned = <T>(v: T): T => structuredClone(v);

describe("errors across the worker boundary", () => {
  it("a reader's error comes back worded as before, in French and in English", () => {
    const original = readError("not-zip", "bilan.xlsx", "c'est un PDF");
    const back = fromPlain(cloned(toPlain(original)));
    for (const language of ["fr", "en"] as const) {
      const t = translator(language);
      expect(userMessage(back, t)).toBe(userMessage(original, t));
    }
    expect(userMessage(back, translator("fr"))).toContain("«\u00a0bilan.xlsx\u00a0»");
    expect(userMessage(back, translator("en"))).toBe(
      "The file “bilan.xlsx” is not an .xlsx Excel workbook: open it in Excel (or LibreOffice) and save it as Excel Workbook (.xlsx).",
    );
  });

  it("a coded error keeps its code and params, so the English wording of the code is the same", () => {
    const original = new UserError("limit.too-many-cells", {
      cells: 6_000_000,
      max: 5_000_000,
      sheet: "Salariés",
      range: "A1:Z230000",
    });
    const back = fromPlain(cloned(toPlain(original)));
    expect(back).toBeInstanceOf(UserError);
    expect(userMessage(back, translator("en"))).toBe(userMessage(original, translator("en")));
    expect(userMessage(back, translator("en"))).toContain("6,000,000 used cells");
  });

  it("anything else stays an unexpected error with its message, never a stack", () => {
    const back = fromPlain(cloned(toPlain(new TypeError("x is undefined"))));
    expect(back.name).toBe("TypeError");
    expect(userMessage(back, translator("fr"))).toContain("x is undefined");
    expect(toPlain("boom")).toEqual({ name: "Error", message: "boom" });
    expect(toPlain(new Error("m"))).not.toHaveProperty("stack");
  });
});

describe("progress throttle", () => {
  const p = (rowsRead: number, over: Partial<CheckProgress> = {}): CheckProgress => ({
    phase: "reading",
    sheet: "Salariés",
    rowsRead,
    totalRows: 30_000,
    estimated: true,
    ...over,
  });

  it("sends the first, then at most one per interval, and the last held back on flush", () => {
    let clock = 0;
    const sent: number[] = [];
    const throttle = throttleProgress(
      (x) => sent.push(x.rowsRead),
      100,
      () => clock,
    );
    for (let rows = 1000; rows <= 30_000; rows += 1000) {
      throttle.push(p(rows));
      clock += 10; // a thousand rows every 10 ms: 300 ms in all
    }
    throttle.flush();
    expect(sent).toEqual([1000, 11_000, 21_000, 30_000]);
  });

  it("always sends a change of phase or sheet", () => {
    const sent: string[] = [];
    const throttle = throttleProgress(
      (x) => sent.push(`${x.phase}:${x.sheet}`),
      100,
      () => 0,
    );
    throttle.push(p(10, { sheet: "Structure" }));
    throttle.push(p(20, { sheet: "Structure" }));
    throttle.push(p(1000));
    throttle.push(p(2000, { phase: "analyzing" }));
    expect(sent).toEqual(["reading:Structure", "reading:Salariés", "analyzing:Salariés"]);
    throttle.flush();
    expect(sent).toHaveLength(3);
  });
});

describe("the reader's row progress", () => {
  it("reports every N rows with the estimate from the sheet's dimension, and the exact count at each sheet's end", async () => {
    const seen: { sheet: string; rowsRead: number; rowsEstimate: number | null }[] = [];
    const data = await readXlsxBytes(readFileSync(EXAMPLE), {
      name: "ei-erreurs.xlsx",
      onRows: (x) => seen.push(x),
      progressEvery: 2,
    });
    const last = seen[seen.length - 1];
    expect(last.rowsRead).toBe(data.sheets.reduce((n, s) => n + s.rows.length, 0));
    expect(last.rowsEstimate).toBe(last.rowsRead);
    expect(seen.length).toBeGreaterThan(data.sheets.length);
    for (let i = 1; i < seen.length; i++)
      expect(seen[i].rowsRead).toBeGreaterThanOrEqual(seen[i - 1].rowsRead);
  });

  it.each([
    ["jszip's inflate", undefined],
    ["the streaming inflate", streamInflateRaw()],
  ])(
    "counts the later sheets from the start (%s): a small first sheet is not read as the whole",
    async (_how, inflateRaw) => {
      const seen: { sheet: string; rowsRead: number; rowsEstimate: number | null }[] = [];
      const data = await readXlsxBytes(readFileSync(EXAMPLE), {
        name: "ei-erreurs.xlsx",
        onRows: (x) => seen.push(x),
        progressEvery: 2,
        inflateRaw,
      });
      const [first, people] = data.sheets;
      const total = data.sheets.reduce((n, s) => n + s.rows.length, 0);
      expect(first.rows.length).toBeLessThan(total / 2);
      const duringFirst = seen.filter((x) => x.sheet === first.name);
      expect(duringFirst.length).toBeGreaterThan(0);
      // ExcelJS declares each sheet's exact size: every estimate is the whole workbook's row count.
      for (const x of seen)
        expect([x.sheet, x.rowsRead, x.rowsEstimate]).toEqual([x.sheet, x.rowsRead, total]);
      expect(seen.some((x) => x.sheet === people.name)).toBe(true);
    },
  );

  it("reads the declared row count of <dimension>, none for a single cell", () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(declaredRows(bytes('<worksheet><dimension ref="A1:Y30001"/><sheetData>'))).toBe(30_001);
    expect(declaredRows(bytes('<x:worksheet><x:dimension ref="B3:C12"/>'))).toBe(10);
    expect(declaredRows(bytes('<worksheet><dimension ref="A1"/>'))).toBeNull();
    expect(declaredRows(bytes("<worksheet><sheetData>"))).toBeNull();
  });
});

describe("the check where no Web Worker starts", () => {
  const bytes = new Uint8Array(readFileSync(EXAMPLE));

  async function inPage() {
    const raw = await readXlsxBytes(bytes, { name: "ei-erreurs.xlsx" });
    const { data, mapping } = extractMapping(extractSendState(raw).data);
    return analyzeWorkbook(data, { config: DEFAULT_CONFIG, mapping: mapping ?? undefined }).reports;
  }

  it("without Worker, reads and analyses in the page: the same reports, with row progress", async () => {
    const progress: CheckProgress[] = [];
    const result = await checkFile("ei-erreurs.xlsx", bytes, null, (x) => progress.push(x), undefined, null);
    const expected = await inPage();
    expect(result.reports.map((r) => r.report.counts)).toEqual(expected.map((r) => r.report.counts));
    expect(result.reports[0].report.issues.length).toBeGreaterThan(0);
    expect(result.sheetNames.length).toBeGreaterThan(0);
    expect(progress[0].phase).toBe("reading");
    expect(progress[progress.length - 1].phase).toBe("analyzing");
  });

  it("a worker that cannot start falls back to the page; a worker's own error does not", async () => {
    const unavailable: RunInWorker = () =>
      Promise.reject(
        Object.assign(new Error("Web Worker indisponible : blocked"), { name: "WorkerUnavailable" }),
      );
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const result = await checkFile("ei-erreurs.xlsx", bytes, null, () => undefined, undefined, unavailable);
      expect(result.reports.map((r) => r.report.counts)).toEqual(
        (await inPage()).map((r) => r.report.counts),
      );
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("vérifié dans la page"));
    } finally {
      warn.mockRestore();
    }
    const refused = readError("not-zip", "x.xlsx");
    const failing: RunInWorker = () => Promise.reject(refused);
    await expect(checkFile("x.xlsx", bytes, null, () => undefined, undefined, failing)).rejects.toBe(refused);
  });

  it("the worker gets a copy of the bytes: the page keeps its own for the annotated copy", async () => {
    let given: ArrayBuffer | null = null;
    const spy: RunInWorker = (_n, b) => {
      given = b;
      return Promise.resolve({ reports: [], mapping: null, sheetNames: [] });
    };
    await checkFile("ei-erreurs.xlsx", bytes, null, () => undefined, undefined, spy);
    expect(given).not.toBe(bytes.buffer);
    expect(new Uint8Array(given!)).toEqual(bytes);
  });

  it("a page check whose file was replaced meanwhile is dropped as aborted", async () => {
    const controller = new AbortController();
    const pending = checkFile(
      "ei-erreurs.xlsx",
      bytes,
      null,
      () => controller.abort(),
      controller.signal,
      null,
    );
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });

  it("a broken file gives the reader's error, as in the worker", async () => {
    const text = new TextEncoder().encode("nom;prénom\nDupont;Léa\n");
    await expect(checkFile("liste.xlsx", text, null, () => undefined, undefined, null)).rejects.toMatchObject(
      { code: "read.not-zip" },
    );
  });
});

describe("the result in parts", () => {
  it("the rows and records of each report go in slices, and come back whole and in order", async () => {
    const bytes = new Uint8Array(readFileSync(EXAMPLE));
    const result = await checkFile("ei-erreurs.xlsx", bytes, null, () => undefined, undefined, null);
    const twice = { ...result, reports: [result.reports[0], { ...result.reports[0], rows: [] }] };
    const { parts, rest } = splitResult(cloned(twice), 3);
    expect(parts.every((p) => (p.type === "rows" ? p.rows : p.records).length <= 3)).toBe(true);
    expect(rest.reports.every((r) => r.rows.length === 0 && r.records.length === 0)).toBe(true);
    const joiner = resultJoiner();
    for (const part of parts) joiner.add(cloned(part));
    expect(joiner.join(cloned(rest))).toEqual(twice);
  });
});

describe("the browser's native inflater", () => {
  it("reads a workbook exactly as jszip's inflater does, and a damaged one fails the same way", async () => {
    const inflateRaw = streamInflateRaw();
    expect(inflateRaw).toBeDefined(); // Node 20 has DecompressionStream, as Chromium does
    const bytes = readFileSync(EXAMPLE);
    const native = await readXlsxBytes(bytes, { name: "ei-erreurs.xlsx", inflateRaw });
    expect(native).toEqual(await readXlsxBytes(bytes, { name: "ei-erreurs.xlsx" }));
    // The middle of the file zeroed: the worksheet's deflate stream is damaged.
    const damaged = new Uint8Array(bytes);
    damaged.fill(0, Math.floor(damaged.length / 3), Math.floor(damaged.length / 3) + 2000);
    const reasons = await Promise.all(
      [inflateRaw, undefined].map((i) =>
        readXlsxBytes(damaged, { name: "abime.xlsx", inflateRaw: i }).then(
          () => "read",
          (e: unknown) => (isXlsxReadError(e) ? readReasonOf(e) : "other"),
        ),
      ),
    );
    expect(reasons[0]).toBe(reasons[1]);
    expect(reasons[0]).not.toBe("read");
  });
});
