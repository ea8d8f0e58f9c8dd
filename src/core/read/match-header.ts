import type { MappedField, PersonField } from "../model/fields";
import { normalizeLabel } from "../parse/normalize-code";
import { MONTHS } from "../reference/months";
import { buildNameTable, CONVENTION_NAMES, FIELD_SYNONYMS, SENSITIVE_NAMES } from "./synonyms";

export type HeaderMatch =
  { field: MappedField; month?: number; name: string } | { field: "sensitive"; name: string };

type TableField = PersonField | "convention" | "sensitive";

interface IndexedName {
  tokens: string[];
  name: string;
  field: TableField;
  exact: boolean;
}

/** Names indexed by their first token: whole-word containment becomes a token-sequence check. */
const BY_FIRST_TOKEN = new Map<string, IndexedName[]>();
for (const e of buildNameTable<TableField>({
  ...FIELD_SYNONYMS,
  convention: CONVENTION_NAMES,
  sensitive: SENSITIVE_NAMES,
})) {
  const tokens = e.name.split(" ");
  const list = BY_FIRST_TOKEN.get(tokens[0]) ?? [];
  list.push({ tokens, name: e.name, field: e.field, exact: e.exact });
  BY_FIRST_TOKEN.set(tokens[0], list);
}

const DATE_FIELDS: ReadonlySet<TableField> = new Set([
  "birthDate",
  "hireDate",
  "contractEndDate",
  "exitDate",
]);
const DATE_WORDS: ReadonlySet<string> = new Set(["date", "validite", "expiration", "jusqu", "echeance"]);

const HOUR_WORDS = new Set([
  "heures",
  "heure",
  "h",
  "hrs",
  "hr",
  "nb",
  "nombre",
  "d",
  "de",
  "travaillees",
  "realisees",
  "total",
  "en",
  "du",
  "mois",
]);

/**
 * Monthly hours column: "Heures janvier", "Heures 01", "H. janv.", "Heures jan 2025", or a bare month
 * ("Janvier", "Janvier 2025") → month 1–12. Only hour words, one month and an optional year are allowed.
 */
export function monthOfHeader(normalized: string): number | null {
  const tokens = normalized.split(" ");
  if (tokens.length > 8) return null;
  let month: number | null = null;
  let monthFromNumber = false;
  let hasHours = false;
  let hasMoisWord = false;
  for (const t of tokens) {
    const m = MONTHS.get(t);
    if (m !== undefined) {
      if (month !== null) return null;
      month = m;
      continue;
    }
    if (t.length <= 2 && /^\d+$/.test(t)) {
      const n = Number(t);
      if (n < 1 || n > 12 || month !== null) return null;
      month = n;
      monthFromNumber = true;
      continue;
    }
    if (t.length === 4 && /^(19|20)\d\d$/.test(t)) continue;
    if (t === "heures" || t === "heure" || t === "h" || t === "hrs" || t === "hr") hasHours = true;
    else if (t === "mois") hasMoisWord = true;
    else if (!HOUR_WORDS.has(t)) return null;
  }
  if (month === null || hasMoisWord) return null;
  // A bare number needs an hours word ("Heures 01"); a month name alone is enough ("Janvier").
  if (monthFromNumber && !hasHours) return null;
  return month;
}

const cache = new Map<string, HeaderMatch | null>();

/** Recognises a header (already normalised): longest matching name wins; null when unknown. */
export function matchNormalizedHeader(n: string): HeaderMatch | null {
  if (n === "" || n.length > 150) return null;
  const hit = cache.get(n);
  if (hit !== undefined) return hit;
  const r = computeMatch(n);
  if (cache.size < 20000) cache.set(n, r);
  return r;
}

export function matchHeader(raw: string): HeaderMatch | null {
  return matchNormalizedHeader(normalizeLabel(raw));
}

/**
 * Words that name a subject of their own (domain §2.4.5): a header holding one takes a field only from
 * that subject, or through a name that holds the word too ("Date de début de contrat" is a hire date by
 * name; "Date de début du PASS IAE" is not one through "Date de début").
 */
const SUBJECTS: ReadonlyMap<string, ReadonlySet<TableField>> = new Map([
  ["pass", new Set<TableField>(["passNumber"])],
  ["contrat", new Set<TableField>(["contractEndDate", "weeklyHours", "convention"])],
  ["sortie", new Set<TableField>(["exitDate", "exitReason"])],
  ["naissance", new Set<TableField>(["birthDate", "birthYear"])],
]);

function respectsSubjects(tokens: readonly string[], cand: IndexedName): boolean {
  for (const t of tokens) {
    const fields = SUBJECTS.get(t);
    if (fields && !fields.has(cand.field) && !cand.tokens.includes(t)) return false;
  }
  return true;
}

/** Every name found in the header, longest first. */
function candidates(tokens: readonly string[], n: string): IndexedName[] {
  const out: IndexedName[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const list = BY_FIRST_TOKEN.get(tokens[i]);
    if (!list) continue;
    for (const cand of list) {
      if (
        cand.exact
          ? i === 0 && cand.tokens.length === tokens.length && cand.name === n
          : sequenceAt(tokens, i, cand.tokens)
      )
        out.push(cand);
    }
  }
  return out.sort((a, b) => b.name.length - a.name.length);
}

function computeMatch(n: string): HeaderMatch | null {
  const month = monthOfHeader(n);
  if (month !== null) return { field: "hoursMonth", month, name: n };
  const tokens = n.split(" ");
  const best = candidates(tokens, n).find((c) => respectsSubjects(tokens, c));
  if (!best) return null;
  // A header about a date ("Date de fin du PASS", "PASS valide jusqu'au") is never a non-date field.
  if (
    best.field !== "sensitive" &&
    !DATE_FIELDS.has(best.field) &&
    best.field !== "birthYear" &&
    tokens.some((t) => DATE_WORDS.has(t))
  )
    return null;
  return best.field === "sensitive"
    ? { field: "sensitive", name: best.name }
    : { field: best.field, name: best.name };
}

/**
 * True when a group header names a subject ("Sortie", "PASS IAE") that a sub-header's own match is
 * outside of: "Date de début" under "PASS IAE" is the PASS's date, not the hire date.
 */
export function groupExcludes(groupNormalized: string, match: HeaderMatch): boolean {
  if (match.field === "sensitive") return false;
  const tokens = groupNormalized.split(" ");
  const matchTokens = match.name.split(" ");
  for (const t of tokens) {
    const fields = SUBJECTS.get(t);
    if (fields && !fields.has(match.field as TableField) && !matchTokens.includes(t)) return true;
  }
  return false;
}

/** Little words left out when a group header and its sub-header are matched as one (§2.4.4). */
const LINK_WORDS = new Set(["de", "d", "du", "des", "la", "le", "l", "a", "au", "en", "dans"]);

/**
 * A two-row header read as one: "Sortie" above "Date" → exit date, "Entrée" above "Date" → hire date.
 * The pair's words, in either order, must hold every significant word of a field's name; the name with
 * the most words wins. Null when no name fits.
 */
export function matchGroupedHeader(group: string, sub: string): HeaderMatch | null {
  const direct = matchNormalizedHeader(`${sub} ${group}`) ?? matchNormalizedHeader(`${group} ${sub}`);
  if (direct) return direct;
  const words = new Set(
    [...group.split(" "), ...sub.split(" ")].filter((t) => t !== "" && !LINK_WORDS.has(t)),
  );
  const tokens = [...words];
  let best: IndexedName | null = null;
  let bestSize = 0;
  for (const list of BY_FIRST_TOKEN.values()) {
    for (const cand of list) {
      if (cand.field === "sensitive" || cand.exact) continue;
      const significant = cand.tokens.filter((t) => !LINK_WORDS.has(t));
      if (significant.length < 2 || significant.length <= bestSize) continue;
      if (significant.every((t) => words.has(t)) && respectsSubjects(tokens, cand)) {
        best = cand;
        bestSize = significant.length;
      }
    }
  }
  return best ? { field: best.field as MappedField, name: best.name } : null;
}

function sequenceAt(tokens: readonly string[], at: number, seq: readonly string[]): boolean {
  if (at + seq.length > tokens.length) return false;
  for (let k = 0; k < seq.length; k++) if (tokens[at + k] !== seq[k]) return false;
  return true;
}
