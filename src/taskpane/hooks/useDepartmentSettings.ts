import { useCallback, useEffect, useRef, useState } from "react";
import type { RulesConfig } from "../../core";
import { DEPARTMENT_SETTINGS, loadCachedDepartmentSettings } from "../send/department-settings-cache";
import { settingsStore, type SendEnvironment } from "../send/send-environment";
import { SEND_SETTINGS } from "../send/send-settings";

/** Which rules the analysis uses, and whether the hub could be asked for them. */
export interface RulesInUse {
  /** The department's rules; null: the shipped defaults. */
  rules: RulesConfig | null;
  /** ISO date and time the hub gave them (null for the defaults). */
  receivedAt: string | null;
  /** The hub was asked and did not answer with usable rules: the cached copy or the defaults stay. */
  unavailable: string | null;
}

export const DEFAULT_RULES_IN_USE: RulesInUse = { rules: null, receivedAt: null, unavailable: null };

/** Opening the pane must not wait on a slow hub: checking goes on with the cached copy meanwhile. */
const SETTINGS_BUDGET_MS = 10_000;

function cachedFor(env: SendEnvironment): RulesInUse {
  const store = settingsStore(env);
  const s = store.load(SEND_SETTINGS);
  if (!s.hubUrl.trim() || !s.token.trim()) return DEFAULT_RULES_IN_USE;
  const cached = loadCachedDepartmentSettings(store, s.hubUrl);
  return cached
    ? { rules: cached.rules, receivedAt: cached.receivedAt, unavailable: null }
    : DEFAULT_RULES_IN_USE;
}

/**
 * The department's rules from the hub named in the Envoyer settings (hub URL + structure token), asked on
 * opening and whenever those settings are saved; the last good copy is kept per user. Without settings,
 * offline or on a hub error: the cached copy, else the defaults — checking is never blocked.
 */
export function useDepartmentSettings(env: SendEnvironment): {
  inUse: RulesInUse;
  refresh: () => Promise<void>;
} {
  const [inUse, setInUse] = useState<RulesInUse>(() => cachedFor(env));
  // Only the latest request may set the state (settings saved twice quickly).
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const n = ++latest.current;
    const fallback = cachedFor(env);
    const store = settingsStore(env);
    const s = store.load(SEND_SETTINGS);
    setInUse(fallback);
    if (!s.hubUrl.trim() || !s.token.trim()) {
      // Forgetting the send settings forgets the rules that came with them.
      store.forget(DEPARTMENT_SETTINGS);
      return;
    }
    try {
      // The hub client is loaded when there is a hub to ask, not in the pane's first bundle.
      const { HubClient } = await import(/* webpackChunkName: "hub-client" */ "../../client/hub-client.js");
      const client = new HubClient({
        baseUrl: s.hubUrl,
        token: s.token,
        fetch: env.fetch,
        ...env.client,
        maxElapsedMs: Math.min(env.client?.maxElapsedMs ?? SETTINGS_BUDGET_MS, SETTINGS_BUDGET_MS),
      });
      const rules = await client.getSettings();
      if (n !== latest.current) return;
      const receivedAt = env.now().toISOString();
      // A full or disabled storage only means the copy lasts for this session.
      store.save(DEPARTMENT_SETTINGS, { hubUrl: client.baseUrl, rules, receivedAt });
      setInUse({ rules, receivedAt, unavailable: null });
    } catch (error) {
      if (n !== latest.current) return;
      setInUse({ ...fallback, unavailable: error instanceof Error ? error.message : String(error) });
    }
  }, [env]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { inUse, refresh };
}
