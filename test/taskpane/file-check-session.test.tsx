/** @jest-environment jsdom */
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App, type FileWorkbook } from "../../src/taskpane/components/App";
import type { CheckProgress, FileCheck } from "../../src/taskpane/file-check/protocol";
import { abortError } from "../../src/taskpane/file-check/worker-error";
import { readError } from "../../src/xlsx/errors";
import { cannedAnalysis, FakePort, finding } from "./fixtures";

/** A file whose check (the worker, in the app) is driven by the test: progress, result, failure. */
function fileWithCheck(name: string) {
  let progress: (p: CheckProgress) => void = () => undefined;
  let finish: (r: FileCheck) => void = () => undefined;
  let fail: (e: unknown) => void = () => undefined;
  let signal: AbortSignal | null = null;
  const workbook: FileWorkbook = {
    name,
    port: new FakePort(),
    annotated: async () => ({ bytes: new Uint8Array(), notKept: { charts: 0, pivotTables: 0, shapes: 0 } }),
    check: (_config, onProgress, s) =>
      new Promise<FileCheck>((resolve, reject) => {
        progress = onProgress;
        finish = resolve;
        fail = reject;
        signal = s;
        s.addEventListener("abort", () => reject(abortError()));
      }),
  };
  return {
    workbook,
    progress: (p: CheckProgress) => act(() => progress(p)),
    finish: (r: FileCheck) => act(async () => finish(r)),
    fail: (e: unknown) => act(async () => fail(e)),
    aborted: () => signal?.aborted === true,
  };
}

/** The bar's label and count, as shown. */
const barText = () => screen.getByRole("progressbar").closest(".fui-Field")?.textContent;

const result = (cell: string): FileCheck => ({
  reports: [cannedAnalysis([finding("value-required", "error", cell, "Sexe manquant.")])],
  mapping: null,
  sheetNames: ["Salariés"],
});

function renderWith(files: ReturnType<typeof fileWithCheck>[]) {
  const queue = [...files];
  const analyze = jest.fn();
  render(
    <App
      language="fr"
      initialView="verifier"
      analyze={analyze}
      openFile={async () => queue.shift()!.workbook}
    />,
  );
  return analyze;
}

describe("file mode's check off the page's thread", () => {
  it("shows the rows counted, then the findings; the page's engine is not called", async () => {
    const user = userEvent.setup();
    const a = fileWithCheck("grand.xlsx");
    const analyze = renderWith([a]);
    await user.upload(screen.getByTestId("file-input") as HTMLInputElement, new File(["x"], "grand.xlsx"));
    await screen.findByRole("progressbar");
    await a.progress({
      phase: "reading",
      sheet: "Salariés",
      rowsRead: 12000,
      totalRows: 30000,
      estimated: true,
    });
    expect(barText()).toBe("Lecture du classeur…12\u202f000 lignes lues sur ~30\u202f000");
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0.4");
    // Announced politely once, not at every count.
    expect(screen.getByTestId("progress-announcement").textContent).toBe(
      "12\u202f000 lignes lues sur ~30\u202f000",
    );
    await a.progress({
      phase: "reading",
      sheet: "Salariés",
      rowsRead: 13000,
      totalRows: 30000,
      estimated: true,
    });
    expect(screen.getByTestId("progress-announcement").textContent).toBe(
      "12\u202f000 lignes lues sur ~30\u202f000",
    );
    await a.progress({ phase: "analyzing", sheet: "", rowsRead: 30001, totalRows: 30001, estimated: false });
    expect(barText()).toBe("Analyse du classeur…Analyse de 30\u202f001 lignes…");
    expect(screen.getByTestId("progress-announcement").textContent).toBe("Analyse de 30\u202f001 lignes…");
    // The picker stays usable while a file is read (opening another cancels it).
    expect(screen.getByTestId("file-input").hasAttribute("disabled")).toBe(false);
    await a.finish(result("C5"));
    await screen.findByRole("button", { name: "Re-vérifier" });
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(analyze).not.toHaveBeenCalled();
  });

  it("opening another file aborts the first check, whose end is then ignored", async () => {
    const user = userEvent.setup();
    const a = fileWithCheck("premier.xlsx");
    const b = fileWithCheck("second.xlsx");
    renderWith([a, b]);
    await user.upload(screen.getByTestId("file-input") as HTMLInputElement, new File(["x"], "premier.xlsx"));
    await screen.findByRole("progressbar");
    await user.upload(screen.getByTestId("file-input") as HTMLInputElement, new File(["x"], "second.xlsx"));
    await waitFor(() => expect(a.aborted()).toBe(true));
    await b.finish(result("C9"));
    await screen.findByText("Classeur ouvert : second.xlsx");
    await waitFor(() => expect(screen.getAllByRole("button", { name: /^C9 / }).length).toBeGreaterThan(0));
    expect(screen.queryByTestId("error-bar")).toBeNull();
  });

  it("a reader's error from the worker is shown as the pane words it", async () => {
    const user = userEvent.setup();
    const a = fileWithCheck("faux.xlsx");
    renderWith([a]);
    await user.upload(screen.getByTestId("file-input") as HTMLInputElement, new File(["x"], "faux.xlsx"));
    await screen.findByRole("progressbar");
    await a.fail(readError("not-zip", "faux.xlsx"));
    expect((await screen.findByTestId("error-bar")).textContent).toContain(
      "n'est pas un classeur Excel .xlsx",
    );
    expect(screen.queryByRole("progressbar")).toBeNull();
  });
});
