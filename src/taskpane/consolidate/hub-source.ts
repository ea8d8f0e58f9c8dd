import { HubClient, HubError } from "../../client/hub-client";
import type { Consolidation, StructuresStatus } from "../../core";
import { isPeriodKey } from "../../core/submission/period";
import type { HubSettings } from "./hub-settings";

export interface HubOutcome {
  consolidation: Consolidation;
  status: StructuresStatus;
}

/** An error whose message is written for the department's staff. */
export class HubSourceError extends Error {
  readonly userFacing = true;
  constructor(message: string) {
    super(message);
    this.name = "HubSourceError";
  }
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
  if (!isPeriodKey(period))
    throw new HubSourceError(`Période invalide : « ${period} ». Exemples : 2025, 2025-S1, 2025-Q1, 2025-03.`);
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
    if (e instanceof HubError) throw new HubSourceError(hubMessage(e, settings.url));
    throw e;
  }
}

function hubMessage(e: HubError, url: string): string {
  if (e.kind === "unauthorized")
    return "Jeton refusé par le hub (401) : vérifiez le jeton du Département, il a peut-être été révoqué.";
  if (e.status === 403)
    return "Ce jeton n'ouvre pas la consolidation (403) : il faut un jeton du Département, pas celui d'une structure.";
  if (e.kind === "unreachable") {
    return `Le hub (${url.trim()}) ne répond pas : vérifiez l'adresse et votre connexion. Si l'adresse est juste, demandez au service informatique du Département d'autoriser ce volet à interroger le hub.`;
  }
  return `Le hub a refusé la demande : ${e.message}`;
}
