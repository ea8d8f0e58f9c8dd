import type { Kysely } from "kysely";
import { isKind, type Kind } from "../../../core";
import type { HubDatabase } from "../schema";

export interface Structure {
  id: number;
  siret: string;
  name: string;
  kinds: Kind[];
  createdAt: string;
}

function toStructure(r: {
  id: number;
  siret: string;
  name: string;
  kinds: string;
  created_at: string;
}): Structure {
  const parsed: unknown = JSON.parse(r.kinds);
  return {
    id: r.id,
    siret: r.siret,
    name: r.name,
    kinds: Array.isArray(parsed) ? parsed.filter(isKind) : [],
    createdAt: r.created_at,
  };
}

/** Adds a structure, or adds the kind to an existing SIRET (a SIRET can hold two conventions); the name is updated. */
export async function upsertStructure(
  db: Kysely<HubDatabase>,
  input: { siret: string; name: string; kind: Kind },
): Promise<Structure> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("structures")
      .selectAll()
      .where("siret", "=", input.siret)
      .executeTakeFirst();
    if (existing) {
      const s = toStructure(existing);
      const kinds = s.kinds.includes(input.kind) ? s.kinds : [...s.kinds, input.kind];
      await trx
        .updateTable("structures")
        .set({ name: input.name, kinds: JSON.stringify(kinds) })
        .where("id", "=", s.id)
        .execute();
      return { ...s, name: input.name, kinds };
    }
    const row = await trx
      .insertInto("structures")
      .values({
        siret: input.siret,
        name: input.name,
        kinds: JSON.stringify([input.kind]),
        created_at: new Date().toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toStructure(row);
  });
}

export async function findStructureBySiret(
  db: Kysely<HubDatabase>,
  siret: string,
): Promise<Structure | undefined> {
  const r = await db.selectFrom("structures").selectAll().where("siret", "=", siret).executeTakeFirst();
  return r && toStructure(r);
}

export async function findStructureById(db: Kysely<HubDatabase>, id: number): Promise<Structure | undefined> {
  const r = await db.selectFrom("structures").selectAll().where("id", "=", id).executeTakeFirst();
  return r && toStructure(r);
}

export async function listStructures(db: Kysely<HubDatabase>): Promise<Structure[]> {
  const rows = await db.selectFrom("structures").selectAll().orderBy("siret").execute();
  return rows.map(toStructure);
}
