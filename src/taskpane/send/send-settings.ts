import type { SettingEntry } from "../settings-store";
import { textField } from "../settings-store";

/**
 * The hub address, the structure's token and the department key: entered once, kept per user in the
 * settings store, never in the workbook (a workbook travels; a token must not).
 */
export interface SendSettings {
  hubUrl: string;
  token: string;
  departmentKey: string;
}

export const EMPTY_SETTINGS: SendSettings = { hubUrl: "", token: "", departmentKey: "" };

export const SEND_SETTINGS: SettingEntry<SendSettings> = {
  name: "send-settings",
  defaults: () => EMPTY_SETTINGS,
  validate: (saved) => ({
    hubUrl: textField(saved, "hubUrl"),
    token: textField(saved, "token"),
    departmentKey: textField(saved, "departmentKey"),
  }),
};

export function settingsComplete(s: SendSettings): boolean {
  return s.hubUrl.trim() !== "" && s.token.trim() !== "" && s.departmentKey.trim() !== "";
}
