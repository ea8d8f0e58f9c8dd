import {
  HUB_SETTINGS_KEY,
  loadHubSettings,
  saveHubSettings,
} from "../../src/taskpane/consolidate/hub-settings";

/** A Storage in memory (the node test environment has no localStorage). */
class MemoryStorage implements Storage {
  private m = new Map<string, string>();
  failWrites = false;
  get length() {
    return this.m.size;
  }
  clear() {
    this.m.clear();
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  setItem(k: string, v: string) {
    if (this.failWrites) throw new Error("QuotaExceededError");
    this.m.set(k, v);
  }
}

describe("Consolider hub settings (per user, per Office partition)", () => {
  const settings = { url: "https://hub.example", token: "jeton", period: "2025-S1" };

  it("round-trips under the partition's own key, apart from another partition's", () => {
    const s = new MemoryStorage();
    expect(saveHubSettings(s, "part-A", settings)).toBe(true);
    expect(s.getItem(`part-A:${HUB_SETTINGS_KEY}`)).not.toBeNull();
    expect(s.getItem(HUB_SETTINGS_KEY)).toBeNull();
    expect(loadHubSettings(s, "part-A")).toEqual(settings);
    expect(loadHubSettings(s, "part-B")).toMatchObject({ url: "", token: "" });
  });

  it("a damaged entry or a refused write does not break the view", () => {
    const s = new MemoryStorage();
    s.setItem(HUB_SETTINGS_KEY, "{pas du json");
    expect(loadHubSettings(s, undefined)).toMatchObject({ url: "", token: "" });
    expect(loadHubSettings(s, undefined).period).toMatch(/^\d{4}$/);
    s.failWrites = true;
    expect(saveHubSettings(s, undefined, settings)).toBe(false);
    expect(saveHubSettings(null, undefined, settings)).toBe(false);
  });
});
