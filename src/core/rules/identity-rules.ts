import type { PersonRow } from "../model/person";
import { createNormalizer } from "../text/normalize";
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
  const byName = new Map<string, number>();
  const slowNormalize = createNormalizer();
  // Names are mostly plain ASCII: skip the Unicode normalisation for them (same result).
  const nameKey = (s: string) => (ASCII_NAME.test(s) ? s.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim() : slowNormalize(s));

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
        const pass = normalizePass(rawPass);
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
        const key = `${nameKey(row.lastName)}|${nameKey(row.firstName)}|${row.birthDate}`;
        const first = byName.get(key);
        if (first === undefined) byName.set(key, row.excelRow);
        // One finding per row: a row already reported for its PASS is not reported again.
        else if (!duplicated) duplicateName(row, first);
      }
    },
  };
}
