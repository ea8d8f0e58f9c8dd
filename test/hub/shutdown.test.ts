import http from "node:http";
import { countSubmissions } from "../../src/hub/db/repositories/submissions";
import { startTestHub, SIRET_A } from "./support/hub";
import { makePayload } from "./support/payload";

/**
 * Ctrl-C drill in miniature: a submission whose body is still arriving when the hub starts closing is
 * answered (201, stored), and the close does not then wait for its keep-alive connection (72 s otherwise).
 */
test("close lets a request in flight finish, stores it, and does not wait for its keep-alive connection", async () => {
  const hub = await startTestHub();
  const agent = new http.Agent({ keepAlive: true });
  try {
    const body = JSON.stringify(makePayload({ siret: SIRET_A }));
    const req = http.request(`${hub.url}/api/v1/submissions`, {
      method: "POST",
      agent,
      headers: {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
        authorization: `Bearer ${hub.tokens.a}`,
        "idempotency-key": "k-close",
      },
    });
    const answered = new Promise<{ status?: number; connection?: string }>((resolve, reject) => {
      req.on("response", (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode, connection: res.headers.connection }));
      });
      req.on("error", reject);
    });
    req.write(body.slice(0, 100));
    // Let the request be routed (headers read, token checked) before the close starts.
    await new Promise((r) => setTimeout(r, 300));
    const t0 = Date.now();
    const closed = hub.app.close();
    req.end(body.slice(100));
    const r = await answered;
    await closed;
    expect(r).toEqual({ status: 201, connection: "close" });
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(await countSubmissions(hub.tdb.hub.db)).toBe(1);
  } finally {
    agent.destroy();
    await hub.tdb.cleanup();
  }
}, 60_000);
