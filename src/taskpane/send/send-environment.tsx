import { createContext, useContext, useState } from "react";
import type { HubClientOptions } from "../../client";
import { browserStorage, officePartitionKey, SettingsStore } from "../settings-store";

/**
 * What the Envoyer view needs from the browser: storage, Office's partition key, fetch and the retry
 * budget. The pane uses the real ones; component tests give their own (a Storage in memory, a short budget).
 */
export interface SendEnvironment {
  storage: Storage | null;
  partitionKey: string | undefined;
  fetch?: typeof fetch;
  /** Retry budget and timing of the hub client. */
  client?: Pick<HubClientOptions, "maxElapsedMs" | "baseDelayMs" | "maxDelayMs" | "timeoutMs" | "sleep">;
  now: () => Date;
}

export function browserSendEnvironment(): SendEnvironment {
  // The accountant waits in front of the pane: give up (and queue) after 30 s rather than the CLI's minute.
  return {
    storage: browserStorage(),
    partitionKey: officePartitionKey(),
    client: { maxElapsedMs: 30_000 },
    now: () => new Date(),
  };
}

/** The per-user settings kept in this environment's storage. */
export function settingsStore(env: Pick<SendEnvironment, "storage" | "partitionKey">): SettingsStore {
  return new SettingsStore(env.storage, env.partitionKey);
}

const SendEnvironmentContext = createContext<SendEnvironment | null>(null);
export const SendEnvironmentProvider = SendEnvironmentContext.Provider;

export function useSendEnvironment(): SendEnvironment {
  const given = useContext(SendEnvironmentContext);
  // Created once per view, so effects depending on it do not re-run on every render.
  const [fallback] = useState(() => (given ? null : browserSendEnvironment()));
  return given ?? fallback!;
}
