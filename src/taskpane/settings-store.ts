/**
 * The pane's per-user settings, in the browser's localStorage (never in a workbook: a workbook travels).
 * One key scheme, `[partitionKey:]bilan-iae:<entry>`: Office add-ins must key localStorage with
 * Office.context.partitionKey when it is defined, so two add-in instances never read each other's data.
 */
export interface SettingEntry<T> {
  /** The entry's name in the key scheme. */
  name: string;
  /** Keys an earlier version wrote (without the partition prefix): read once, then moved under `name`. */
  legacyKeys?: readonly string[];
  /** What a user who saved nothing (or whose entry is damaged) gets. */
  defaults: () => T;
  /** The parsed JSON → the value, or null when it is not one (the defaults apply). May throw: same. */
  validate: (saved: unknown) => T | null;
}

/** "saved", or why the browser kept nothing (the setting then lasts this session only). */
export type SaveOutcome = "saved" | "storage-disabled" | "storage-refused";

export class SettingsStore {
  constructor(
    readonly storage: Storage | null,
    readonly partitionKey: string | undefined,
  ) {}

  /** The store of the browser the pane runs in. */
  static browser(): SettingsStore {
    return new SettingsStore(browserStorage(), officePartitionKey());
  }

  keyOf(entry: SettingEntry<unknown>): string {
    return this.prefixed(`bilan-iae:${entry.name}`);
  }

  /** The saved value, or the entry's defaults (nothing saved, damaged JSON, invalid value): never throws. */
  load<T>(entry: SettingEntry<T>): T {
    const saved = this.read(this.keyOf(entry), entry);
    if (saved !== undefined) return saved ?? entry.defaults();
    for (const legacy of entry.legacyKeys ?? []) {
      const old = this.read(this.prefixed(legacy), entry);
      if (old === undefined) continue;
      if (old === null) return entry.defaults();
      // Moved under the one scheme; the old key goes only once the new one is written.
      if (this.save(entry, old) === "saved") this.remove(this.prefixed(legacy));
      return old;
    }
    return entry.defaults();
  }

  save<T>(entry: SettingEntry<T>, value: T): SaveOutcome {
    if (!this.storage) return "storage-disabled";
    try {
      this.storage.setItem(this.keyOf(entry), JSON.stringify(value));
      return "saved";
    } catch {
      // QuotaExceededError or a policy that forbids writing: the caller tells the user.
      return "storage-refused";
    }
  }

  /** Forgets the entry, under its old keys too. */
  forget(entry: SettingEntry<unknown>): void {
    this.remove(this.keyOf(entry));
    for (const legacy of entry.legacyKeys ?? []) this.remove(this.prefixed(legacy));
  }

  private prefixed(key: string): string {
    return `${this.partitionKey ? this.partitionKey + ":" : ""}${key}`;
  }

  /** undefined: nothing there; null: something there that is not a value of the entry. */
  private read<T>(key: string, entry: SettingEntry<T>): T | null | undefined {
    let raw: string | null;
    try {
      raw = this.storage?.getItem(key) ?? null;
    } catch {
      return undefined; // storage disabled by policy: as if nothing was saved
    }
    if (raw === null) return undefined;
    try {
      return entry.validate(JSON.parse(raw));
    } catch {
      // Damaged JSON, or a value an older add-in saved that no longer validates: the defaults apply.
      return null;
    }
  }

  private remove(key: string): void {
    try {
      this.storage?.removeItem(key);
    } catch {
      // Storage disabled: nothing could have been kept under that key.
    }
  }
}

/** The browser's localStorage, or null when a policy disables it. */
export function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function officePartitionKey(): string | undefined {
  const office = (globalThis as { Office?: { context?: { partitionKey?: string } } }).Office;
  return office?.context?.partitionKey || undefined;
}

/** A string field of a saved object, "" when absent or of another type. */
export function textField(saved: unknown, field: string): string {
  const v = saved !== null && typeof saved === "object" ? (saved as Record<string, unknown>)[field] : null;
  return typeof v === "string" ? v : "";
}
