import type { Command } from "../command";
import { checkCommand } from "./check";
import { indicatorsCommand } from "./indicators";
import { consolidateCommand } from "./consolidate";
import { templateCommand } from "./template";
import { pushCommand } from "./push";
import { outboxCommand } from "./outbox";
import { hubCommand } from "./hub-command";

/** Every sub-command, in help order. Adding a command is one line here. */
export const COMMANDS: readonly Command[] = [
  checkCommand,
  indicatorsCommand,
  consolidateCommand,
  templateCommand,
  pushCommand,
  outboxCommand,
  hubCommand,
];
