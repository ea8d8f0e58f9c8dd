import { canonicalJson, type SubmissionPayload } from "../core/submission";
import { sha256Hex } from "./crypto";

/**
 * The Idempotency-Key of a submission is the SHA-256 of its canonical JSON: sending the same content again
 * (a retry after a lost answer, a second click, the outbox) is recognised by the hub as already received.
 */
export async function idempotencyKeyOf(payload: SubmissionPayload): Promise<string> {
  return "sha256-" + (await sha256Hex(canonicalJson(payload)));
}
