/**
 * Canonical JSON (object keys sorted, no whitespace) of a parsed payload: the same content always gives the same
 * text, whatever the key order or spacing the client used, so its SHA-256 is a stable content hash (the hub
 * compares it to tell an idempotent replay from a different body; the client derives its Idempotency-Key from it).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return "[" + value.map(canonicalJson).join(",") + "]";
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return "{" + keys.map((k) => JSON.stringify(k) + ":" + canonicalJson(obj[k])).join(",") + "}";
}
