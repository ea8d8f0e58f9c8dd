/** The hub client, usable from the task pane (browser) and the CLI (Node). Node-only pieces live in ./node. */
export {
  buildSubmissionPayload,
  PayloadRefused,
  MIN_DEPARTMENT_KEY_LENGTH,
  type BuildOptions,
} from "./build-payload";
export { idempotencyKeyOf } from "./idempotency";
export {
  HubClient,
  isHubError,
  hubFailureOf,
  normalizeHubUrl,
  type HubError,
  type HubErrorKind,
  parseRetryAfter,
  type Receipt,
  type SendResult,
  type HubClientOptions,
  type RetryInfo,
} from "./hub-client";
export {
  Outbox,
  sendOrQueue,
  type OutboxEntry,
  type OutboxStore,
  type FlushResult,
  type SendOutcome,
} from "./outbox";
export { sha256Hex, hmacSha256 } from "./crypto";
