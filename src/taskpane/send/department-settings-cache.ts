import { resolveConfig, type RulesConfig } from "../../core";
import type { SettingEntry, SettingsStore } from "../settings-store";
import { textField } from "../settings-store";

/**
 * The last good copy of the department's rules, per user in the settings store: checking keeps the
 * department's numbers when the hub cannot be reached. It is tied to the hub it came from, so changing
 * hub never applies another department's rules.
 */
export interface CachedDepartmentSettings {
  hubUrl: string;
  rules: RulesConfig;
  /** ISO date and time the hub gave them. */
  receivedAt: string;
}

export const DEPARTMENT_SETTINGS: SettingEntry<CachedDepartmentSettings | null> = {
  name: "department-settings",
  defaults: () => null,
  // The rules are checked again here: a copy an older add-in saved may no longer validate (then null).
  validate: (saved) => {
    const hubUrl = textField(saved, "hubUrl");
    const receivedAt = textField(saved, "receivedAt");
    const rules = (saved as { rules?: unknown }).rules;
    if (!hubUrl || !receivedAt || typeof rules !== "object" || rules === null) return null;
    return { hubUrl, rules: resolveConfig(rules), receivedAt };
  },
};

/** Same address as the hub client's normalizeHubUrl (not imported: the client loads only when asked). */
function sameHub(a: string, b: string): boolean {
  try {
    const norm = (u: string) => new URL(u.trim()).toString().replace(/\/+$/, "");
    return norm(a) === norm(b);
  } catch {
    return false;
  }
}

/** The cached copy for this hub, or null (none, another hub's, or damaged). */
export function loadCachedDepartmentSettings(
  store: SettingsStore,
  hubUrl: string,
): CachedDepartmentSettings | null {
  const cached = store.load(DEPARTMENT_SETTINGS);
  return cached && sameHub(cached.hubUrl, hubUrl) ? cached : null;
}
