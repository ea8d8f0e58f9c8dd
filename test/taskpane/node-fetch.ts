import { request } from "node:http";
import type { SendEnvironment } from "../../src/taskpane/send/send-environment";

/**
 * jsdom's environment has no fetch: this one goes over node:http to a real server on loopback, with just
 * what the hub client reads (status, ok, headers.get, json, arrayBuffer) and abort on its timeout.
 */
export const loopbackFetch = ((input: string | URL, init: RequestInit = {}) =>
  new Promise((resolve, reject) => {
    const url = new URL(String(input));
    const headers = (init.headers ?? {}) as Record<string, string>;
    const req = request(url, { method: init.method ?? "GET", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        const status = res.statusCode ?? 0;
        resolve({
          status,
          ok: status >= 200 && status < 300,
          headers: { get: (name: string) => (res.headers[name.toLowerCase()] as string | undefined) ?? null },
          json: async () => JSON.parse(body.toString("utf8")) as unknown,
          arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength),
        });
      });
      res.on("error", reject);
    });
    req.on("error", () => reject(new TypeError("fetch failed")));
    init.signal?.addEventListener("abort", () => {
      const e = new Error("aborted");
      e.name = "AbortError";
      req.destroy();
      reject(e);
    });
    req.end(init.body as string | undefined);
  })) as unknown as typeof fetch;

/** A Storage in memory (one per test). */
export class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
  setItem(key: string, value: string): void {
    this.map.set(key, String(value));
  }
}

/**
 * The send environment of the pane tests: real HTTP on loopback, settings in memory, a short retry budget
 * with no real waiting (so "unreachable" is reached at once), and a fixed clock (15/01/2026 09:06).
 */
export function testSendEnvironment(
  partitionKey: string,
  storage: Storage = new MemoryStorage(),
): SendEnvironment {
  return {
    storage,
    partitionKey,
    fetch: loopbackFetch,
    client: { maxElapsedMs: 50, baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 5000, sleep: async () => {} },
    now: () => new Date(2026, 0, 15, 9, 6),
  };
}
