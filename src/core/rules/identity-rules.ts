import type { PersonRow } from "../model/person";
import { normalizeText } from "../text/normalize";
import type { RowRule, RuleEnv } from "./rule-env";

/** PASS IAE as compared: spaces, dots and dashes removed, upper case (domain §2.2). */
export function normalizePass(raw: string): string {
  return raw.replace(/[\s.\-\u00a0\u202f]/g, "").toUpperCase();
}

const PASS_CHARS = /^[A-Z0-9]{12}$/;
const PASS_DIGITS = /^\d{12}$/;
const ASCII_NAME = /^[\x20-\x7e]*$/;

/** pass-format and duplicate-person (same PASS, or same last name + first name + birth date). */
export function identityRules(env: RuleEnv): RowRule | null {
  const hasPass = env.has("passNumber");
  const hasNames = env.has("lastName") && env.has("firstName") && env.has("birthDate");
  if (!hasPass && !hasNames) return null;
  const { findings } = env;
  const byPass = new Map<string, number>();
  // Same birth day first (a small integer: cheap to hash), then the few people born that day compared by
  // normalised names. Chained through plain arrays so that a row costs no object allocation.
  const headByBirth = new Map<number, number>();
  const chainNext: number[] = [];
  const chainLast: string[] = [];
  const chainFirst: string[] = [];
  const chainRow: number[] = [];
  const keys = new Map<string, string>();
  // Names repeat: normalise each distinct text once; plain ASCII skips the Unicode normalisation (same result).
  const nameKey = (s: string) => {
    let k = keys.get(s);
    if (k === undefined) {
      k = ASCII_NAME.test(s) ? s.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim() : normalizeText(s);
      if (keys.size < 200000) keys.set(s, k);
    }
    return k;
  };
  const firstWithName = (last: string, first: string, birth: number, excelRow: number): number | undefined => {
    const l = nameKey(last);
    const f = nameKey(first);
    const head = headByBirth.get(birth);
    for (let i = head === undefined ? -1 : head; i >= 0; i = chainNext[i]) {
      if (chainLast[i] === l && chainFirst[i] === f) return chainRow[i];
    }
    headByBirth.set(birth, chainLast.length);
    chainNext.push(head === undefined ? -1 : head);
    chainLast.push(l);
    chainFirst.push(f);
    chainRow.push(excelRow);
    return undefined;
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
        const pass = PASS_DIGITS.test(rawPass) ? rawPass : normalizePass(rawPass);
        if (!PASS_CHARS.test(pass)) {
          findings.add("pass-format", "error", () => ({
            ...env.at("passNumber", row.excelRow),
            value: rawPass,
            message: `Le numéro de PASS IAE « ${rawPass} » doit comporter 12 lettres ou chiffres (${pass.length} caractère(s) utile(s) trouvé(s)). Recopiez-le depuis la décision d'agrément ou les emplois de l'inclusion.`,
          }));
        } else if (!PASS_DIGITS.test(pass)) {
          findings.add("pass-format", "warning", () => ({
            ...env.at("passNumber", row.excelRow),
            value: rawPass,
            message: `Le numéro de PASS IAE « ${rawPass} » contient des lettres alors qu'il est normalement composé de 12 chiffres. Vérifiez qu'aucun chiffre n'a été remplacé par une lettre (O pour 0, I pour 1).`,
          }));
        }
        if (pass !== "") {
          const first = byPass.get(pass);
          if (first === undefined) byPass.set(pass, row.excelRow);
          else {
            duplicated = true;
            duplicatePass(row, rawPass, first);
          }
        }
      }
      if (hasNames && row.lastName !== null && row.firstName !== null && row.birthDate !== null) {
        const first = firstWithName(row.lastName, row.firstName, row.birthDate, row.excelRow);
        // One finding per row: a row already reported for its PASS is not reported again.
        if (first !== undefined && !duplicated) duplicateName(row, first);
      }
    },
  };
}
