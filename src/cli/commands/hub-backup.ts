import { parseCommandArgs, stringOption } from "../args";
import type { CliIo } from "../io";
import { UserError } from "../../core/errors/user-error";
import { resolveFrom, withHubDb } from "./hub-db";

export const HUB_BACKUP_HELP = `Usage : bilan-iae hub backup FICHIER [--db FICHIER]

Copie cohérente de la base SQLite du hub, hub en marche (sauvegarde en ligne de SQLite).
Pour PostgreSQL, utilisez pg_dump (voir docs/deploiement-hub.md).`;

export async function hubBackup(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs("hub backup", args, {
    db: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.out(HUB_BACKUP_HELP + "\n");
    return 0;
  }
  const target = positionals[0];
  if (!target) throw new UserError("usage.missing-backup-file", {});
  if (io.env.DATABASE_URL) throw new UserError("usage.backup-postgres", {});
  return withHubDb(io, stringOption(values, "db"), async (hub) => {
    await hub.backup(resolveFrom(io.cwd, target));
    io.out(`Sauvegarde écrite : ${resolveFrom(io.cwd, target)}\n`);
    return 0;
  });
}
