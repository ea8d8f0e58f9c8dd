import type { Kind } from "../model/kinds";
import { KIND_NAMES } from "../reference/kinds";
import { normalizeLabel } from "./normalize-code";
import { INVALID, isEmptyCell, MAX_CELL_TEXT, type Parsed } from "./outcome";

const BY_NAME = new Map<string, Kind>();
for (const [kind, names] of Object.entries(KIND_NAMES) as [Kind, string[]][])
  for (const n of names) BY_NAME.set(normalizeLabel(n), kind);

/** A kind's code as a word of a normalised text ("Salariés EI", "ETP conventionnés ACI", "ACI / EI"). */
export const KIND_TOKENS: ReadonlyMap<string, Kind> = new Map([
  ["aci", "ACI"],
  ["ai", "AI"],
  ["ei", "EI"],
  ["etti", "ETTI"],
  ["eiti", "EITI"],
]);

/** SIAE kind: ACI, AI, EI, ETTI, EITI, ASP mesure codes (ACI_DC, EI_MP…) or full labels. */
export function parseKind(v: unknown): Parsed<Kind> {
  if (v === null || v === undefined) return null;
  if (typeof v !== "string") return INVALID;
  if (isEmptyCell(v)) return null;
  if (v.length > MAX_CELL_TEXT) return INVALID;
  const n = normalizeLabel(v);
  const direct = BY_NAME.get(n);
  if (direct) return direct;
  // "ACI - Les Jardins de …", "EI (entreprise d'insertion)": a leading code decides.
  const first = n.split(" ", 1)[0];
  return KIND_TOKENS.has(first) ? (BY_NAME.get(first) ?? INVALID) : INVALID;
}

/** Every kind a kind cell names: "ACI / EI" names two (§2.4.3); so does a sheet named "Salariés ACI". */
export function kindsNamed(v: unknown): Kind[] {
  if (typeof v !== "string" || v.length > MAX_CELL_TEXT) return [];
  const out: Kind[] = [];
  for (const t of normalizeLabel(v).split(" ")) {
    const k = KIND_TOKENS.get(t);
    if (k && !out.includes(k)) out.push(k);
  }
  return out;
}
