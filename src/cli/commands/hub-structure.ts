import { isKind, type Kind } from "../../core";
import { upsertStructure, listStructures } from "../../hub/db/repositories/structures";
import { insertAudit } from "../../hub/db/repositories/audit";
import { parseCommandArgs, stringOption } from "../args";
import type { CliIo } from "../io";
import { UserError } from "../../core/errors/user-error";
import { withHubDb } from "./hub-db";

export const HUB_STRUCTURE_HELP = `Usage : bilan-iae hub structure add --siret SIRET --name "RAISON SOCIALE" --kind TYPE[,TYPE] [--db FICHIER]
        bilan-iae hub structure list [--db FICHIER]

Enregistre une structure attendue par le Département (ou ajoute un type à une structure existante : une même
structure peut porter deux conventions, par exemple EI et ETTI). Types : ACI, AI, EI, ETTI, EITI.`;

export function parseSiret(raw: string | undefined): string {
  const siret = (raw ?? "").replace(/\s+/g, "");
  if (!/^\d{14}$/.test(siret)) throw new UserError("usage.bad-siret", { value: raw ?? "" });
  return siret;
}

export async function hubStructure(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseCommandArgs("hub structure", rest, {
    siret: { type: "string" },
    name: { type: "string" },
    kind: { type: "string" },
    db: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help || sub === undefined || sub === "--help" || sub === "-h") {
    io.out(HUB_STRUCTURE_HELP + "\n");
    return 0;
  }
  const db = stringOption(values, "db");
  if (sub === "list") {
    return withHubDb(io, db, async (hub) => {
      for (const s of await listStructures(hub.db)) io.out(`${s.siret}\t${s.kinds.join(",")}\t${s.name}\n`);
      return 0;
    });
  }
  if (sub !== "add")
    throw new UserError("usage.unknown-subcommand", {
      command: "hub structure",
      sub,
      choices: ["add", "list"],
    });
  const siret = parseSiret(stringOption(values, "siret"));
  const name = stringOption(values, "name")?.trim();
  if (!name) throw new UserError("usage.missing-name", {});
  const kindsRaw = (stringOption(values, "kind") ?? "")
    .split(",")
    .map((k) => k.trim().toUpperCase())
    .filter(Boolean);
  if (kindsRaw.length === 0) throw new UserError("usage.missing-kind", {});
  const bad = kindsRaw.filter((k) => !isKind(k));
  if (bad.length > 0) throw new UserError("usage.unknown-kinds", { kinds: bad });
  return withHubDb(io, db, async (hub) => {
    let kinds: Kind[] = [];
    for (const kind of kindsRaw as Kind[])
      kinds = (await upsertStructure(hub.db, { siret, name, kind })).kinds;
    await insertAudit(hub.db, {
      actor: "cli",
      action: "structure.add",
      target: siret,
      details: kinds.join(","),
    });
    io.out(`Structure ${siret} « ${name} » enregistrée (types : ${kinds.join(", ")}).\n`);
    return 0;
  });
}
