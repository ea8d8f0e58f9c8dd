import type { PersonRow } from "../model/person";
import { normalizeText } from "../text/normalize";
import type { FindingCollector } from "../findings/collector";
import type { RowRule, RuleEnv } from "./rule-env";
import { FirstRowTable } from "../keys/key-table";
import { passDigits } from "../keys/pass-digits";
import { NameEntries } from "../keys/name-entries";
import { EntryInts, PassEntries } from "../keys/pass-entries";
import { nameHash } from "./name-hash";

/** PASS IAE as compared: spaces, dots and dashes removed, upper case (domain §2.2). */
export function normalizePass(raw: string): string {
  return raw.replace(/[\s.\-\u00a0\u202f]/g, "").toUpperCase();
}

const PASS_CHARS = /^[A-Z0-9]{12}$/;
/** Name keys pack the birth day (18 bits) and hashes of the last (18 bits) and first name (17 bits): < 2^53. */
const BIRTH_OFFSET = 2 ** 17;
/** Most rows warmed at once (see warm). */
export const WARM_MAX = 64;

/** The number a name + birth day is looked up under, or -1 when the birth day is outside the packable range. */
function nameKey(last: string, first: string, birth: number): number {
  const b = birth + BIRTH_OFFSET;
  if (!(b >= 0 && b < BIRTH_OFFSET * 2 && Number.isInteger(b))) return -1;
  return (b * 2 ** 18 + (nameHash(last) >>> 14)) * 2 ** 17 + (nameHash(first) >>> 15);
}

/** pass-format and duplicate-person (same PASS, or same last name + first name + birth date). */
export function identityRules(env: RuleEnv): RowRule | null {
  const hasPass = env.has("passNumber");
  const hasNames = env.has("lastName") && env.has("firstName") && env.has("birthDate");
  if (!hasPass && !hasNames) return null;
  return new IdentityRules(env, hasPass, hasNames);
}

/** A class so that every analysis runs the same, already optimised `check` (see RowRule). */
export class IdentityRules implements RowRule {
  private readonly findings: FindingCollector;
  // 12-digit PASS numbers (nearly all) as numbers in a typed table (shared with the indicators in one
  // pass, see PassEntries) with the first row of each; anything else in a Map.
  private readonly passes: PassEntries;
  private readonly ownPasses: boolean;
  private readonly passFirst: EntryInts;
  private readonly otherPass = new Map<string, number>();
  // Names are mostly distinct: they are hashed in their normalised form without building it, packed with
  // the birth day into one number; a hit is confirmed with normalizeText (rare: only true duplicates).
  private readonly nameTable: FirstRowTable;
  // What a hit is confirmed against, per entry of nameTable: not the row itself, which may be an object
  // the reader refills for the next row.
  private readonly names: NameEntries;
  // The keys warm() computed for the rows about to be checked, used again by check() (hashing names is
  // most of the rule's own work): rows warmRows[warmAt…warmCount - 1], checked in that order.
  private readonly warmPass = new Float64Array(WARM_MAX);
  private readonly warmNames = new Float64Array(WARM_MAX);
  private warmRows: readonly PersonRow[] = [];
  private warmAt = 0;
  private warmCount = 0;
  private readonly otherNames = new Map<string, number>();

  constructor(
    private readonly env: RuleEnv,
    private readonly hasPass: boolean,
    private readonly hasNames: boolean,
  ) {
    this.findings = env.findings;
    this.ownPasses = env.passEntries === null;
    this.passes = env.passEntries ?? new PassEntries(env.rowCount);
    this.passFirst = EntryInts.take(env.rowCount);
    this.nameTable = FirstRowTable.take(env.rowCount);
    this.names = NameEntries.take(env.rowCount);
  }

  /** After the last row: the tables go back for the next analysis. */
  finish(): void {
    if (this.ownPasses) this.passes.release();
    this.passFirst.release();
    this.nameTable.release();
    this.names.release();
  }

  warm(rows: readonly PersonRow[], n: number): number {
    // Keys first, then the reads in a loop of their own: reads far apart (hashing names in between)
    // would not overlap.
    const passKeys = this.warmPass;
    const nameKeys = this.warmNames;
    for (let i = 0; i < n; i++) {
      const row = rows[i];
      const rawPass = row.passNumber;
      passKeys[i] = this.hasPass && rawPass !== null ? passDigits(rawPass) : -1;
      const { lastName, firstName, birthDate } = row;
      nameKeys[i] = this.hasNames && lastName !== null && firstName !== null && birthDate !== null ? nameKey(lastName, firstName, birthDate) : -1;
    }
    this.warmRows = rows;
    this.warmAt = 0;
    this.warmCount = n;
    let touched = 0;
    for (let i = 0; i < n; i++) {
      if (passKeys[i] >= 0) touched += this.passes.warm(passKeys[i]);
      if (nameKeys[i] >= 0) touched += this.nameTable.warm(nameKeys[i]);
    }
    return touched;
  }

  check(row: PersonRow): void {
    let warmed = -1;
    if (this.warmAt < this.warmCount && this.warmRows[this.warmAt] === row) warmed = this.warmAt++;
    let duplicated = false;
    const rawPass = row.passNumber;
    if (this.hasPass && rawPass !== null) {
      // Most PASS numbers are already 12 clean digits: no string work for them.
      let value = warmed >= 0 ? this.warmPass[warmed] : passDigits(rawPass);
      const pass = value >= 0 ? rawPass : normalizePass(rawPass);
      if (value < 0 && pass !== rawPass) value = passDigits(pass);
      const digits = value >= 0;
      const wellFormed = digits || PASS_CHARS.test(pass);
      if (!wellFormed) this.passMalformed(row, rawPass, pass);
      else if (!digits) this.passLettered(row, rawPass);
      // Only a well-formed PASS identifies a person ("EN COURS" on ten rows is not one person, as the reader
      // decides for `identity`); a malformed one is already a pass-format error.
      if (wellFormed) {
        const first = this.firstWithPass(pass, value, row.excelRow);
        if (first !== 0) {
          duplicated = true;
          this.duplicatePass(row, rawPass, first);
        }
      }
    }
    if (this.hasNames && row.lastName !== null && row.firstName !== null && row.birthDate !== null) {
      const key = warmed >= 0 ? this.warmNames[warmed] : nameKey(row.lastName, row.firstName, row.birthDate);
      const first = this.firstWithName(row, key, row.lastName, row.firstName, row.birthDate);
      // One finding per row: a row already reported for its PASS is not reported again.
      if (first !== 0 && !duplicated) this.duplicateName(row, first);
    }
  }

  private firstWithPass(pass: string, value: number, excelRow: number): number {
    if (value >= 0) {
      const entry = this.passes.entryOf(value);
      const first = this.passFirst.get(entry);
      if (first === 0) this.passFirst.set(entry, excelRow);
      return first;
    }
    const first = this.otherPass.get(pass);
    if (first !== undefined) return first;
    this.otherPass.set(pass, excelRow);
    return 0;
  }

  /** `key`: nameKey of the three. */
  private firstWithName(row: PersonRow, key: number, last: string, first: string, birth: number): number {
    if (key >= 0) {
      const names = this.names;
      const hit = this.nameTable.firstOrAdd(key, names.size + 1);
      if (hit === 0) {
        names.add(last, first, row.excelRow);
        return 0;
      }
      const same =
        normalizeText(names.lastName(hit)) === normalizeText(last) && normalizeText(names.firstName(hit)) === normalizeText(first);
      // A hash collision between different names (about one chance in 2^35) is not a duplicate.
      return same ? names.excelRow(hit) : 0;
    }
    const text = `${normalizeText(last)}|${normalizeText(first)}|${birth}`;
    const seen = this.otherNames.get(text);
    if (seen !== undefined) return seen;
    this.otherNames.set(text, row.excelRow);
    return 0;
  }

  private passMalformed(row: PersonRow, rawPass: string, pass: string): void {
    const env = this.env;
    this.findings.add("pass-format", "error", () => ({
      ...env.at("passNumber", row.excelRow),
      value: rawPass,
      message: `Le numéro de PASS IAE « ${rawPass} » doit comporter 12 lettres ou chiffres (${pass.length} caractère(s) utile(s) trouvé(s)). Recopiez-le depuis la décision d'agrément ou les emplois de l'inclusion.`,
    }));
  }

  private passLettered(row: PersonRow, rawPass: string): void {
    const env = this.env;
    this.findings.add("pass-format", "warning", () => ({
      ...env.at("passNumber", row.excelRow),
      value: rawPass,
      message: `Le numéro de PASS IAE « ${rawPass} » contient des lettres alors qu'il est normalement composé de 12 chiffres. Vérifiez qu'aucun chiffre n'a été remplacé par une lettre (O pour 0, I pour 1).`,
    }));
  }

  private duplicatePass(row: PersonRow, raw: string, first: number): void {
    const env = this.env;
    this.findings.add("duplicate-person", "error", () => ({
      ...env.at("passNumber", row.excelRow),
      value: raw,
      message: `Le PASS IAE ${raw} figure déjà à la ligne ${first}. Une personne ne doit apparaître qu'une fois par parcours : supprimez le doublon ou corrigez le numéro.`,
    }));
  }

  private duplicateName(row: PersonRow, first: number): void {
    const env = this.env;
    this.findings.add("duplicate-person", "error", () => ({
      ...env.at("lastName", row.excelRow),
      value: `nom + prénom + date de naissance identiques à la ligne ${first}`,
      message: `Cette personne (même nom, prénom et date de naissance) figure déjà à la ligne ${first}. Supprimez le doublon, ou fusionnez les deux lignes s'il s'agit du même parcours.`,
    }));
  }
}
