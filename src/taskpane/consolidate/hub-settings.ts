/** The department's hub settings, kept per user in this browser (never in the workbook). */
export interface HubSettings {
  url: string;
  token: string;
  period: string;
}

export const HUB_SETTINGS_KEY = "bilan-iae.consolider.hub";

/** The period a department usually consolidates: last year's reports. */
export function defaultPeriod(now = new Date()): string {
  return String(now.getFullYear() - 1);
}

export function loadHubSettings(storage: Storage | null): HubSettings {
  const empty = { url: "", token: "", period: defaultPeriod() };
  if (!storage) return empty;
  try {
    const raw = storage.getItem(HUB_SETTINGS_KEY);
    const saved = raw ? (JSON.parse(raw) as Partial<HubSettings>) : {};
    return {
      url: typeof saved.url === "string" ? saved.url : "",
      token: typeof saved.token === "string" ? saved.token : "",
      period: typeof saved.period === "string" && saved.period ? saved.period : empty.period,
    };
  } catch {
    // Damaged settings: start afresh, the user types them again.
    return empty;
  }
}

/** Returns false when the browser refuses (storage full or disabled): the settings then last this session only. */
export function saveHubSettings(storage: Storage | null, settings: HubSettings): boolean {
  if (!storage) return false;
  try {
    storage.setItem(HUB_SETTINGS_KEY, JSON.stringify(settings));
    return true;
  } catch {
    return false;
  }
}

/** localStorage when the page may use it (some locked-down webviews throw on access). */
export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}
