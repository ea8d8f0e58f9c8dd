import sjson from "secure-json-parse";

/** Why a JSON text is refused. */
export type JsonRefusal = "empty" | "json" | "forbidden-key";

/**
 * JSON with Fastify's secure parser as the rule: a `__proto__` or `constructor.prototype` key is refused
 * (prototype pollution), not merged. That parser scans the whole text again with regular expressions; a
 * text containing neither word nor any \u escape cannot hide such a key, so plain JSON.parse is safe for it.
 * Anything else (and any syntax error: the secure parser also accepts a leading BOM) goes through the
 * secure parser.
 */
export function parseJsonText(
  text: string,
): { ok: true; value: unknown } | { ok: false; reason: JsonRefusal } {
  if (text.length === 0) return { ok: false, reason: "empty" };
  if (!text.includes("__proto__") && !text.includes("constructor") && !text.includes("\\u")) {
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch {
      // Fall through to the secure parser.
    }
  }
  try {
    return {
      ok: true,
      value: sjson.parse(text, null, { protoAction: "error", constructorAction: "error" }) as unknown,
    };
  } catch (e) {
    // secure-json-parse throws "Object contains forbidden prototype property" for a poisoned key.
    return {
      ok: false,
      reason: e instanceof Error && /forbidden prototype/.test(e.message) ? "forbidden-key" : "json",
    };
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The bytes of a body as UTF-8 text, or null when they are not valid UTF-8 (never replaced by U+FFFD in silence). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    // The fatal decoder's only error: bytes that are not UTF-8, which the caller answers with a 400.
    return null;
  }
}
