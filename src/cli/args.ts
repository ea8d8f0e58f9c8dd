import { parseArgs, type ParseArgsConfig } from "node:util";
import { UserError } from "../core/errors/user-error";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** node:util parseArgs with French messages for unknown flags and missing values. */
export function parseCommandArgs<O extends Options>(
  command: string,
  args: readonly string[],
  options: O,
): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  try {
    const r = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return {
      values: r.values as Record<string, string | boolean | string[] | undefined>,
      positionals: r.positionals,
    };
  } catch (e) {
    const code = (e as { code?: string }).code;
    const msg = e instanceof Error ? e.message : String(e);
    const flag = /'([^']+)'/.exec(msg)?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      throw new UserError("usage.unknown-option", { option: flag.split(" ")[0], command });
    }
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      throw new UserError("usage.bad-option-value", { option: flag.split(" ")[0], command });
    }
    throw new UserError("usage.bad-arguments", { command, detail: msg }, { cause: e });
  }
}

export function stringOption(values: Record<string, unknown>, name: string): string | undefined {
  const v = values[name];
  return typeof v === "string" ? v : undefined;
}
