import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { buildHub } from "../../../src/hub/app";
import type { HubConfigOverrides } from "../../../src/hub/config";
import { upsertStructure } from "../../../src/hub/db/repositories/structures";
import { createToken, revokeToken } from "../../../src/hub/db/repositories/tokens";
import { openTestDb, type TestDb } from "./db";

export const SIRET_A = "73282932000074";
export const SIRET_B = "35600000000048";

export interface TestHub {
  app: FastifyInstance;
  tdb: TestDb;
  url: string;
  tokens: { a: string; b: string; dept: string; revoked: string };
  /** Everything the hub logged so far (pino JSON lines, level info), as in production. */
  log(): string;
  close(): Promise<void>;
}

/** A hub listening on 127.0.0.1 (random port) on a real database, with structures A (ACI) and B (EI), tokens. */
export async function startTestHub(config: HubConfigOverrides = {}): Promise<TestHub> {
  const tdb = await openTestDb();
  const db = tdb.hub.db;
  const a = await upsertStructure(db, { siret: SIRET_A, name: "Atelier A", kind: "ACI" });
  const b = await upsertStructure(db, { siret: SIRET_B, name: "Entreprise B", kind: "EI" });
  const ta = await createToken(db, { role: "structure", structureId: a.id });
  const tb = await createToken(db, { role: "structure", structureId: b.id });
  const td = await createToken(db, { role: "department", structureId: null });
  const tr = await createToken(db, { role: "structure", structureId: a.id });
  await revokeToken(db, tr.record.id);
  // The log at info, kept in memory: suites check that no token ever reaches it (issue 15).
  const lines: string[] = [];
  const stream = { write: (line: string) => void lines.push(line) };
  const app = await buildHub({
    db: tdb.hub,
    config: { rateLimit: { perToken: 100_000, perIp: 100_000, windowMs: 60_000 }, ...config },
    closeDb: false,
    logger: { level: "info", stream },
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const port = (app.server.address() as AddressInfo).port;
  return {
    app,
    tdb,
    url: `http://127.0.0.1:${port}`,
    tokens: { a: ta.token, b: tb.token, dept: td.token, revoked: tr.token },
    log: () => lines.join(""),
    async close() {
      await app.close();
      await tdb.cleanup();
    },
  };
}

export interface Res {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

/** Real HTTP request with fetch. */
export async function http(
  base: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<Res> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.raw !== undefined) body = opts.raw;
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["content-type"] ??= "application/json";
  }
  const r = await fetch(base + path, { method, headers, body });
  const text = await r.text();
  let parsed: unknown = undefined;
  if (/json/.test(r.headers.get("content-type") ?? "")) parsed = JSON.parse(text);
  return { status: r.status, headers: r.headers, body: parsed, text };
}

/**
 * The suite's log holds requests (the capture works) and no secret: none of the hub's tokens, nothing shaped
 * like a token (biae_ and 20 characters or more), no access_token parameter.
 */
export function expectNoSecretInLog(hub: TestHub): void {
  const log = hub.log();
  expect(log).toContain('"msg":"incoming request"');
  for (const token of Object.values(hub.tokens)) expect(log).not.toContain(token.slice(5));
  expect(log.match(/biae_[A-Za-z0-9_-]{20,}/g) ?? []).toEqual([]);
  expect(log).not.toMatch(/access_token/i);
}
