import type { CliIo } from "./io";

/** One sub-command of bilan-iae. Register it in commands/index.ts (one line). */
export interface Command {
  name: string;
  /** One French line for the general help. */
  summary: string;
  /** Full French help (usage, options, exit codes). */
  help: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** A registered command: the command itself, or its name and a loader (its module loads only when it runs). */
export type CommandEntry = Command | { name: string; load(): Command };

export function resolveCommand(entry: CommandEntry): Command {
  return "load" in entry ? entry.load() : entry;
}
