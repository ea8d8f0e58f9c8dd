/**
 * Floating-point hygiene for indicator values. Nothing here rounds a meaningful digit: display rounding is
 * the formatting helpers' job (labels/format.ts); this only removes binary noise such as 0.1 + 0.2.
 */

/** 15 significant digits: drops the last-bit noise of a double (0.30000000000000004 → 0.3), keeps 1/3. */
export function cleanNoise(x: number): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return x;
  return Number(x.toPrecision(15));
}

/** Hour sums to a millionth of an hour (3.6 ms): far below any recorded time, far above summation noise. */
export function cleanHours(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** part / whole, null when the whole is zero (a rate of nothing is unknown, not 0 %). */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? cleanNoise(part / whole) : null;
}
