import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HubClient, Outbox, sendOrQueue } from "../../src/client";
import { FileOutboxStore } from "../../src/client/node/file-outbox-store";
import type { SubmissionPayload } from "../../src/core/submission";
import { json, scriptedServer } from "./scripted-server";

const payload = {
  structure: { siret: "12345678900012", kind: "ACI", name: "Atelier" },
} as unknown as SubmissionPayload;
const receipt = {
  id: "0b7c7a34-8c55-4f44-9b7e-1f1d2e3c4b5a",
  siret: "12345678900012",
  kind: "ACI",
  period: "2025",
  version: 1,
  receivedAt: "2026-01-10T10:00:00.000Z",
  indicators: {},
  indicatorsMismatch: false,
};

function fastClient(url: string) {
  return new HubClient({
    baseUrl: url,
    token: "jeton-secret-42",
    sleep: async () => undefined,
    baseDelayMs: 1,
    maxElapsedMs: 50,
  });
}

describe("outbox in a real file", () => {
  const dir = mkdtempSync(join(tmpdir(), "bilan-outbox-"));

  it("queues a submission when the hub is down, then delivers it exactly once when it is back", async () => {
    const store = new FileOutboxStore(join(dir, "a", "outbox.json"));
    const outbox = new Outbox(store);
    const down = await scriptedServer([json(503, {})]);
    const r = await sendOrQueue(fastClient(down.url), outbox, payload, "sha256-k1", "2025");
    await down.close();
    expect("queued" in r).toBe(true);
    // Survives the process: a new store on the same file sees it.
    const reopened = new Outbox(new FileOutboxStore(store.location));
    expect((await reopened.list()).map((e) => [e.id, e.state, e.siret])).toEqual([
      ["sha256-k1", "pending", "12345678900012"],
    ]);
    expect(readFileSync(store.location, "utf8")).not.toContain("jeton-secret-42");

    const up = await scriptedServer([json(201, receipt)]);
    try {
      const results = await reopened.flush(() => fastClient(up.url));
      expect(results).toHaveLength(1);
      expect(results[0].result?.outcome).toBe("received");
      expect(up.seen).toHaveLength(1);
      expect(up.seen[0].headers["idempotency-key"]).toBe("sha256-k1");
      expect(await reopened.list()).toEqual([]);
      // A second flush sends nothing.
      await reopened.flush(() => fastClient(up.url));
      expect(up.seen).toHaveLength(1);
    } finally {
      await up.close();
    }
  });

  it("keeps a refused entry, marked refused, and never resends it automatically", async () => {
    const outbox = new Outbox(new FileOutboxStore(join(dir, "b.json")));
    await outbox.put({
      id: "k2",
      hubUrl: "http://x",
      siret: "1",
      kind: "ACI",
      period: "2025",
      structureName: "A",
      queuedAt: "",
      attempts: 1,
      lastError: null,
      state: "pending",
      payload,
    });
    const s = await scriptedServer([json(422, { detail: "Bilan non conforme." })]);
    try {
      await outbox.flush(() => fastClient(s.url));
      await outbox.flush(() => fastClient(s.url));
      expect(s.seen).toHaveLength(1);
      expect((await outbox.list())[0]).toMatchObject({
        state: "refused",
        lastError: "Bilan non conforme.",
        attempts: 2,
      });
    } finally {
      await s.close();
    }
  });

  it("says in French when the outbox file is damaged", async () => {
    const p = join(dir, "broken.json");
    writeFileSync(p, "{ pas du json");
    await expect(new FileOutboxStore(p).load()).rejects.toThrow(/Boîte d'envoi endommagée/);
  });
});
