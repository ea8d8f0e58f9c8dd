import type { PersonRow } from "../model/person";
import { normalizeText } from "../text/normalize";
import type { FindingCollector } from "../findings/collector";
import type { RowRule, RuleEnv } from "./rule-env";
import { earlierEqual } from "../keys/earlier-equal";
import { passDigits } from "../keys/pass-digits";
import { NameEntries } from "../keys/name-entries";
import { PassLog } from "../keys/pass-log";
import { nameHash } from "./name-hash";

/** PASS IAE as compared: spaces, dots and dashes removed, upper case (domain §2.2). */
export function normalizePass(raw: string): string {
  return raw.replace(/[\s.\-\u00a0\u202f]/g, "").toUpperCase();
}

const PASS_CHARS = /^[A-Z0-9]{12}$/;
/** Name keys pack the birth day (18 bits) and hashes of the last (18 bits) and first name (17 bits): < 2^53. */
const BIRTH_OFFSET = 2 ** 17;
/** The number a name + birth day is compared under, or -1 when the birth day is outside the packable range. */
function nameKey(last: string, first: string, birth: number): number {
  const b = birth + BIRTH_OFFSET;
  if (!(b >= 0 && b < BIRTH_OFFSET * 2 && Number.isInteger(b))) return -1;
  return (b * 2 ** 18 + (nameHash(last) >>> 12)) * 2 ** 17 + (nameHash(first) >>> 13);
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
  // 12-digit PASS numbers (nearly all) as numbers with their row, grouped after the pass; the few
  // others (lettered) in a Map at once. The text shown for a 12-digit PASS is its digits, or what the
  // cell held when that differs (kept by log entry).
  private readonly passes: PassLog;
  private readonly passShown = new Map<number, string>();
  private readonly otherPass = new Map<string, number>();
  // Names are mostly distinct: they are hashed in their normalised form without building it, packed with
  // the birth day into one number, and kept with the names (not the row itself, which may be an object
  // the reader refills for the next row). Repeats are found after the pass (earlierEqual) and confirmed
  // with normalizeText.
  private readonly names: NameEntries;
  // Names whose birth day cannot be packed into a key (rare): compared by their normalised text.
  private readonly otherNames = new Map<string, number>();
  // Duplicates are reported after the pass, in row order (repeats are only known then).
  private readonly passRepeats: { row: number; raw: string; first: number }[] = [];
  private readonly nameRepeats: { row: number; first: number }[] = [];

  constructor(
    private readonly env: RuleEnv,
    private readonly hasPass: boolean,
    private readonly hasNames: boolean,
  ) {
    this.findings = env.findings;
    this.passes = PassLog.take(env.rowCount);
    this.names = NameEntries.take(env.rowCount);
  }

  /** After the last row: finds the repeats, reports every duplicate in row order, hands the tables back. */
  finish(): void {
    const passes = this.passes;
    passes.repeats((row, first, entry) =>
      this.passRepeats.push({ row, raw: this.passShown.get(entry) ?? twelveDigits(passes.value(entry)), first }),
    );
    const names = this.names;
    earlierEqual(
      names.keys,
      names.size,
      (k, j) =>
        normalizeText(names.lastName(k)) === normalizeText(names.lastName(j)) &&
        normalizeText(names.firstName(k)) === normalizeText(names.firstName(j)),
      (j, k) => this.nameRepeats.push({ row: names.excelRow(j), first: names.excelRow(k) }),
    );
    this.reportDuplicates();
    passes.release();
    names.release();
  }

  check(row: PersonRow): void {
    const rawPass = row.passNumber;
    if (this.hasPass && rawPass !== null) {
      // Most PASS numbers are already 12 clean digits: no string work for them.
      let value = passDigits(rawPass);
      const pass = value >= 0 ? rawPass : normalizePass(rawPass);
      if (value < 0 && pass !== rawPass) value = passDigits(pass);
      const digits = value >= 0;
      const wellFormed = digits || PASS_CHARS.test(pass);
      if (!wellFormed) this.passMalformed(row, rawPass, pass);
      else if (!digits) this.passLettered(row, rawPass);
      // Only a well-formed PASS identifies a person ("EN COURS" on ten rows is not one person, as the reader
      // decides for `identity`); a malformed one is already a pass-format error.
      if (digits) {
        if (pass !== rawPass) this.passShown.set(this.passes.size, rawPass);
        this.passes.add(value, row.excelRow);
      } else if (wellFormed) {
        const first = this.otherPass.get(pass);
        if (first !== undefined) this.passRepeats.push({ row: row.excelRow, raw: rawPass, first });
        else this.otherPass.set(pass, row.excelRow);
      }
    }
    if (this.hasNames && row.lastName !== null && row.firstName !== null && row.birthDate !== null) {
      const key = nameKey(row.lastName, row.firstName, row.birthDate);
      if (key >= 0) this.names.add(row.lastName, row.firstName, row.excelRow, key);
      else this.otherName(row.lastName, row.firstName, row.birthDate, row.excelRow);
    }
  }

  /** A name whose birth day has no key: compared at once by its normalised text. */
  private otherName(last: string, first: string, birth: number, excelRow: number): void {
    const text = `${normalizeText(last)}|${normalizeText(first)}|${birth}`;
    const seen = this.otherNames.get(text);
    if (seen !== undefined) this.nameRepeats.push({ row: excelRow, first: seen });
    else this.otherNames.set(text, excelRow);
  }

  /**
   * The duplicate-person findings, in row order as if raised row by row; one per row: a row already
   * reported for its PASS is not reported again for its name.
   */
  private reportDuplicates(): void {
    const byPass = this.passRepeats.sort((a, b) => a.row - b.row);
    const byName = this.nameRepeats.sort((a, b) => a.row - b.row);
    let p = 0;
    for (const n of byName) {
      while (p < byPass.length && byPass[p].row <= n.row) {
        const r = byPass[p++];
        this.duplicatePass(r.row, r.raw, r.first);
        if (r.row === n.row) n.first = 0;
      }
      if (n.first !== 0) this.duplicateName(n.row, n.first);
    }
    while (p < byPass.length) {
      const r = byPass[p++];
      this.duplicatePass(r.row, r.raw, r.first);
    }
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

  private duplicatePass(excelRow: number, raw: string, first: number): void {
    const env = this.env;
    this.findings.add("duplicate-person", "error", () => ({
      ...env.at("passNumber", excelRow),
      value: raw,
      message: `Le PASS IAE ${raw} figure déjà à la ligne ${first}. Une personne ne doit apparaître qu'une fois par parcours : supprimez le doublon ou corrigez le numéro.`,
    }));
  }

  private duplicateName(excelRow: number, first: number): void {
    const env = this.env;
    this.findings.add("duplicate-person", "error", () => ({
      ...env.at("lastName", excelRow),
      value: `nom + prénom + date de naissance identiques à la ligne ${first}`,
      message: `Cette personne (même nom, prénom et date de naissance) figure déjà à la ligne ${first}. Supprimez le doublon, ou fusionnez les deux lignes s'il s'agit du même parcours.`,
    }));
  }
}

/** A 12-digit PASS value as its text (leading zeros kept). */
function twelveDigits(value: number): string {
  return String(value).padStart(12, "0");
}
