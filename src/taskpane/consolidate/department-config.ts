import { parseConfigText, type RulesConfig } from "../../core";
import { textField, type SettingEntry, type SettingsStore } from "../settings-store";

/** The department's settings file chosen in the Consolider view, kept per user (never in a workbook). */
export interface DepartmentConfig {
  name: string;
  rules: RulesConfig;
}

/** What is saved: the file's name and text (its rules are parsed again on loading, so they stay valid). */
export interface SavedDepartmentConfig {
  name: string;
  text: string;
}

export const DEPARTMENT_CONFIG: SettingEntry<SavedDepartmentConfig | null> = {
  name: "consolidate-config",
  // Versions before the settings store wrote this key (another separator).
  legacyKeys: ["bilan-iae.consolider.config"],
  defaults: () => null,
  validate: (saved) => {
    const name = textField(saved, "name");
    const text = textField(saved, "text");
    return name && text ? { name, text } : null;
  },
};

/** The file's text → its settings merged on the defaults; a bad file throws a `config.invalid` UserError naming it. */
export function departmentConfigFrom(name: string, text: string): DepartmentConfig {
  return { name, rules: parseConfigText(text, name) };
}

/** The saved choice, or null (none, or no longer valid: the defaults apply and the user picks again). */
export function loadDepartmentConfig(store: SettingsStore): DepartmentConfig | null {
  const saved = store.load(DEPARTMENT_CONFIG);
  if (!saved) return null;
  try {
    return departmentConfigFrom(saved.name, saved.text);
  } catch {
    // Rules a newer add-in no longer accepts: the defaults apply and the user picks the file again.
    return null;
  }
}

/** A picked file's text through FileReader, which every Office webview has (Blob.text() is recent). */
export function readFileText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(reader.error ?? new Error("FileReader"));
    reader.readAsText(file, "utf-8");
  });
}
