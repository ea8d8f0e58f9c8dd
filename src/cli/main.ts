import { isUserError, PRODUCT_VERSION } from "../core";
import { resolveCommand, type Command, type CommandEntry } from "./command";
import { COMMANDS } from "./commands";
import { processIo, type CliIo } from "./io";

function generalHelp(entries: readonly CommandEntry[]): string {
  const commands: Command[] = entries.map(resolveCommand);
  const width = Math.max(...commands.map((c) => c.name.length));
  return `bilan-iae — vérification, indicateurs et consolidation des bilans des SIAE

Usage : bilan-iae COMMANDE [options]

Commandes :
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

Aide d'une commande : bilan-iae COMMANDE --help
Exemples :
  bilan-iae check examples/aci-canonique.xlsx
  bilan-iae indicators --json examples/aci-canonique.xlsx
  bilan-iae consolidate examples/departement-38 --xlsx consolidation.xlsx
  bilan-iae template --kind ACI -o modele.xlsx
`;
}

/** Runs the CLI and returns the exit code. Never throws: every failure becomes a French message. */
export async function run(
  argv: readonly string[],
  io: CliIo,
  commands: readonly CommandEntry[] = COMMANDS,
): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      io.out(generalHelp(commands));
      return name === undefined ? 2 : 0;
    }
    if (name === "--version" || name === "-v") {
      io.out(`bilan-iae ${PRODUCT_VERSION}\n`);
      return 0;
    }
    const entry = commands.find((c) => c.name === name);
    if (!entry) {
      io.err(
        `Commande inconnue « ${name} ». Commandes disponibles : ${commands.map((c) => c.name).join(", ")}. Tapez « bilan-iae --help ».\n`,
      );
      return 2;
    }
    const command = resolveCommand(entry);
    return await command.run(rest, io);
  } catch (e) {
    // Every user-facing error is worded already (its French message): exit 2, no stack, whatever its area.
    if (isUserError(e)) {
      io.err(`${e.message}\n`);
      return 2;
    }
    io.err(
      `Erreur inattendue : ${e instanceof Error ? e.message : String(e)}. ` +
        "Relancez avec BILAN_IAE_DEBUG=1 pour le détail et signalez-la à l'équipe Bilan IAE.\n",
    );
    if (io.env.BILAN_IAE_DEBUG === "1" && e instanceof Error && e.stack) io.err(`${e.stack}\n`);
    return 2;
  }
}

/** Entry point of bin/bilan-iae.js. */
export function main(): void {
  const io = processIo();
  run(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // run() never rejects; this is the last net.
      io.err(`Erreur inattendue : ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}

if (require.main === module) main();
