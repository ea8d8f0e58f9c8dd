import { createToken, listTokens, revokeToken } from "../../hub/db/repositories/tokens";
import { findStructureBySiret } from "../../hub/db/repositories/structures";
import { insertAudit } from "../../hub/db/repositories/audit";
import { parseCommandArgs, stringOption } from "../args";
import type { CliIo } from "../io";
import { UserError } from "../../core/errors/user-error";
import { withHubDb } from "./hub-db";
import { parseSiret } from "./hub-structure";

export const HUB_TOKEN_HELP = `Usage : bilan-iae hub token create (--siret SIRET | --department) [--label TEXTE] [--db FICHIER]
        bilan-iae hub token revoke ID [--db FICHIER]
        bilan-iae hub token list [--db FICHIER]

create : crée un jeton d'accès (32 octets aléatoires) et l'affiche UNE SEULE FOIS, sur la dernière ligne.
Le hub n'en garde que l'empreinte SHA-256 : un jeton perdu ne se retrouve pas, il se révoque et se recrée.
Transmettez-le par un canal sûr (jamais par courriel en clair avec le SIRET).
revoke : révoque le jeton n° ID (affiché à la création et par « list »), immédiatement.`;

export async function hubToken(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseCommandArgs("hub token", rest, {
    siret: { type: "string" },
    department: { type: "boolean" },
    label: { type: "string" },
    db: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help || sub === undefined || sub === "--help" || sub === "-h") {
    io.out(HUB_TOKEN_HELP + "\n");
    return 0;
  }
  const db = stringOption(values, "db");
  if (sub === "create") {
    const siretRaw = stringOption(values, "siret");
    const department = values.department === true;
    if ((siretRaw === undefined) === !department) throw new UserError("usage.token-target", {});
    const label = stringOption(values, "label") ?? null;
    return withHubDb(io, db, async (hub) => {
      let structureId: number | null = null;
      let what = "départemental";
      if (siretRaw !== undefined) {
        const siret = parseSiret(siretRaw);
        const s = await findStructureBySiret(hub.db, siret);
        if (!s) throw new UserError("usage.unknown-structure", { siret });
        structureId = s.id;
        what = `de la structure ${s.siret} (${s.name})`;
      }
      const { token, record } = await createToken(hub.db, {
        role: department ? "department" : "structure",
        structureId,
        label,
      });
      await insertAudit(hub.db, {
        actor: "cli",
        action: "token.create",
        target: `token:${record.id}`,
        details: record.role,
      });
      io.out(
        `Jeton n° ${record.id} ${what} créé. Il ne sera plus jamais affiché : conservez-le maintenant.\n${token}\n`,
      );
      return 0;
    });
  }
  if (sub === "revoke") {
    const idText = positionals[0];
    if (!idText || !/^\d+$/.test(idText)) throw new UserError("usage.missing-token-id", {});
    return withHubDb(io, db, async (hub) => {
      const ok = await revokeToken(hub.db, Number(idText));
      if (!ok) {
        io.err(`Aucun jeton actif n° ${idText} (inconnu ou déjà révoqué).\n`);
        return 1;
      }
      await insertAudit(hub.db, { actor: "cli", action: "token.revoke", target: `token:${idText}` });
      io.out(`Jeton n° ${idText} révoqué.\n`);
      return 0;
    });
  }
  if (sub === "list") {
    return withHubDb(io, db, async (hub) => {
      for (const t of await listTokens(hub.db)) {
        io.out(
          `${t.id}\t${t.role}\t${t.structureId ?? "-"}\t${t.createdAt}\t${t.revokedAt ? `révoqué ${t.revokedAt}` : "actif"}\t${t.label ?? ""}\n`,
        );
      }
      return 0;
    });
  }
  throw new UserError("usage.unknown-subcommand", {
    command: "hub token",
    sub: String(sub),
    choices: ["create", "revoke", "list"],
  });
}
