import type { Indicators } from "../model/indicators";

/** What the hub answers to a stored submission (201 created, 200 replay), identical on every replay. */
export interface SubmissionReceipt {
  id: string;
  siret: string;
  kind: string;
  period: string;
  version: number;
  receivedAt: string;
  /** The indicators recomputed by the hub from the records. */
  indicators: Indicators;
  /** The indicators the client sent differ from those recomputed by the hub. */
  indicatorsMismatch: boolean;
}
