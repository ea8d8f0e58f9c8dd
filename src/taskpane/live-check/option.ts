import type { SettingEntry } from "../settings-store";

/** « Revérifier pendant la saisie »: on unless the user turned it off (kept per user, in this browser). */
export interface LiveCheckOption {
  enabled: boolean;
}

export const LIVE_CHECK: SettingEntry<LiveCheckOption> = {
  name: "live-check",
  defaults: () => ({ enabled: true }),
  validate: (saved) => {
    const enabled = (saved as { enabled?: unknown } | null)?.enabled;
    return typeof enabled === "boolean" ? { enabled } : null;
  },
};
