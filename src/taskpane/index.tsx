import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import { detectHost, isHostedByOffice, type HostInfo } from "./host";
import { chooseLanguage } from "./i18n/i18n";
import { initialView } from "./views";
import { analyze } from "./analyze";

function sessionStore(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

async function start(): Promise<void> {
  const t0 = performance.now();
  const detection = detectHost({ hosted: isHostedByOffice(location.search, sessionStore()) });
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html: #container manquant");
  const root = createRoot(container);
  const params = new URLSearchParams(location.search);

  const render = async (host: HostInfo) => {
    const language = chooseLanguage(
      params.get("lang"),
      host.displayLanguage,
      navigator.languages ?? [navigator.language],
    );
    document.documentElement.lang = language;
    const common = { language, initialView: initialView(location.search), analyze };
    if (host.inExcel) {
      const { createOfficePort } = await import(/* webpackChunkName: "office-port" */ "./office-port.js");
      root.render(<App key="excel" {...common} officePort={createOfficePort()} />);
    } else {
      const openFile = async (file: File) =>
        (await import(/* webpackChunkName: "file-workbook" */ "./file-workbook.js")).openFileWorkbook(file);
      root.render(<App key="file" {...common} openFile={openFile} />);
    }
  };

  const first = await detection.first;
  await render(first);
  // Office answered after the pane fell back to file mode (a slow Excel start): switch to Excel mode.
  if (!first.inExcel && detection.final)
    void detection.final.then((late) => (late.inExcel ? render(late) : undefined)).catch(reportStartFailure);
  // First render time, read by the end-to-end test (printed there, never asserted).
  requestAnimationFrame(() => {
    (window as { bilanIaeFirstRenderMs?: number }).bilanIaeFirstRenderMs = performance.now() - t0;
  });
}

function reportStartFailure(error: unknown): void {
  const container = document.getElementById("container");
  const french = !/^en\b/i.test(document.documentElement.lang);
  const detail = error instanceof Error ? error.message : String(error);
  if (container)
    container.textContent = french
      ? `Bilan IAE n'a pas pu démarrer\u00a0: ${detail}`
      : `Bilan IAE could not start: ${detail}`;
  console.error(error);
}

void start().catch(reportStartFailure);
