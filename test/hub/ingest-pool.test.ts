import { createHash } from "node:crypto";
import { DEFAULT_CONFIG } from "../../src/core";
import { parseSubmissionPayload } from "../../src/core/submission";
import { IngestPool } from "../../src/hub/ingest/ingest-pool";
import type { BodyOutcome } from "../../src/hub/ingest/parse-body";
import { generatedRecords, makePayload } from "./support/payload";

/**
 * The ingest threads: a body sent to a thread comes back prepared exactly as the event loop would prepare it
 * (same canonical bytes, hash, indicators); bad bodies come back with their reason; a thread that dies is
 * replaced; a closed pool refuses work.
 */
const bytes = (text: string) => new TextEncoder().encode(text);
const SIRET = "73282932000074";

let pool: IngestPool;
afterEach(async () => {
  await pool?.close();
});

test("a thread prepares a body as the event loop does: canonical bytes, their hash, the recomputed indicators", async () => {
  pool = new IngestPool(DEFAULT_CONFIG, 1);
  const inline = new IngestPool(DEFAULT_CONFIG, 0);
  const payload = makePayload({ siret: SIRET, records: generatedRecords(120, "pool") });
  // Keys in another order than the schema's: the stored payload is still the canonical one.
  const reordered = { ...payload, records: payload.records.map((r) => Object.fromEntries(Object.entries(r).reverse())) };
  const [viaThread, viaLoop] = await Promise.all([pool.parse(bytes(JSON.stringify(reordered))), inline.parse(bytes(JSON.stringify(payload)))]);
  expect(viaThread.ok && viaLoop.ok).toBe(true);
  if (!viaThread.ok || !viaLoop.ok) return;
  const t = viaThread.prepared;
  const canonical = JSON.stringify((parseSubmissionPayload(payload) as { ok: true; payload: unknown }).payload);
  expect(new TextDecoder().decode(t.payload)).toBe(canonical);
  expect(t.contentHash).toBe(createHash("sha256").update(canonical).digest("hex"));
  expect({ ...t, payload: [...t.payload] }).toEqual({ ...viaLoop.prepared, payload: [...viaLoop.prepared.payload] });
  expect(t).toMatchObject({ siret: SIRET, kind: "ACI", period: "2025", recordCount: 120, mismatch: false, valid: true });
  expect(t.employeeFlagsText).toMatch(/^[01]{120}$/);
  expect(t.indicators).toEqual(payload.indicators);
  await inline.close();
});

test("bad bodies come back with their reason, never as a thrown error", async () => {
  pool = new IngestPool(DEFAULT_CONFIG, 1);
  const reasons = async (text: string) => {
    const o: BodyOutcome = await pool.parse(bytes(text));
    return o.ok ? "ok" : o.reason;
  };
  expect(await reasons("")).toBe("empty");
  expect(await reasons("{not json")).toBe("json");
  expect(await reasons('{"__proto__":{"admin":true}}')).toBe("forbidden-key");
  expect(await reasons('{"a":{"constructor":{"prototype":{"x":1}}}}')).toBe("forbidden-key");
  const schema = await pool.parse(bytes(JSON.stringify({ ...makePayload({ siret: SIRET }), nir: "190057512345678" })));
  expect(schema.ok).toBe(false);
  if (!schema.ok && schema.reason === "schema") expect(schema.errors.map((e) => e.pointer)).toContain("");
  else throw new Error("schema errors expected");
});

test("many bodies at once all come back, each to its caller", async () => {
  pool = new IngestPool(DEFAULT_CONFIG, 2);
  const sirets = Array.from({ length: 30 }, (_, i) => `8${String(i).padStart(13, "0")}`);
  const out = await Promise.all(sirets.map((siret) => pool.parse(bytes(JSON.stringify(makePayload({ siret, records: generatedRecords(20, siret) }))))));
  expect(out.map((o) => (o.ok ? o.prepared.siret : o.reason))).toEqual(sirets);
});

test("a thread that dies fails only its pending bodies; the next body gets a new thread", async () => {
  pool = new IngestPool(DEFAULT_CONFIG, 1);
  const text = JSON.stringify(makePayload({ siret: SIRET }));
  expect((await pool.parse(bytes(text))).ok).toBe(true);
  const threads = (pool as unknown as { threads: ({ worker: { terminate(): Promise<number> } } | null)[] }).threads;
  // Killed with a body just sent to it: that body is failed, not lost silently nor left waiting.
  const dying = threads[0]!.worker.terminate();
  const pending = pool.parse(bytes(text));
  await dying;
  await expect(pending).rejects.toThrow(/fil de préparation des envois s'est arrêté/);
  expect((await pool.parse(bytes(text))).ok).toBe(true);
});

test("a body with its own memory is moved to the thread; one in Node's shared pool is copied and left intact", async () => {
  pool = new IngestPool(DEFAULT_CONFIG, 1);
  const big = bytes(JSON.stringify(makePayload({ siret: SIRET, records: generatedRecords(50, "move") })));
  expect(big.byteLength).toBeGreaterThan(8192);
  expect((await pool.parse(big)).ok).toBe(true);
  expect(big.byteLength).toBe(0); // detached: moved, not copied
  // Short Buffers are views into a shared slab that other buffers use (Node's pool): moving one would break
  // them. Both shapes of view, at an offset and at the start of a longer memory, are copied.
  const text = '{"schemaVersion":1}';
  for (const offset of [8, 0]) {
    const slab = new ArrayBuffer(128);
    const view = new Uint8Array(slab, offset, text.length);
    view.set(bytes(text));
    new Uint8Array(slab, 100, 6).set(bytes("voisin"));
    expect((await pool.parse(view)).ok).toBe(false);
    expect(slab.byteLength).toBe(128);
    expect(new TextDecoder().decode(view)).toBe(text);
    expect(new TextDecoder().decode(new Uint8Array(slab, 100, 6))).toBe("voisin");
  }
});

test("a closed pool refuses new bodies", async () => {
  pool = new IngestPool(DEFAULT_CONFIG, 1);
  await pool.close();
  await expect(pool.parse(bytes("{}"))).rejects.toThrow(/s'arrête/);
});
