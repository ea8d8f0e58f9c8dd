/**
 * 32-bit hash of a numeric key below 2^53 (a PASS value, a packed name key): mixes both 32-bit halves,
 * then a murmur-style finaliser, so that sequential PASS numbers do not cluster.
 */
export function hashOf(key: number): number {
  let hash = Math.imul((key >>> 0) ^ Math.imul((key / 4294967296) | 0, 0x9e3779b1), 0x85ebca6b);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  hash ^= hash >>> 12;
  return hash;
}
