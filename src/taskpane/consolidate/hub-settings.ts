import { textField, type SettingEntry } from "../settings-store";

/** The department's hub settings, kept per user in the settings store (never in the workbook). */
export interface HubSettings {
  url: string;
  token: string;
  period: string;
}

/** The period a department usually consolidates: last year's reports. */
export function defaultPeriod(now = new Date()): string {
  return String(now.getFullYear() - 1);
}

export const HUB_SETTINGS: SettingEntry<HubSettings> = {
  name: "consolidate-hub",
  // Versions before the settings store wrote this key (another separator).
  legacyKeys: ["bilan-iae.consolider.hub"],
  defaults: () => ({ url: "", token: "", period: defaultPeriod() }),
  validate: (saved) => ({
    url: textField(saved, "url"),
    token: textField(saved, "token"),
    period: textField(saved, "period") || defaultPeriod(),
  }),
};
