import { resolveConfig, type RulesConfig } from "../../core";

/**
 * The last good copy of the department's rules, per user in localStorage (partition-keyed like the send
 * settings): checking keeps the department's numbers when the hub cannot be reached. It is tied to the
 * hub it came from, so changing hub never applies another department's rules.
 */
export interface CachedDepartmentSettings {
  hubUrl: string;
  rules: RulesConfig;
  /** ISO date and time the hub gave them. */
  receivedAt: string;
}

export function departmentSettingsKey(partitionKey: string | undefined): string {
  return `${partitionKey ? partitionKey + ":" : ""}bilan-iae:department-settings`;
}

/** Same address as the hub client's normalizeHubUrl (not imported: the client loads only when asked). */
function sameHub(a: string, b: string): boolean {
  try {
    const norm = (u: string) => new URL(u.trim()).toString().replace(/\/+$/, "");
    return norm(a) === norm(b);
  } catch {
    return false;
  }
}

/** The cached copy for this hub, or null (none, another hub's, or damaged: it is checked again here). */
export function loadCachedDepartmentSettings(
  storage: Storage | null,
  partitionKey: string | undefined,
  hubUrl: string,
): CachedDepartmentSettings | null {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(departmentSettingsKey(partitionKey)) ?? null;
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<Record<keyof CachedDepartmentSettings, unknown>>;
    if (typeof v.hubUrl !== "string" || typeof v.receivedAt !== "string" || !sameHub(v.hubUrl, hubUrl))
      return null;
    if (typeof v.rules !== "object" || v.rules === null) return null;
    return { hubUrl: v.hubUrl, rules: resolveConfig(v.rules), receivedAt: v.receivedAt };
  } catch {
    // Damaged or from an older add-in whose settings no longer validate: fetched again from the hub.
    return null;
  }
}

/** Keeps the copy; a full or disabled storage only means the copy lasts for this session. */
export function saveCachedDepartmentSettings(
  storage: Storage | null,
  partitionKey: string | undefined,
  copy: CachedDepartmentSettings,
): boolean {
  try {
    storage?.setItem(departmentSettingsKey(partitionKey), JSON.stringify(copy));
    return storage !== null;
  } catch {
    return false;
  }
}

/** Forgetting the send settings forgets the rules that came with them. */
export function forgetCachedDepartmentSettings(
  storage: Storage | null,
  partitionKey: string | undefined,
): void {
  try {
    storage?.removeItem(departmentSettingsKey(partitionKey));
  } catch {
    // Storage disabled: nothing was kept.
  }
}
