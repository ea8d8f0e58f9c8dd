import sjson from "secure-json-parse";
import type { RulesConfig } from "../../core";
import { parseSubmissionPayload, type PayloadError } from "../../core/submission";
import { preparePayload, type PreparedSubmission } from "./prepare";

/** What becomes of a submission body: prepared for storage, or why not (the route turns it into a 400/422). */
export type BodyOutcome =
  | { ok: true; prepared: PreparedSubmission }
  | { ok: false; reason: "empty" }
  | { ok: false; reason: "json" }
  /** A `__proto__` or `constructor.prototype` key: refused rather than merged (prototype pollution). */
  | { ok: false; reason: "forbidden-key" }
  | { ok: false; reason: "schema"; errors: PayloadError[] };

const decoder = new TextDecoder();

/**
 * A submission body, from its bytes to what the hub stores: JSON parsing, the v1 schema, the indicators
 * recomputed. Pure and synchronous; the hub runs it on an ingest thread so that the event loop only moves bytes.
 */
export function parseSubmissionBody(body: Uint8Array, rules: RulesConfig): BodyOutcome {
  if (body.byteLength === 0) return { ok: false, reason: "empty" };
  const json = parseJson(decoder.decode(body));
  if (!json.ok) return { ok: false, reason: json.reason };
  const parsed = parseSubmissionPayload(json.value);
  if (!parsed.ok) return { ok: false, reason: "schema", errors: parsed.errors };
  return { ok: true, prepared: preparePayload(parsed.payload, rules) };
}

/**
 * JSON with Fastify's secure parser as the rule: a `__proto__` or `constructor` key is refused. That parser
 * scans the whole text again with regular expressions; a text containing neither word nor any \u escape cannot
 * hide such a key, so plain JSON.parse is safe for it. Anything else (and any syntax error: the secure parser
 * also accepts a leading BOM) goes through the secure parser.
 */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: "json" | "forbidden-key" } {
  if (!text.includes("__proto__") && !text.includes("constructor") && !text.includes("\\u")) {
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch {
      // Fall through to the secure parser.
    }
  }
  try {
    return { ok: true, value: sjson.parse(text, null, { protoAction: "error", constructorAction: "error" }) as unknown };
  } catch (e) {
    // secure-json-parse throws "Object contains forbidden prototype property" for a poisoned key.
    return { ok: false, reason: e instanceof Error && /forbidden prototype/.test(e.message) ? "forbidden-key" : "json" };
  }
}
