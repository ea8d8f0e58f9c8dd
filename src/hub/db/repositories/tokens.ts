import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import type { HubDatabase } from "../schema";

export type TokenRole = "structure" | "department";

export interface TokenRecord {
  id: number;
  role: TokenRole;
  structureId: number | null;
  label: string | null;
  createdAt: string;
  revokedAt: string | null;
}

/** Tokens are shown once with a recognisable prefix (so leaked tokens are easy to grep for), then only their hash is kept. */
export const TOKEN_PREFIX = "biae_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** 32 random bytes, base64url. */
export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export async function createToken(
  db: Kysely<HubDatabase>,
  input: { role: TokenRole; structureId: number | null; label?: string | null },
): Promise<{ token: string; record: TokenRecord }> {
  const token = generateToken();
  const createdAt = new Date().toISOString();
  const row = await db
    .insertInto("tokens")
    .values({
      role: input.role,
      structure_id: input.structureId,
      hash: hashToken(token),
      label: input.label ?? null,
      created_at: createdAt,
    })
    .returning(["id"])
    .executeTakeFirstOrThrow();
  return {
    token,
    record: {
      id: row.id,
      role: input.role,
      structureId: input.structureId,
      label: input.label ?? null,
      createdAt,
      revokedAt: null,
    },
  };
}

/**
 * The token record for a presented token, or undefined. The lookup is by hash (an attacker cannot steer
 * the hash of a guess towards a stored one); the final comparison is constant-time all the same.
 */
export async function findToken(
  db: Kysely<HubDatabase>,
  presented: string,
): Promise<TokenRecord | undefined> {
  const hash = hashToken(presented);
  const r = await db.selectFrom("tokens").selectAll().where("hash", "=", hash).executeTakeFirst();
  if (!r) return undefined;
  const a = Buffer.from(r.hash, "hex");
  const b = Buffer.from(hash, "hex");
  if (a.length !== b.length || !timingSafeEqual(a, b)) return undefined;
  return {
    id: r.id,
    role: r.role,
    structureId: r.structure_id,
    label: r.label,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  };
}

/** Revokes a token; false when no such token (or already revoked). */
export async function revokeToken(db: Kysely<HubDatabase>, id: number): Promise<boolean> {
  const r = await db
    .updateTable("tokens")
    .set({ revoked_at: new Date().toISOString() })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function listTokens(db: Kysely<HubDatabase>): Promise<TokenRecord[]> {
  const rows = await db.selectFrom("tokens").selectAll().orderBy("id").execute();
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    structureId: r.structure_id,
    label: r.label,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  }));
}
