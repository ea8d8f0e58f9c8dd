import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./io";

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
      throw new UsageError(
        `Option inconnue « ${flag.split(" ")[0]} » pour la commande « ${command} ». Tapez « bilan-iae ${command} --help » pour la liste des options.`,
      );
    }
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      throw new UsageError(
        `Valeur manquante ou invalide pour l'option « ${flag.split(" ")[0]} » de la commande « ${command} ».`,
      );
    }
    throw new UsageError(`Arguments invalides pour la commande « ${command} » : ${msg}`);
  }
}

export function stringOption(values: Record<string, unknown>, name: string): string | undefined {
  const v = values[name];
  return typeof v === "string" ? v : undefined;
}
