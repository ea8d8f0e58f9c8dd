import path from "node:path";
import { Worker } from "node:worker_threads";

/**
 * Starts one of the hub's worker threads from its module next to this file: the compiled `.js` under dist/,
 * or the TypeScript source under the tests (through the same on-the-fly compiler as the test runner).
 * `name` is the module path relative to src/hub, without extension (e.g. "db/sqlite-writer-thread").
 */
export function startHubThread(name: string, workerData: unknown): Worker {
  if (__filename.endsWith(".js")) return new Worker(path.join(__dirname, `${name}.js`), { workerData });
  const ts = path.join(__dirname, `${name}.ts`);
  const register = path.resolve(__dirname, "../../scripts/register-ts.js");
  return new Worker(`require(${JSON.stringify(register)}); require(${JSON.stringify(ts)});`, { eval: true, workerData });
}

/**
 * True when the bytes fill an ArrayBuffer of their own, which can then be moved to another thread instead of
 * copied. Short Buffers are views into a slab that Node shares between many of them: those must be copied.
 */
export function ownsItsMemory(b: Uint8Array): b is Uint8Array<ArrayBuffer> {
  return b.buffer instanceof ArrayBuffer && b.byteOffset === 0 && b.byteLength === b.buffer.byteLength;
}
