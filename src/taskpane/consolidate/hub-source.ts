import { HubClient, hubFailureOf, isHubError, type HubError } from "../../client/hub-client";
import { UserError } from "../../core/errors/user-error";
import type { Consolidation, StructuresStatus } from "../../core";
import { isPeriodKey } from "../../core/submission/period";
import type { HubSettings } from "./hub-settings";

export interface HubOutcome {
  consolidation: Consolidation;
  status: StructuresStatus;
}

/**
 * Pulls the consolidation and the follow-up list from the hub with the department's token. The
 * retry budget is short: someone is waiting in front of the pane.
 */
export async function fetchFromHub(
  settings: HubSettings,
  options: { fetch?: typeof fetch; maxElapsedMs?: number } = {},
): Promise<HubOutcome> {
  const period = settings.period.trim();
  if (!isPeriodKey(period)) throw new UserError("consolidate.period-invalid", { period });
  try {
    const client = new HubClient({
      baseUrl: settings.url,
      token: settings.token,
      fetch: options.fetch,
      maxElapsedMs: options.maxElapsedMs ?? 15_000,
      timeoutMs: 10_000,
    });
    const [consolidation, status] = await Promise.all([
      client.getConsolidation(period),
      client.getStructuresStatus(period),
    ]);
    return { consolidation, status };
  } catch (e) {
    if (isHubError(e)) throw forDepartment(e, settings.url);
    throw e;
  }
}

/** The hub's failure in the words the department's staff can act on (their token, their network). */
function forDepartment(e: HubError, url: string): UserError {
  const { kind, status } = hubFailureOf(e);
  if (kind === "unauthorized") return new UserError("consolidate.token-refused", {}, { cause: e });
  if (status === 403) return new UserError("consolidate.token-not-department", {}, { cause: e });
  if (kind === "unreachable")
    return new UserError("consolidate.hub-unreachable", { url: url.trim() }, { cause: e });
  return new UserError("consolidate.hub-refused", { detail: e.message }, { cause: e });
}
