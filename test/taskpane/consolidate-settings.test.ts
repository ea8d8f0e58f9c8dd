import { HUB_SETTINGS } from "../../src/taskpane/consolidate/hub-settings";
import { SettingsStore } from "../../src/taskpane/settings-store";
import { MemoryStorage } from "./node-fetch";

/** A Storage whose writes can be refused (quota exceeded). */
class RefusingStorage extends MemoryStorage {
  failWrites = false;
  override setItem(k: string, v: string) {
    if (this.failWrites) throw new Error("QuotaExceededError");
    super.setItem(k, v);
  }
}

describe("Consolider hub settings (per user, per Office partition)", () => {
  const settings = { url: "https://hub.example", token: "jeton", period: "2025-S1" };

  it("round-trips under the partition's own key, apart from another partition's", () => {
    const s = new RefusingStorage();
    expect(new SettingsStore(s, "part-A").save(HUB_SETTINGS, settings)).toBe("saved");
    expect(s.getItem("part-A:bilan-iae:consolidate-hub")).not.toBeNull();
    expect(s.getItem("bilan-iae:consolidate-hub")).toBeNull();
    expect(new SettingsStore(s, "part-A").load(HUB_SETTINGS)).toEqual(settings);
    expect(new SettingsStore(s, "part-B").load(HUB_SETTINGS)).toMatchObject({ url: "", token: "" });
  });

  it("a damaged entry or a refused write does not break the view", () => {
    const s = new RefusingStorage();
    const store = new SettingsStore(s, undefined);
    s.setItem("bilan-iae:consolidate-hub", "{pas du json");
    expect(store.load(HUB_SETTINGS)).toMatchObject({ url: "", token: "" });
    expect(store.load(HUB_SETTINGS).period).toMatch(/^\d{4}$/);
    s.failWrites = true;
    expect(store.save(HUB_SETTINGS, settings)).toBe("storage-refused");
    expect(new SettingsStore(null, undefined).save(HUB_SETTINGS, settings)).toBe("storage-disabled");
  });
});
