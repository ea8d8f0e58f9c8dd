import type { PersonRow } from "../model/person";
import { normalizeText } from "../text/normalize";
import type { RowRule, RuleEnv } from "./rule-env";
import { FirstRowTable } from "./key-table";

/** PASS IAE as compared: spaces, dots and dashes removed, upper case (domain §2.2). */
export function normalizePass(raw: string): string {
  return raw.replace(/[\s.\-\u00a0\u202f]/g, "").toUpperCase();
}

const PASS_CHARS = /^[A-Z0-9]{12}$/;
const ASCII_NAME = /^[\x20-\x7e]*$/;
/** Name keys pack birth day (18 bits), last-name id and first-name id (17 bits each) into one exact number. */
const BIRTH_OFFSET = 2 ** 17;
const ID_LIMIT = 2 ** 17;

/** The value of a 12-digit PASS, or -1 when it is not exactly 12 ASCII digits (a char loop: cheaper than a regex). */
function passDigits(s: string): number {
  if (s.length !== 12) return -1;
  let n = 0;
  for (let i = 0; i < 12; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** pass-format and duplicate-person (same PASS, or same last name + first name + birth date). */
export function identityRules(env: RuleEnv): RowRule | null {
  const hasPass = env.has("passNumber");
  const hasNames = env.has("lastName") && env.has("firstName") && env.has("birthDate");
  if (!hasPass && !hasNames) return null;
  const { findings } = env;
  const expected = env.rowCount;
  // 12-digit PASS numbers (nearly all) as numbers in a typed table; anything else in a Map.
  const passTable = new FirstRowTable(expected);
  const otherPass = new Map<string, number>();
  // Names get small integer ids (each distinct text normalised once); with the birth day they make one number.
  const rawIds = new Map<string, number>();
  const normIds = new Map<string, number>();
  const nameTable = new FirstRowTable(expected);
  const otherNames = new Map<string, number>();
  const nameId = (s: string): number => {
    let id = rawIds.get(s);
    if (id === undefined) {
      // Plain ASCII skips the Unicode normalisation (same result).
      const norm = ASCII_NAME.test(s) ? s.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim() : normalizeText(s);
      id = normIds.get(norm);
      if (id === undefined) {
        id = normIds.size;
        normIds.set(norm, id);
      }
      rawIds.set(s, id);
    }
    return id;
  };
  const firstWithPass = (pass: string, value: number, excelRow: number): number => {
    if (value >= 0) return passTable.firstOrAdd(value, excelRow);
    const first = otherPass.get(pass);
    if (first !== undefined) return first;
    otherPass.set(pass, excelRow);
    return 0;
  };
  const firstWithName = (last: string, first: string, birth: number, excelRow: number): number => {
    const l = nameId(last);
    const f = nameId(first);
    const b = birth + BIRTH_OFFSET;
    if (l < ID_LIMIT && f < ID_LIMIT && b >= 0 && b < BIRTH_OFFSET * 2 && Number.isInteger(b)) {
      return nameTable.firstOrAdd((b * ID_LIMIT + l) * ID_LIMIT + f, excelRow);
    }
    const key = `${l}|${f}|${birth}`;
    const seen = otherNames.get(key);
    if (seen !== undefined) return seen;
    otherNames.set(key, excelRow);
    return 0;
  };

  const duplicatePass = (row: PersonRow, raw: string, first: number) =>
    findings.add("duplicate-person", "error", () => ({
      ...env.at("passNumber", row.excelRow),
      value: raw,
      message: `Le PASS IAE ${raw} figure déjà à la ligne ${first}. Une personne ne doit apparaître qu'une fois par parcours : supprimez le doublon ou corrigez le numéro.`,
    }));
  const duplicateName = (row: PersonRow, first: number) =>
    findings.add("duplicate-person", "error", () => ({
      ...env.at("lastName", row.excelRow),
      value: `nom + prénom + date de naissance identiques à la ligne ${first}`,
      message: `Cette personne (même nom, prénom et date de naissance) figure déjà à la ligne ${first}. Supprimez le doublon, ou fusionnez les deux lignes s'il s'agit du même parcours.`,
    }));

  return {
    check(row) {
      let duplicated = false;
      const rawPass = row.passNumber;
      if (hasPass && rawPass !== null) {
        // Most PASS numbers are already 12 clean digits: no string work for them.
        let value = passDigits(rawPass);
        const pass = value >= 0 ? rawPass : normalizePass(rawPass);
        if (value < 0 && pass !== rawPass) value = passDigits(pass);
        const digits = value >= 0;
        const wellFormed = digits || PASS_CHARS.test(pass);
        if (!wellFormed) {
          findings.add("pass-format", "error", () => ({
            ...env.at("passNumber", row.excelRow),
            value: rawPass,
            message: `Le numéro de PASS IAE « ${rawPass} » doit comporter 12 lettres ou chiffres (${pass.length} caractère(s) utile(s) trouvé(s)). Recopiez-le depuis la décision d'agrément ou les emplois de l'inclusion.`,
          }));
        } else if (!digits) {
          findings.add("pass-format", "warning", () => ({
            ...env.at("passNumber", row.excelRow),
            value: rawPass,
            message: `Le numéro de PASS IAE « ${rawPass} » contient des lettres alors qu'il est normalement composé de 12 chiffres. Vérifiez qu'aucun chiffre n'a été remplacé par une lettre (O pour 0, I pour 1).`,
          }));
        }
        // Only a well-formed PASS identifies a person ("EN COURS" on ten rows is not one person, as the reader
        // decides for `identity`); a malformed one is already a pass-format error.
        if (wellFormed) {
          const first = firstWithPass(pass, value, row.excelRow);
          if (first !== 0) {
            duplicated = true;
            duplicatePass(row, rawPass, first);
          }
        }
      }
      if (hasNames && row.lastName !== null && row.firstName !== null && row.birthDate !== null) {
        const first = firstWithName(row.lastName, row.firstName, row.birthDate, row.excelRow);
        // One finding per row: a row already reported for its PASS is not reported again.
        if (first !== 0 && !duplicated) duplicateName(row, first);
      }
    },
  };
}
