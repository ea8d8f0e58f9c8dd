/** A column of the same kind, `n` long, starting with the values of `a` (growing a typed column). */
export function widen<T extends Float64Array | Int32Array | Uint8Array>(a: T, n: number): T {
  const b = new (a.constructor as new (length: number) => T)(n);
  b.set(a);
  return b;
}
