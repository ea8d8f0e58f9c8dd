/** Where the pane runs: inside Excel (Office.onReady reports a host) or in a plain browser (file mode). */
export interface HostInfo {
  inExcel: boolean;
  displayLanguage: string | null;
}

/** office.js outside Office resolves onReady with host null; if it never loads or answers, file mode. */
export function detectHost(timeoutMs = 5000): Promise<HostInfo> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== "function")
    return Promise.resolve({ inExcel: false, displayLanguage: null });
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ inExcel: false, displayLanguage: null }), timeoutMs);
    void office.onReady((info) => {
      clearTimeout(timer);
      const inExcel = info.host === office.HostType.Excel;
      resolve({ inExcel, displayLanguage: inExcel ? office.context.displayLanguage : null });
    });
  });
}
