import net from "node:net";
import { http, startTestHub, SIRET_A, type TestHub } from "./support/hub";
import { makePayload } from "./support/payload";

/**
 * Connections (issue 15): an idle socket is closed within the configured timeout, an idle keep-alive one too,
 * connections beyond the cap are refused, and a body that is not UTF-8 JSON is refused with a problem.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({
    connections: { idleTimeoutMs: 400, keepAliveTimeoutMs: 250, maxConnections: 4 },
  });
});
afterAll(async () => {
  await hub.close();
});

function connect(): Promise<net.Socket> {
  const { hostname, port } = new URL(hub.url);
  return new Promise((resolve, reject) => {
    const s = net.connect({ host: hostname, port: Number(port) }, () => resolve(s));
    s.once("error", reject);
  });
}

/** Milliseconds until the server closes the socket (or fails after `within`). */
function closedWithin(s: net.Socket, within: number): Promise<number> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socket still open after ${within} ms`)), within);
    s.resume();
    s.once("close", () => {
      clearTimeout(timer);
      resolve(Date.now() - t0);
    });
  });
}

test("a socket that sends nothing is closed within the idle timeout (400 ms)", async () => {
  const sockets = await Promise.all([connect(), connect(), connect()]);
  const times = await Promise.all(sockets.map((s) => closedWithin(s, 3000)));
  for (const t of times) {
    expect(t).toBeGreaterThanOrEqual(300);
    expect(t).toBeLessThan(1500);
  }
});

test("a keep-alive connection idle after its answer is closed within the keep-alive timeout (250 ms)", async () => {
  const s = await connect();
  let answer = "";
  s.on("data", (d: Buffer) => (answer += d.toString()));
  s.write(`GET /healthz HTTP/1.1\r\nHost: ${new URL(hub.url).host}\r\nConnection: keep-alive\r\n\r\n`);
  const t = await closedWithin(s, 3000);
  expect(answer).toMatch(/^HTTP\/1\.1 200/);
  // Node keeps the socket 1 s past keepAliveTimeout, so that a client reusing it at the last moment is not cut.
  expect(t).toBeLessThan(2000);
});

test("connections beyond the cap (4) are closed at once; the hub serves again when they go", async () => {
  const held = await Promise.all([connect(), connect(), connect(), connect()]);
  const extra = await connect();
  expect(await closedWithin(extra, 300)).toBeLessThan(300);
  for (const s of held) s.destroy();
  await new Promise((r) => setTimeout(r, 50));
  expect((await http(hub.url, "GET", "/healthz")).status).toBe(200);
});

describe("bodies that are not UTF-8 JSON", () => {
  // Default timeouts here: fetch reuses its connections, which 250 ms of keep-alive would cut under it.
  let plain: TestHub;
  beforeAll(async () => {
    plain = await startTestHub();
  });
  afterAll(async () => {
    await plain.close();
  });
  const post = (body: BodyInit, contentType: string, key: string) =>
    fetch(`${plain.url}/api/v1/submissions`, {
      method: "POST",
      body,
      headers: {
        authorization: `Bearer ${plain.tokens.a}`,
        "content-type": contentType,
        "idempotency-key": key,
      },
    });

  test.each(["utf-16", "UTF-16LE", "iso-8859-1", '"windows-1252"'])(
    "charset=%s → 415 with a problem body",
    async (charset) => {
      const json = JSON.stringify(makePayload({ siret: SIRET_A }));
      const r = await post(
        charset.startsWith("utf-16") || charset.startsWith("UTF-16") ? Buffer.from(json, "utf16le") : json,
        `application/json; charset=${charset}`,
        `cs-${charset}`,
      );
      expect(r.status).toBe(415);
      expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      const p = (await r.json()) as { type: string; detail: string };
      expect(p.type).toBe("urn:bilan-iae:problem:unsupported-charset");
      expect(p.detail).toContain(`«\u00a0charset=${charset.replace(/"/g, "").toLowerCase()}\u00a0»`);
      expect(p.detail).toMatch(/^Le corps doit être du JSON en UTF-8\u00a0: /);
    },
  );

  test("invalid UTF-8 bytes → 400 with a problem body, nothing stored", async () => {
    const json = Buffer.from(JSON.stringify(makePayload({ siret: SIRET_A, name: "Atelier ZZ" })));
    const at = json.indexOf("ZZ");
    json[at] = 0xff;
    json[at + 1] = 0xfe;
    const r = await post(json, "application/json", "bad-utf8");
    expect(r.status).toBe(400);
    const p = (await r.json()) as { type: string; detail: string };
    expect(p.type).toBe("urn:bilan-iae:problem:invalid-encoding");
    expect(p.detail).toMatch(/UTF-8/);
    expect(
      await plain.tdb.hub.db
        .selectFrom("submissions")
        .select("id")
        .where("idempotency_key", "=", "bad-utf8")
        .execute(),
    ).toEqual([]);
  });

  test("charset=utf-8 (any case, quoted) is accepted", async () => {
    const r = await post(
      JSON.stringify(makePayload({ siret: SIRET_A })),
      'application/json; charset="UTF-8"',
      "cs-ok",
    );
    expect(r.status).toBe(201);
  });
});
