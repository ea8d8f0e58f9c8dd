import { parseConfigText, type RulesConfig } from "../../core";

/** The department's settings file chosen in the Consolider view, kept per user (never in a workbook). */
export interface DepartmentConfig {
  name: string;
  rules: RulesConfig;
}

export const DEPARTMENT_CONFIG_KEY = "bilan-iae.consolider.config";

const keyOf = (partitionKey: string | undefined) =>
  `${partitionKey ? partitionKey + ":" : ""}${DEPARTMENT_CONFIG_KEY}`;

/** The file's text → its settings merged on the defaults; a bad file throws a `config.invalid` UserError naming it. */
export function departmentConfigFrom(name: string, text: string): DepartmentConfig {
  return { name, rules: parseConfigText(text, name) };
}

/** The saved choice, or null (none, or no longer valid: the defaults apply and the user picks again). */
export function loadDepartmentConfig(
  storage: Storage | null,
  partitionKey: string | undefined,
): DepartmentConfig | null {
  try {
    const raw = storage?.getItem(keyOf(partitionKey));
    if (!raw) return null;
    const saved = JSON.parse(raw) as { name?: unknown; text?: unknown };
    return typeof saved.name === "string" && typeof saved.text === "string"
      ? departmentConfigFrom(saved.name, saved.text)
      : null;
  } catch {
    return null;
  }
}

/** Saves (or with null forgets) the choice; false when the browser refuses (it then lasts this session). */
export function saveDepartmentConfig(
  storage: Storage | null,
  partitionKey: string | undefined,
  chosen: { name: string; text: string } | null,
): boolean {
  if (!storage) return false;
  try {
    if (chosen) storage.setItem(keyOf(partitionKey), JSON.stringify(chosen));
    else storage.removeItem(keyOf(partitionKey));
    return true;
  } catch {
    return false;
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
