/** The five kinds of SIAE [C]. */
export const KINDS = ["ACI", "AI", "EI", "ETTI", "EITI"] as const;
export type Kind = (typeof KINDS)[number];

export function isKind(value: unknown): value is Kind {
  return typeof value === "string" && (KINDS as readonly string[]).includes(value);
}
