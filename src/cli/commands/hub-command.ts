import type { Command } from "../command";
import { UserError } from "../../core/errors/user-error";
import { HUB_SERVE_HELP, hubServe } from "./hub-serve";
import { HUB_STRUCTURE_HELP, hubStructure } from "./hub-structure";
import { HUB_TOKEN_HELP, hubToken } from "./hub-token";
import { HUB_BACKUP_HELP, hubBackup } from "./hub-backup";
import { HUB_DOCTOR_HELP, hubDoctor } from "./hub-doctor";

const SUBCOMMANDS: Record<
  string,
  (args: readonly string[], io: Parameters<Command["run"]>[1]) => Promise<number>
> = {
  serve: hubServe,
  structure: hubStructure,
  token: hubToken,
  backup: hubBackup,
  doctor: hubDoctor,
};

export const hubCommand: Command = {
  name: "hub",
  summary: "hub départemental : serveur, structures attendues, jetons d'accès, sauvegarde, vérification",
  help: [
    "Usage : bilan-iae hub serve|structure|token|backup|doctor …",
    "DATABASE_URL=postgres://… fait travailler chaque commande sur PostgreSQL au lieu de SQLite.",
    "",
    HUB_SERVE_HELP,
    "",
    HUB_STRUCTURE_HELP,
    "",
    HUB_TOKEN_HELP,
    "",
    HUB_BACKUP_HELP,
    "",
    HUB_DOCTOR_HELP,
  ].join("\n"),
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === undefined || sub === "--help" || sub === "-h" || sub === "help") {
      io.out(this.help + "\n");
      return 0;
    }
    const fn = SUBCOMMANDS[sub];
    if (!fn)
      throw new UserError("usage.unknown-subcommand", {
        command: "hub",
        sub: String(sub),
        choices: ["serve", "structure", "token", "backup", "doctor"],
      });
    return fn(rest, io);
  },
};
