import type { CommandEntry } from "../command";

/* eslint-disable @typescript-eslint/no-require-imports --
   Each command's module loads only when that command runs: `hub` pulls Fastify, PostgreSQL and SQLite
   drivers, `template` ExcelJS, and `check` on a big file must not pay for them at start-up. */

/** Every sub-command, in help order. Adding a command is one line here. */
export const COMMANDS: readonly CommandEntry[] = [
  { name: "check", load: () => (require("./check") as typeof import("./check")).checkCommand },
  {
    name: "indicators",
    load: () => (require("./indicators") as typeof import("./indicators")).indicatorsCommand,
  },
  {
    name: "consolidate",
    load: () => (require("./consolidate") as typeof import("./consolidate")).consolidateCommand,
  },
  { name: "template", load: () => (require("./template") as typeof import("./template")).templateCommand },
  { name: "push", load: () => (require("./push") as typeof import("./push")).pushCommand },
  { name: "outbox", load: () => (require("./outbox") as typeof import("./outbox")).outboxCommand },
  { name: "hub", load: () => (require("./hub-command") as typeof import("./hub-command")).hubCommand },
];
