import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import { detectHost } from "./host";
import { languageFrom } from "./i18n/i18n";
import { initialView } from "./views";
import { analyze } from "./analyze";

async function start(): Promise<void> {
  const t0 = performance.now();
  const host = await detectHost();
  const params = new URLSearchParams(location.search);
  const language = languageFrom(host.displayLanguage ?? params.get("lang"));
  document.documentElement.lang = language;
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html: #container manquant");
  const common = {
    language,
    initialView: initialView(location.search),
    analyze,
  };
  const root = createRoot(container);
  if (host.inExcel) {
    const { createOfficePort } = await import(/* webpackChunkName: "office-port" */ "./office-port.js");
    root.render(<App {...common} officePort={createOfficePort()} />);
  } else {
    const openFile = async (file: File) =>
      (await import(/* webpackChunkName: "file-workbook" */ "./file-workbook.js")).openFileWorkbook(file);
    root.render(<App {...common} openFile={openFile} />);
  }
  // First render time, read by the end-to-end test (printed there, never asserted).
  requestAnimationFrame(() => {
    (window as { bilanIaeFirstRenderMs?: number }).bilanIaeFirstRenderMs = performance.now() - t0;
  });
}

void start().catch((error: unknown) => {
  const container = document.getElementById("container");
  if (container)
    container.textContent = `Bilan IAE n'a pas pu démarrer : ${error instanceof Error ? error.message : String(error)}`;
  console.error(error);
});
