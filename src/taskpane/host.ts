/** Where the pane runs: inside Excel (Office.onReady reports a host) or in a plain browser (file mode). */
export interface HostInfo {
  inExcel: boolean;
  displayLanguage: string | null;
}

const FILE_MODE: HostInfo = { inExcel: false, displayLanguage: null };

/**
 * True when Office opened the page: it adds `_host_Info` to the task pane's address (and keeps it in
 * session storage across reloads). Then the pane waits for Office as long as it takes.
 */
export function isHostedByOffice(search: string, storage: Pick<Storage, "getItem"> | null): boolean {
  if (new URLSearchParams(search).has("_host_Info")) return true;
  try {
    return storage?.getItem("hostInfoValue") != null;
  } catch {
    return false; // storage blocked (privacy settings): the address is the only sign
  }
}

export interface HostDetection {
  /** What to render first. */
  first: Promise<HostInfo>;
  /** Office's own answer, however late (file mode until then); null without office.js. */
  final: Promise<HostInfo> | null;
}

/**
 * office.js outside Office resolves onReady with host null. Hosted by Office, the pane waits for
 * onReady without limit (a slow Excel start must not end in file mode); otherwise file mode after
 * `timeoutMs`, and `final` still tells if Office answers later so the pane can switch to Excel mode.
 */
export function detectHost(options: {
  hosted: boolean;
  timeoutMs?: number;
  office?: typeof Office;
}): HostDetection {
  const office = options.office ?? (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== "function")
    return { first: Promise.resolve(FILE_MODE), final: null };
  const final = new Promise<HostInfo>((resolve) => {
    void office.onReady((info) => {
      const inExcel = info.host === office.HostType.Excel;
      resolve({ inExcel, displayLanguage: inExcel ? office.context.displayLanguage : null });
    });
  });
  if (options.hosted) return { first: final, final };
  const timeout = new Promise<HostInfo>((resolve) =>
    setTimeout(() => resolve(FILE_MODE), options.timeoutMs ?? 5000),
  );
  return { first: Promise.race([final, timeout]), final };
}
