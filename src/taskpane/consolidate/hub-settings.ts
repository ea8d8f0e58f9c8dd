/** The department's hub settings, kept per user in this browser's localStorage (never in the workbook). */
export interface HubSettings {
  url: string;
  token: string;
  period: string;
}

export const HUB_SETTINGS_KEY = "bilan-iae.consolider.hub";

/** Office add-ins key localStorage with Office.context.partitionKey when it is defined. */
export function hubSettingsKey(partitionKey: string | undefined): string {
  return `${partitionKey ? partitionKey + ":" : ""}${HUB_SETTINGS_KEY}`;
}

/** The period a department usually consolidates: last year's reports. */
export function defaultPeriod(now = new Date()): string {
  return String(now.getFullYear() - 1);
}

export function loadHubSettings(storage: Storage | null, partitionKey: string | undefined): HubSettings {
  const empty = { url: "", token: "", period: defaultPeriod() };
  if (!storage) return empty;
  try {
    const raw = storage.getItem(hubSettingsKey(partitionKey));
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
export function saveHubSettings(
  storage: Storage | null,
  partitionKey: string | undefined,
  settings: HubSettings,
): boolean {
  if (!storage) return false;
  try {
    storage.setItem(hubSettingsKey(partitionKey), JSON.stringify(settings));
    return true;
  } catch {
    return false;
  }
}
