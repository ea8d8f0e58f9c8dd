import { HUB_SETTINGS } from "../../src/taskpane/consolidate/hub-settings";
import { DEPARTMENT_CONFIG } from "../../src/taskpane/consolidate/department-config";
import { SEND_SETTINGS } from "../../src/taskpane/send/send-settings";
import { DEPARTMENT_SETTINGS } from "../../src/taskpane/send/department-settings-cache";
import { officePartitionKey, SettingsStore } from "../../src/taskpane/settings-store";
import { MemoryStorage } from "./node-fetch";

/** localStorage when the quota is exhausted: every write throws, reads work. */
class FullStorage extends MemoryStorage {
  override setItem(): void {
    throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  }
}

/** localStorage under a policy that forbids it: every access throws. */
class ForbiddenStorage extends MemoryStorage {
  override getItem(): string | null {
    throw new DOMException("Access is denied for this document.", "SecurityError");
  }
  override setItem(): void {
    throw new DOMException("Access is denied for this document.", "SecurityError");
  }
  override removeItem(): void {
    throw new DOMException("Access is denied for this document.", "SecurityError");
  }
}

const SEND = { hubUrl: "https://hub.example", token: "jeton", departmentKey: "cle-du-departement-38" };

describe("the settings store", () => {
  it("keys every entry one way, under Office's partition key when there is one", () => {
    const storage = new MemoryStorage();
    new SettingsStore(storage, "partition-xyz").save(SEND_SETTINGS, SEND);
    new SettingsStore(storage, undefined).save(HUB_SETTINGS, { url: "u", token: "t", period: "2025" });
    expect([...Array(storage.length).keys()].map((i) => storage.key(i)).sort()).toEqual([
      "bilan-iae:consolidate-hub",
      "partition-xyz:bilan-iae:send-settings",
    ]);
    expect(new SettingsStore(storage, "partition-xyz").load(SEND_SETTINGS)).toEqual(SEND);
    expect(new SettingsStore(storage, "other-partition").load(SEND_SETTINGS).token).toBe("");
  });

  it("takes the partition key from Office.context when Office gives one", () => {
    const g = globalThis as { Office?: unknown };
    const before = g.Office;
    try {
      g.Office = { context: { partitionKey: "pk-from-office" } };
      expect(officePartitionKey()).toBe("pk-from-office");
      g.Office = { context: { partitionKey: "" } };
      expect(officePartitionKey()).toBeUndefined();
    } finally {
      g.Office = before;
    }
  });

  it("still reads what older versions saved under the old keys, then moves it under the new one", () => {
    const storage = new MemoryStorage();
    const saved = { url: "https://hub.dep38.fr", token: "jeton-dept", period: "2024" };
    storage.setItem("pk:bilan-iae.consolider.hub", JSON.stringify(saved));
    storage.setItem("pk:bilan-iae.consolider.config", JSON.stringify({ name: "r.json", text: "{}" }));
    const store = new SettingsStore(storage, "pk");
    expect(store.load(HUB_SETTINGS)).toEqual(saved);
    expect(store.load(DEPARTMENT_CONFIG)).toEqual({ name: "r.json", text: "{}" });
    expect(storage.getItem("pk:bilan-iae.consolider.hub")).toBeNull();
    expect(JSON.parse(storage.getItem("pk:bilan-iae:consolidate-hub")!)).toEqual(saved);
    expect(storage.getItem("pk:bilan-iae:consolidate-config")).not.toBeNull();
    expect(store.load(HUB_SETTINGS)).toEqual(saved);
    // The send settings' key never changed: a user who saved them before reads them as they were.
    storage.setItem("pk:bilan-iae:send-settings", JSON.stringify(SEND));
    expect(store.load(SEND_SETTINGS)).toEqual(SEND);
  });

  it("keeps the old key when the new one cannot be written (full storage): read again next time", () => {
    const storage = new FullStorage();
    MemoryStorage.prototype.setItem.call(
      storage,
      "bilan-iae.consolider.hub",
      JSON.stringify({ url: "https://hub", token: "t", period: "2024" }),
    );
    const store = new SettingsStore(storage, undefined);
    expect(store.load(HUB_SETTINGS).url).toBe("https://hub");
    expect(storage.getItem("bilan-iae.consolider.hub")).not.toBeNull();
  });

  it("gives the entry's defaults for damaged JSON or a value of the wrong shape, never a throw", () => {
    const storage = new MemoryStorage();
    const store = new SettingsStore(storage, undefined);
    storage.setItem("bilan-iae:send-settings", "{pas du json");
    expect(store.load(SEND_SETTINGS)).toEqual({ hubUrl: "", token: "", departmentKey: "" });
    storage.setItem("bilan-iae:send-settings", JSON.stringify({ hubUrl: 42, token: ["x"] }));
    expect(store.load(SEND_SETTINGS)).toEqual({ hubUrl: "", token: "", departmentKey: "" });
    storage.setItem("bilan-iae:send-settings", "null");
    expect(store.load(SEND_SETTINGS)).toEqual({ hubUrl: "", token: "", departmentKey: "" });
    // Rules that no longer validate (a number where an object is expected): no copy.
    storage.setItem(
      "bilan-iae:department-settings",
      JSON.stringify({ hubUrl: "https://h", receivedAt: "2026-01-01", rules: { findingsCapPerRule: "x" } }),
    );
    expect(store.load(DEPARTMENT_SETTINGS)).toBeNull();
    // A damaged old key is not moved: the defaults apply.
    storage.setItem("bilan-iae.consolider.hub", "{{");
    expect(store.load(HUB_SETTINGS)).toMatchObject({ url: "", token: "" });
  });

  it("reports a full or disabled storage in one way, and never throws", () => {
    expect(new SettingsStore(new FullStorage(), "pk").save(SEND_SETTINGS, SEND)).toBe("storage-refused");
    expect(new SettingsStore(null, "pk").save(SEND_SETTINGS, SEND)).toBe("storage-disabled");
    const forbidden = new SettingsStore(new ForbiddenStorage(), "pk");
    expect(forbidden.save(SEND_SETTINGS, SEND)).toBe("storage-refused");
    expect(forbidden.load(SEND_SETTINGS).token).toBe("");
    expect(() => forbidden.forget(SEND_SETTINGS)).not.toThrow();
  });

  it("forgets an entry under its new and old keys", () => {
    const storage = new MemoryStorage();
    storage.setItem("bilan-iae.consolider.hub", JSON.stringify({ url: "a", token: "b", period: "2024" }));
    storage.setItem("bilan-iae:consolidate-hub", JSON.stringify({ url: "a", token: "b", period: "2024" }));
    new SettingsStore(storage, undefined).forget(HUB_SETTINGS);
    expect(storage.length).toBe(0);
  });
});
